package lookout.bot.alerts;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lookout.adapters.chat.ChatAdapter;

/**
 * One {@link Lane} per destination, created on first use over the adapter registered for the
 * destination's platform. Generic over platforms: any adapter in the map can receive alerts, at the
 * pace its platform declares (kept by the outbox, not here).
 */
public final class Lanes implements AutoCloseable {
  private final Map<String, ChatAdapter> adapters;
  private final GroupStore store;
  private final String owner;
  private final InFlight inFlight;
  private final int stormBacklog;
  private final AlertMeters meters;
  private final Map<Destination, Lane> lanes = new ConcurrentHashMap<>();

  /**
   * @param owner this process's name in root claims
   * @param inFlight what is on its way to each destination (the outbox's undelivered rows)
   */
  public Lanes(
      Map<String, ChatAdapter> adapters,
      GroupStore store,
      String owner,
      InFlight inFlight,
      int stormBacklog) {
    this(
        adapters, store, owner, inFlight, stormBacklog, new AlertMeters(new SimpleMeterRegistry()));
  }

  Lanes(
      Map<String, ChatAdapter> adapters,
      GroupStore store,
      String owner,
      InFlight inFlight,
      int stormBacklog,
      AlertMeters meters) {
    this.meters = meters;
    this.adapters = Map.copyOf(adapters);
    this.store = store;
    this.owner = owner;
    this.inFlight = inFlight;
    this.stormBacklog = stormBacklog;
  }

  /** True when an adapter can deliver to {@code d}. */
  public boolean reachable(Destination d) {
    return adapters.containsKey(d.platform());
  }

  /**
   * Why {@code d} cannot take a new alert thread now (no adapter serves its platform, the platform
   * refuses to open the channel), or empty when it can. Asked before a group is accepted, so a
   * refusal becomes a 503 Alertmanager retries rather than a post dropped after a 200.
   */
  public java.util.Optional<String> refusal(Destination d) {
    ChatAdapter adapter = adapters.get(d.platform());
    if (adapter == null) {
      return java.util.Optional.of("no chat adapter for platform " + d.platform());
    }
    try {
      adapter.open(d.conversation());
      return java.util.Optional.empty();
    } catch (lookout.adapters.chat.ChatException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  public java.util.Set<String> platforms() {
    return adapters.keySet();
  }

  Lane lane(Destination d) {
    return lanes.computeIfAbsent(
        d,
        k -> {
          ChatAdapter adapter = adapters.get(k.platform());
          if (adapter == null) {
            throw new IllegalArgumentException(
                "no chat adapter for platform "
                    + k.platform()
                    + " (have "
                    + adapters.keySet()
                    + ")");
          }
          Lane lane = new Lane(k, adapter, store, owner, inFlight, stormBacklog, meters);
          // Destinations come from the routing table, so this label's values are bounded.
          meters.backlog(k.toString(), lane, l -> l.stats().pending());
          return lane;
        });
  }

  /** Every lane's counters, sorted by destination. */
  public List<LaneStats> stats() {
    return lanes.values().stream()
        .map(Lane::stats)
        .sorted(java.util.Comparator.comparing(LaneStats::destination))
        .toList();
  }

  /** True when nothing waits in any lane, nor is on its way to any lane's destination. */
  public boolean idle() {
    return stats().stream().allMatch(s -> s.pending() == 0)
        && lanes.keySet().stream().allMatch(d -> inFlight.count(d) == 0);
  }

  @Override
  public void close() {
    lanes.values().forEach(Lane::close);
  }
}
