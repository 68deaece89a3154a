package lookout.approvals;

/**
 * What an action's target looked like at one moment, for noticing drift between the request and its
 * execution.
 *
 * @param replicas the desired replica count ({@code spec.replicas})
 * @param generation {@code metadata.generation}: the API server bumps it whenever the spec changes
 */
public record TargetSnapshot(int replicas, long generation) {}
