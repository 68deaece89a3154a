package lookout.agent.analyzers;

import java.util.List;

/**
 * Says which kinds Lookout could not read for this answer (RBAC forbids them, the cluster does not
 * serve them, the read failed), naming the permission to grant, so "no finding" is never mistaken
 * for "nothing wrong" where nothing was looked at.
 */
public final class ReadGapsAnalyzer implements Analyzer {
  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<ReadGap> gaps = facts.related().gaps();
    if (gaps.isEmpty()) {
      return List.of();
    }
    List<String> evidence =
        new java.util.ArrayList<>(
            gaps.stream().map(g -> Evidence.clip("access: " + g.sentence())).toList());
    boolean forbidden = gaps.stream().anyMatch(g -> g.reason() == ReadGap.Reason.FORBIDDEN);
    if (forbidden) {
      evidence.add(
          Meta.fix(
              "grant the read verbs above to Lookout's ClusterRole (the Helm chart's rbac.create does), then ask again"));
    }
    String kinds =
        String.join(", ", gaps.stream().map(ReadGap::qualifiedResource).distinct().toList());
    return List.of(
        Meta.finding(
                Finding.Severity.INFO,
                "ReadGaps",
                facts.target() != null
                    ? facts.target()
                    : new ObjectRef("Cluster", null, facts.cluster()),
                Evidence.clip(
                    gaps.size() == 1
                        ? "is only partly checked: Lookout " + gaps.get(0).sentence()
                        : "is only partly checked: Lookout could not read " + kinds),
                evidence)
            .build());
  }
}
