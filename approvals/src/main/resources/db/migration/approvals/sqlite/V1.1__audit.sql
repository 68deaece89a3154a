-- The audit trail, one row per event of a request, in the order they happened (seq).
CREATE TABLE IF NOT EXISTS approval_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  event TEXT NOT NULL,
  detail TEXT
);

CREATE INDEX IF NOT EXISTS approval_audit_request ON approval_audit (request_id, seq);
