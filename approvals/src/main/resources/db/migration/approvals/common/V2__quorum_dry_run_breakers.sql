-- N-of-M approvals, the dry run and the drift snapshot on requests; audit rows that stand on their
-- own (what was asked, by whom, the outcome); the circuit breakers.
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

CREATE TABLE approval_breakers (
  breaker_key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  target_cluster TEXT NOT NULL,
  target_namespace TEXT NOT NULL,
  target_name TEXT NOT NULL,
  failures INTEGER NOT NULL,
  opened_at BIGINT,
  last_error TEXT,
  updated_at BIGINT NOT NULL
);
