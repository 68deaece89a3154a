package lookout.approvals;

import java.util.List;
import java.util.Map;

/**
 * What a dry run saw that the policy's limits are about but the action itself does not say: the
 * node's labels (a rule may drain only nodes matching its {@code nodeSelector}), pods without a
 * controller (gone for good once deleted) and pods with local data ({@code emptyDir}, lost on
 * eviction).
 *
 * @param nodeLabels the labels of the node a node action works on; empty otherwise
 * @param unowned namespace/name of the pods the action would remove that no controller recreates
 * @param localData namespace/name of the pods the action would evict that keep data in emptyDir
 */
public record Observed(
    Map<String, String> nodeLabels, List<String> unowned, List<String> localData) {
  /** Nothing the policy needs to look at. */
  public static final Observed NOTHING = new Observed(Map.of(), List.of(), List.of());

  public Observed {
    nodeLabels = Map.copyOf(nodeLabels);
    unowned = List.copyOf(unowned);
    localData = List.copyOf(localData);
  }
}
