package lookout.bot.inspect;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.MessageRef;
import lookout.agent.Answer;
import lookout.agent.inspect.CheckupAgent;
import lookout.agent.inspect.Comparison;
import lookout.agent.inspect.InspectionAnswers;
import lookout.agent.inspect.Inspector;
import lookout.agent.inspect.ReportWriter;
import lookout.agent.redact.RedactingAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured check-ups when their schedule says, each due run once across replicas (a
 * database claim), and posts the report to its destination: one message, details in its thread. A
 * run missed while no replica was up is not made up later: the next report compares with the last
 * one anyway.
 */
public final class InspectionScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InspectionScheduler.class);

  /** Where reports go; the bot's conversations implement it. */
  public interface Poster {
    Optional<MessageRef> post(ConversationRef where, Answer answer);
  }

  private final List<InspectionSettings> schedules;
  private final Map<String, Inspector> inspectors;
  private final String defaultCluster;
  private final InspectionStore store;
  private final ReportWriter writer;
  private final Poster poster;
  private final Clock clock;
  private final Map<String, Instant> due = new HashMap<>();
  private volatile boolean running;
  private Thread loop;

  public InspectionScheduler(
      List<InspectionSettings> schedules,
      Map<String, Inspector> inspectors,
      String defaultCluster,
      InspectionStore store,
      ReportWriter writer,
      Poster poster,
      Clock clock) {
    this.schedules = List.copyOf(schedules);
    this.inspectors = Map.copyOf(inspectors);
    this.defaultCluster = defaultCluster;
    this.store = store;
    this.writer = writer;
    this.poster = poster;
    this.clock = clock;
    for (InspectionSettings s : this.schedules) {
      due.put(s.name(), next(s, clock.instant()));
    }
  }

  /** Checks the schedules every {@code tick} on a virtual thread. */
  public synchronized void start(java.time.Duration tick) {
    if (running || schedules.isEmpty()) {
      return;
    }
    running = true;
    loop =
        Thread.ofVirtual()
            .name("inspections")
            .start(
                () -> {
                  while (running) {
                    runDue();
                    try {
                      Thread.sleep(tick);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
  }

  /** Runs every schedule whose time has come; returns the names of the runs this replica did. */
  public synchronized List<String> runDue() {
    List<String> ran = new ArrayList<>();
    Instant now = clock.instant();
    for (InspectionSettings s : schedules) {
      Instant at = due.get(s.name());
      if (at.isAfter(now)) {
        continue;
      }
      due.put(s.name(), next(s, now));
      try {
        if (store.claimRun(s.name(), at, now)) {
          run(s);
          ran.add(s.name());
        }
      } catch (RuntimeException e) {
        log.error("while running the scheduled check-up {}", s.name(), e);
      }
    }
    return ran;
  }

  /** When {@code s} runs next. */
  public Instant nextRun(String name) {
    return due.get(name);
  }

  private void run(InspectionSettings s) {
    String cluster = s.cluster().orElse(defaultCluster);
    Inspector inspector = inspectors.get(cluster);
    if (inspector == null) {
      throw new IllegalStateException("no cluster named " + cluster);
    }
    Comparison c = CheckupAgent.compare(inspector, s.namespace().orElse(null), store);
    ConversationRef where = new ConversationRef(s.platform(), s.channel(), null);
    Answer head =
        InspectionAnswers.summarized(
            InspectionAnswers.root(c), c, writer, s.language().equals("zh"));
    Optional<MessageRef> root = poster.post(where, RedactingAgent.redact(head));
    // Persisting findings were explained (and offered buttons) in an earlier report's thread.
    if (root.isPresent() && (!c.added().isEmpty() || !c.report().usage().isEmpty())) {
      poster.post(
          where.inThread(root.get().messageId()),
          RedactingAgent.redact(InspectionAnswers.details(c)));
    }
    log.info("check-up {} posted to {}: {}", s.name(), where, head.summary());
  }

  private static Instant next(InspectionSettings s, Instant after) {
    return s.schedule().next(ZonedDateTime.ofInstant(after, s.zone()), s.zone()).toInstant();
  }

  @Override
  public synchronized void close() {
    running = false;
    if (loop != null) {
      loop.interrupt();
    }
  }
}
