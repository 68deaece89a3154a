package lookout.agent.actions;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.approvals.Approvals;
import lookout.approvals.ApprovalsSchema;
import lookout.approvals.ButtonTokens;
import lookout.approvals.PolicyLoader;
import org.sqlite.SQLiteDataSource;

/** Approvals on a fresh SQLite file, under a policy that names the new action kinds. */
final class OperationFixture {
  static final Instant NOW = Instant.parse("2026-11-22T03:04:05Z");
  static final String POLICY =
      """
      groups:
        sre: [console:alice, console:bob]
      rules:
        - name: nodes
          nodes: ["*"]
          actions: [cordon, uncordon, drain]
          nodeSelector: pool=general
          requesters: ["group:sre"]
          approvers: ["group:sre"]
        - name: repairs
          namespaces: ["*"]
          actions: [rollback, delete-pod, suspend, resume, rerun, cleanup-evicted]
          maxPods: 2
          requesters: ["group:sre"]
          approvers: ["group:sre"]
      """;
  private static final AtomicInteger FILES = new AtomicInteger();

  private OperationFixture() {}

  static KubernetesActionExecutor executor(KubernetesClient client) {
    return new KubernetesActionExecutor(Map.of("sandbox", client), clock());
  }

  static Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  static Approvals approvals(Path dir, KubernetesActionExecutor executor) {
    SQLiteDataSource db = new SQLiteDataSource();
    db.setUrl("jdbc:sqlite:" + dir.resolve("approvals-" + FILES.incrementAndGet() + ".db"));
    ApprovalsSchema.migrate(db);
    return new Approvals(
        db,
        PolicyLoader.parse(POLICY, "policy.yaml"),
        new ButtonTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
        new ActionRouter(executor, executor),
        Clock.systemUTC());
  }
}
