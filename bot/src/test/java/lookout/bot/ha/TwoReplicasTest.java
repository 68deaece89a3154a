package lookout.bot.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SignedRequests;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Lookout processes on one PostgreSQL, both reachable by Slack (a fake Web API on loopback
 * they both post to): a delivery that reaches both replicas is answered once, an approval clicked
 * on both is executed once, and when the replica running the timers is killed the other takes the
 * lease and expires requests within the lease time. Needs LOOKOUT_TEST_POSTGRES_URL (skipped
 * locally without it, required in CI).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasTest {
  static final String PG = System.getenv("LOOKOUT_TEST_POSTGRES_URL");
  static final String SECRET = "ha-test-signing-secret-0123456789";
  static final Duration LEASE = Duration.ofSeconds(3);
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static String schemaUrl;
  static FakeSlackApi api;
  static Replica first;
  static Replica second;

  @BeforeAll
  static void startTwoReplicas() throws Exception {
    if (PG == null || PG.isBlank()) {
      if (System.getenv("CI") != null) {
        fail("CI is set but LOOKOUT_TEST_POSTGRES_URL is not: .ci/run starts PostgreSQL");
      }
      assumeTrue(false, "LOOKOUT_TEST_POSTGRES_URL not set");
    }
    String schema = "ha_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(PG);
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    schemaUrl = PG + (PG.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    api = new FakeSlackApi();
    Path policy =
        Files.writeString(
            dir.resolve("policy.yaml"),
            """
            groups:
              sre: [slack:UALICE, slack:UBOB]
            rules:
              - name: prod expires fast
                namespaces: [prod]
                approvers: ["group:sre"]
                ttl: 5s
              - name: staging
                namespaces: [staging]
                approvers: ["group:sre"]
            """);
    String config =
        """
        server: {host: 127.0.0.1, port: %%PORT%%}
        dataDir: "%%DATA%%"
        database:
          url: "%s"
          leaderLease: %ds
        approvals:
          policyFile: "%s"
          signingKey: shared-button-key-for-both-replicas-0123456789
          expiryCheck: 1s
        knowledge: {semantic: false}
        console: {enabled: false}
        slack:
          enabled: true
          botToken: xoxb-1111-2222-testtokenvalue
          signingSecret: %s
          apiUrl: "%s"
        """
            .formatted(schemaUrl, LEASE.toSeconds(), policy, SECRET, api.url())
            .replace("%%", "%");
    // The first replica is ready (and leads) before the second starts.
    first = Replica.start("first", dir, config).awaitReady(Duration.ofSeconds(90));
    second = Replica.start("second", dir, config).awaitReady(Duration.ofSeconds(90));
  }

  @AfterAll
  static void stop() throws Exception {
    for (Replica r : new Replica[] {first, second}) {
      if (r != null) {
        r.close();
      }
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  @Order(1)
  void a_mention_delivered_to_both_replicas_is_answered_once() throws Exception {
    String thread = "1700000101.000100";
    String event =
        SignedRequests.mention(
            "EvBoth1", "UCAROL", "C1", thread, null, "<@UBOT> why is checkout failing in staging?");

    List<HttpResponse<String>> replies = onBoth(r -> slack(r).event(event));

    assertThat(replies).extracting(HttpResponse::statusCode).containsExactly(200, 200);
    awaitCall(c -> c.method().equals("chat.postMessage") && thread.equals(c.field("thread_ts")));
    // The other replica saw the same delivery and settled it as a duplicate: nothing more comes.
    Eventually.until(
        "the second delivery of EvBoth1 to be ignored as a duplicate",
        Duration.ofSeconds(10),
        () ->
            (Files.readString(first.log) + Files.readString(second.log))
                .contains("duplicate delivery EvBoth1"));
    assertThat(api.all())
        .filteredOn(c -> c.method().equals("chat.postMessage"))
        .filteredOn(c -> thread.equals(c.field("thread_ts")))
        .hasSize(1);
  }

  @Test
  @Order(2)
  void an_approval_clicked_on_both_replicas_runs_once() throws Exception {
    String thread = "1700000102.000200";
    slack(first)
        .event(
            SignedRequests.mention(
                "EvRestartHa", "UALICE", "C2", thread, null, "<@UBOT> restart cart in staging"));
    FakeSlackApi.Call card = awaitCard("C2");
    String approve = buttonValue(card, "Approve");
    String press = SignedRequests.buttonPress("UBOB", "C2", card.answeredTs(), thread, approve);

    List<HttpResponse<String>> replies = onBoth(r -> slack(r).click(press));

    assertThat(replies).extracting(HttpResponse::statusCode).containsOnly(200);
    awaitCall(
        c ->
            c.method().equals("chat.update")
                && card.answeredTs().equals(c.field("ts"))
                && c.field("text").startsWith("Done"));
    String id = requestIdOf("staging", "cart");
    assertThat(auditEvents(id, "approved")).isEqualTo(1);
    assertThat(auditEvents(id, "executing")).isEqualTo(1);
    assertThat(auditEvents(id, "succeeded")).isEqualTo(1);
  }

  @Test
  @Order(3)
  void when_the_leader_is_killed_the_other_replica_takes_the_timers_within_the_lease()
      throws Exception {
    assertThat(leaseHolder())
        .as("the first replica started first and leads")
        .contains("/" + first.pid() + "/");
    slack(second)
        .event(
            SignedRequests.mention(
                "EvScaleHa",
                "UALICE",
                "C3",
                "1700000103.000300",
                null,
                "<@UBOT> scale payment-api to 4 in prod"));
    FakeSlackApi.Call card = awaitCard("C3");

    long killed = System.nanoTime();
    first.kill();

    String holder = awaitLeaseHolder("/" + second.pid() + "/", LEASE.multipliedBy(3));
    Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
    awaitCall(
        c ->
            c.method().equals("chat.update")
                && card.answeredTs().equals(c.field("ts"))
                && c.field("text").startsWith("Expired"));
    System.out.printf(
        "leader killed; %s took the lease after %d ms%n", holder, takeover.toMillis());
    // the lease is renewed every third of its time: the survivor takes it at most a lease plus
    // one renewal period after the leader's last renewal
    assertThat(takeover).isLessThanOrEqualTo(LEASE.plus(LEASE.dividedBy(3)).plusSeconds(2));
    String id = requestIdOf("prod", "payment-api");
    assertThat(auditEvents(id, "expired")).isEqualTo(1);
    Thread.sleep(1500); // later sweeps must not expire or edit it again
    assertThat(api.all())
        .filteredOn(c -> c.method().equals("chat.update"))
        .filteredOn(c -> card.answeredTs().equals(c.field("ts")))
        .filteredOn(c -> c.field("text").startsWith("Expired"))
        .hasSize(1);
    assertThat(Files.readString(second.log)).contains("now leads");
  }

  // --- helpers ---------------------------------------------------------------------------------

  interface Call<T> {
    T on(Replica r) throws Exception;
  }

  /** The same request to both replicas at the same moment. */
  static <T> List<T> onBoth(Call<T> call) throws Exception {
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Callable<T> a = () -> call.on(first);
      Callable<T> b = () -> call.on(second);
      List<Future<T>> both = pool.invokeAll(List.of(a, b));
      return List.of(both.get(0).get(), both.get(1).get());
    }
  }

  static SignedRequests slack(Replica r) {
    return new SignedRequests(r.port, SECRET);
  }

  static FakeSlackApi.Call awaitCard(String channel) throws Exception {
    return awaitCall(
        c ->
            c.method().equals("chat.postMessage")
                && channel.equals(c.field("channel"))
                && c.field("text").startsWith("Approval needed"));
  }

  static FakeSlackApi.Call awaitCall(Predicate<FakeSlackApi.Call> wanted) throws Exception {
    try {
      return Eventually.value(
          "a Slack call",
          Duration.ofSeconds(30),
          Duration.ofMillis(50),
          () -> api.all().stream().filter(wanted).findFirst().orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError(
          "no such Slack call; seen "
              + api.all()
              + "\nfirst:\n"
              + first.logTail()
              + "\nsecond:\n"
              + second.logTail());
    }
  }

  static String buttonValue(FakeSlackApi.Call post, String label) throws Exception {
    for (JsonNode block : JSON.readTree(post.field("blocks"))) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("text").path("text").asText().equals(label)) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no button " + label + " in " + post.field("blocks"));
  }

  static String leaseHolder() throws SQLException {
    try (Connection c = DriverManager.getConnection(schemaUrl);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT holder FROM leader_leases WHERE name = 'timers'")) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  static String awaitLeaseHolder(String containing, Duration within) throws Exception {
    try {
      return Eventually.value(
          "the lease to go to " + containing,
          within,
          Duration.ofMillis(50),
          () -> leaseHolder().contains(containing) ? leaseHolder() : null);
    } catch (AssertionError e) {
      throw new AssertionError(
          "lease still held by " + leaseHolder() + " after " + within + "\n" + second.logTail());
    }
  }

  static String requestIdOf(String namespace, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(schemaUrl);
        PreparedStatement st =
            c.prepareStatement(
                "SELECT id FROM approval_requests WHERE target_namespace = ? AND target_name = ?")) {
      st.setString(1, namespace);
      st.setString(2, name);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).as("a request for %s/%s", namespace, name).isTrue();
        String id = rs.getString(1);
        assertThat(rs.next()).as("only one request for %s/%s", namespace, name).isFalse();
        return id;
      }
    }
  }

  static int auditEvents(String requestId, String event) throws SQLException {
    try (Connection c = DriverManager.getConnection(schemaUrl);
        PreparedStatement st =
            c.prepareStatement(
                "SELECT count(*) FROM approval_audit WHERE request_id = ? AND event = ?")) {
      st.setString(1, requestId);
      st.setString(2, event);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
