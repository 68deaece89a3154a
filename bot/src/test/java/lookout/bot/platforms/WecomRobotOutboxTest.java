package lookout.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.outbox.OutboxPolicy;
import lookout.adapters.wecom.FakeWecomApi;
import lookout.bot.config.WecomSettings;
import lookout.bot.db.Database;
import lookout.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts to a group robot go through the outbox: over 20 a minute they wait, none is lost. */
class WecomRobotOutboxTest {
  @TempDir Path dir;

  @Test
  void the_21st_alert_in_a_minute_waits_in_the_outbox_instead_of_failing() throws Exception {
    try (FakeWecomApi api = new FakeWecomApi();
        Database db = Database.open(null, dir)) {
      WecomSettings settings =
          new WecomSettings(
              true,
              api.url(),
              Optional.empty(),
              Optional.empty(),
              Map.of("ops", "robot-key-ops-000001"));
      TestClock clock = TestClock.at("2026-11-22T08:00:00Z");
      try (Outbox outbox = new Outbox(db.dataSource(), clock, OutboxPolicy.defaults());
          WecomSetup wecom = WecomSetup.open(settings, db.dataSource(), outbox)) {
        ConversationRef ops = new ConversationRef("wecom", "robot:ops", null);
        for (int i = 1; i <= 21; i++) {
          wecom.adapter().post(ops, Message.text("FIRING: KubePodCrashLooping #" + i));
        }

        // The robot's minute as the outbox worker lives it, on a clock the test moves.
        for (int s = 0; s < 60; s += 3) {
          outbox.deliverDue();
          clock.advance(Duration.ofSeconds(3));
        }

        // The 21st was tried and put off until the robot's minute has room (not merely not yet
        // reached): it is PENDING with a later due time than when it was queued.
        assertThat(putOff(db.dataSource())).isEqualTo(1);
        assertThat(api.calls("/webhook/send")).hasSize(20);
        assertThat(states(db.dataSource())).containsEntry("SENT", 20).containsEntry("PENDING", 1);
      }
    }
  }

  private static int putOff(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND next_at > created_at")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Map<String, Integer> states(DataSource ds) throws Exception {
    var out = new java.util.HashMap<String, Integer>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM outbox GROUP BY state")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }
}
