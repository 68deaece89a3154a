-- Approval requests: one row per requested action, moved from state to state by guarded updates.
-- IF NOT EXISTS throughout the first version: a database made before the migrations were
-- versioned already has these tables, and keeps them.
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
