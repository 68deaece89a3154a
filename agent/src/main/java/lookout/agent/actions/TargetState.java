package lookout.agent.actions;

/**
 * What an action's target looks like now, for noticing drift between approval and execution.
 *
 * @param replicas the desired replica count ({@code spec.replicas})
 * @param generation {@code metadata.generation}: changes whenever the spec changes
 */
public record TargetState(
    String kind, String namespace, String name, int replicas, long generation) {}
