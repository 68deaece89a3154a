package lookout.agent.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.sandbox.ScenarioApiServer;

/**
 * Serves each scenario from its own mock API server, asks the agent every question of it, and
 * scores the answers; records every request that would change the cluster.
 */
public final class ScenarioRunner {
  private static final long QUESTION_TIMEOUT_SECONDS = 30;

  private ScenarioRunner() {}

  public static List<Outcome> run(List<Scenario> scenarios) {
    List<Outcome> out = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Scenario scenario : scenarios) {
        out.addAll(run(scenario, threads));
      }
    }
    return List.copyOf(out);
  }

  private static List<Outcome> run(Scenario scenario, ExecutorService threads) {
    List<Outcome> out = new ArrayList<>();
    try (ScenarioApiServer server = ScenarioApiServer.start(scenario.objects(), scenario.logs())) {
      Agent agent = AgentUnderTest.offline(server.client());
      int n = 0;
      for (Probe probe : scenario.probes()) {
        String thread = "scenario:" + scenario.id() + ":" + n++;
        out.add(ask(agent, server, scenario, probe, thread, threads));
      }
    } catch (RuntimeException e) {
      throw new ScenarioException("scenario " + scenario.id() + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Outcome ask(
      Agent agent,
      ScenarioApiServer server,
      Scenario scenario,
      Probe probe,
      String thread,
      ExecutorService threads) {
    long start = System.nanoTime();
    Future<Answer> pending =
        threads.submit(() -> agent.ask(new Question(probe.text(), "scenario:tester", thread)));
    Answer answer = null;
    String error = null;
    try {
      answer = pending.get(QUESTION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      error = "no answer within " + QUESTION_TIMEOUT_SECONDS + " s";
    } catch (ExecutionException e) {
      error = "the agent threw " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    var writes = server.takeRequests().stream().filter(ScenarioApiServer.Request::writes).toList();
    if (answer == null) {
      return new Outcome(scenario, probe, "", List.of(error), writes, null, millis);
    }
    String text = AnswerText.of(answer);
    String requested = answer.requested().map(a -> a.describe()).orElse(null);
    return new Outcome(
        scenario, probe, text, probe.expect().problems(text), writes, requested, millis);
  }
}
