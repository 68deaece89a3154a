package lookout.bot.alerts;

import java.util.List;
import javax.sql.DataSource;
import lookout.approvals.Migrations;

/**
 * The alert tables. {@code alert_groups} keeps each group's state (keyed by a hash of the group
 * key, which can be longer than PostgreSQL indexes allow); {@code alert_roots} holds one row per
 * (group, destination): inserting it is the claim that lets exactly one replica post the root.
 */
public final class AlertsSchema {
  static final List<Migrations.Migration> MIGRATIONS =
      List.of(
          new Migrations.Migration(
              "alerts-1-groups",
              List.of(
                  "CREATE TABLE IF NOT EXISTS alert_groups ("
                      + "group_id TEXT PRIMARY KEY, group_key TEXT NOT NULL,"
                      + " status TEXT NOT NULL, started_at BIGINT NOT NULL, resolved_at BIGINT,"
                      + " updated_at BIGINT NOT NULL, notifications INTEGER NOT NULL,"
                      + " alerts TEXT NOT NULL, analyses INTEGER NOT NULL, analysis TEXT NOT NULL,"
                      + " timeline TEXT NOT NULL, episode INTEGER NOT NULL)",
                  "CREATE TABLE IF NOT EXISTS alert_roots ("
                      + "group_id TEXT NOT NULL, destination TEXT NOT NULL, owner TEXT NOT NULL,"
                      + " claimed_at BIGINT NOT NULL, message_id TEXT,"
                      + " PRIMARY KEY (group_id, destination))")));

  private AlertsSchema() {}

  public static void apply(DataSource db) {
    Migrations.apply(db, MIGRATIONS);
  }
}
