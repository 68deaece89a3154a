package lookout.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import lookout.approvals.AuditEntry;
import lookout.approvals.AuditQuery;
import lookout.approvals.AuditTrail;
import lookout.bot.config.LookoutConfig;
import lookout.bot.db.Database;
import lookout.bot.wiring.Lookout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Exports the approvals audit trail from the configured database: text lines or JSON lines. */
@Command(
    name = "audit",
    description = "Print the approvals audit trail (oldest first); --json for JSON lines.")
final class AuditCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "A duration back from now (24h, 7d) or a UTC date/instant (default: 24h).")
  String since = "24h";

  @Option(names = "--namespace", description = "Only rows about this namespace.")
  String namespace;

  @Option(names = "--user", description = "Only rows by or for this user id (e.g. slack:U0123).")
  String user;

  @Option(names = "--json", description = "One JSON object per line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Instant from;
    try {
      from = Since.parse(since, Instant.now());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("lookout audit: " + e.getMessage());
      return 2;
    }
    LookoutConfig config = common.load(null);
    try (Database db = Lookout.openDatabase(config)) {
      List<AuditEntry> rows =
          new AuditTrail(db.dataSource())
              .query(new AuditQuery(from, namespace, user, AuditQuery.MAX_LIMIT));
      PrintWriter out = spec.commandLine().getOut();
      for (AuditEntry e : rows) {
        out.println(json ? toJson(e) : line(e));
      }
      out.flush();
    }
    return 0;
  }

  static String toJson(AuditEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", e.seq());
    o.put("time", e.at().toString());
    o.put("requestId", e.requestId());
    o.put("event", e.event());
    o.put("actor", e.actor());
    o.put("kind", e.kind());
    o.put("cluster", e.cluster());
    o.put("namespace", e.namespace());
    o.put("target", e.target());
    o.put("action", e.action());
    o.put("requester", e.requester());
    e.approvers().forEach(o.putArray("approvers")::add);
    o.put("dryRun", e.dryRun());
    o.put("result", e.result());
    o.put("error", e.error());
    o.put("detail", e.detail());
    return o.toString();
  }

  private static String line(AuditEntry e) {
    return String.join(
        "\t",
        e.at().toString(),
        e.event(),
        e.actor(),
        String.valueOf(e.action()),
        e.requestId(),
        e.error() != null ? e.error() : String.valueOf(e.result()));
  }
}
