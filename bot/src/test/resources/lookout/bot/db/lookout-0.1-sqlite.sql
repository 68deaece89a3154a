-- A SQLite database as Lookout 0.1 left it: the statements its numbered migrations
-- (approvals.Migrations, schema_migrations) and its table-creating constructors ran, then one row
-- in every table. One statement per line group, each ending with ";" at the end of a line.
CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS approval_requests (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  target_cluster TEXT NOT NULL,
  target_namespace TEXT NOT NULL,
  action_json TEXT NOT NULL,
  requester TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  approvals TEXT NOT NULL,
  decided_by TEXT,
  result TEXT,
  message_ref TEXT
);
CREATE INDEX IF NOT EXISTS approval_requests_due ON approval_requests (state, expires_at);
CREATE TABLE IF NOT EXISTS approval_audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL, occurred_at BIGINT NOT NULL, actor TEXT NOT NULL, event TEXT NOT NULL, detail TEXT);
CREATE INDEX IF NOT EXISTS approval_audit_request ON approval_audit (request_id, seq);
INSERT INTO schema_migrations (id, applied_at) VALUES ('approvals-1-base', 1767225600000);
ALTER TABLE approval_requests ADD COLUMN target_name TEXT;
ALTER TABLE approval_requests ADD COLUMN action_text TEXT;
ALTER TABLE approval_requests ADD COLUMN required_approvals INTEGER NOT NULL DEFAULT 1;
ALTER TABLE approval_requests ADD COLUMN approvers TEXT;
ALTER TABLE approval_requests ADD COLUMN dry_run TEXT;
ALTER TABLE approval_requests ADD COLUMN before_replicas INTEGER;
ALTER TABLE approval_requests ADD COLUMN before_generation BIGINT;
ALTER TABLE approval_audit ADD COLUMN kind TEXT;
ALTER TABLE approval_audit ADD COLUMN target_cluster TEXT;
ALTER TABLE approval_audit ADD COLUMN target_namespace TEXT;
ALTER TABLE approval_audit ADD COLUMN target_name TEXT;
ALTER TABLE approval_audit ADD COLUMN action_text TEXT;
ALTER TABLE approval_audit ADD COLUMN requester TEXT;
ALTER TABLE approval_audit ADD COLUMN approvals TEXT;
ALTER TABLE approval_audit ADD COLUMN dry_run TEXT;
ALTER TABLE approval_audit ADD COLUMN result TEXT;
ALTER TABLE approval_audit ADD COLUMN error TEXT;
CREATE INDEX approval_audit_time ON approval_audit (occurred_at);
CREATE TABLE approval_breakers (breaker_key TEXT PRIMARY KEY, kind TEXT NOT NULL, target_cluster TEXT NOT NULL, target_namespace TEXT NOT NULL, target_name TEXT NOT NULL, failures INTEGER NOT NULL, opened_at BIGINT, last_error TEXT, updated_at BIGINT NOT NULL);
CREATE TRIGGER approval_audit_no_update BEFORE UPDATE ON approval_audit BEGIN SELECT RAISE(ABORT, 'approval_audit is append-only'); END;
CREATE TRIGGER approval_audit_no_delete BEFORE DELETE ON approval_audit BEGIN SELECT RAISE(ABORT, 'approval_audit is append-only'); END;
INSERT INTO schema_migrations (id, applied_at) VALUES ('approvals-2-quorum-dryrun-audit-breaker', 1767225600000);
CREATE TABLE IF NOT EXISTS processed_events (event_key TEXT PRIMARY KEY, seen_at BIGINT NOT NULL);
INSERT INTO schema_migrations (id, applied_at) VALUES ('bot-1-processed-events', 1767225600000);
CREATE TABLE IF NOT EXISTS leader_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL);
INSERT INTO schema_migrations (id, applied_at) VALUES ('deploy-1-leader-leases', 1767225600000);
CREATE TABLE IF NOT EXISTS wecom_card_codes (task_id TEXT PRIMARY KEY, code TEXT NOT NULL, expires_at BIGINT NOT NULL);
INSERT INTO schema_migrations (id, applied_at) VALUES ('wecom-1-card-codes', 1767225600000);
CREATE TABLE IF NOT EXISTS inspection_snapshots (scope TEXT PRIMARY KEY, taken_at BIGINT NOT NULL, findings TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inspection_runs (schedule TEXT NOT NULL, due_at BIGINT NOT NULL, claimed_at BIGINT NOT NULL, PRIMARY KEY (schedule, due_at));
INSERT INTO schema_migrations (id, applied_at) VALUES ('inspect-1-snapshots', 1767225600000);
CREATE TABLE IF NOT EXISTS alert_groups (group_id TEXT PRIMARY KEY, group_key TEXT NOT NULL, status TEXT NOT NULL, started_at BIGINT NOT NULL, resolved_at BIGINT, updated_at BIGINT NOT NULL, notifications INTEGER NOT NULL, alerts TEXT NOT NULL, analyses INTEGER NOT NULL, analysis TEXT NOT NULL, timeline TEXT NOT NULL, episode INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS alert_roots (group_id TEXT NOT NULL, destination TEXT NOT NULL, owner TEXT NOT NULL, claimed_at BIGINT NOT NULL, message_id TEXT, PRIMARY KEY (group_id, destination));
INSERT INTO schema_migrations (id, applied_at) VALUES ('alerts-1-groups', 1767225600000);
CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, channel TEXT NOT NULL, thread TEXT NOT NULL, kind TEXT NOT NULL, target TEXT, message TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_at BIGINT NOT NULL, claimed_until BIGINT, posted_id TEXT, last_error TEXT, created_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_at);
CREATE TABLE IF NOT EXISTS incidents (
  id VARCHAR(128) PRIMARY KEY,
  title TEXT NOT NULL,
  alert_name TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  resolved_at BIGINT,
  analysis TEXT NOT NULL,
  resolution TEXT NOT NULL,
  resolved_by TEXT NOT NULL,
  thread_link TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incident_labels (
  incident_id VARCHAR(128) NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  name VARCHAR(255) NOT NULL,
  label_value TEXT NOT NULL,
  PRIMARY KEY (incident_id, name));
CREATE TABLE IF NOT EXISTS incident_timeline (
  incident_id VARCHAR(128) NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  line TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq));
CREATE INDEX IF NOT EXISTS incidents_started ON incidents(started_at);
