-- Outbound chat posts and edits, stored before they are sent and delivered by one worker per
-- replica (claimed with a guarded UPDATE). The id orders a conversation's rows and names a post
-- (outbox:<id>) until the platform gives it one. IF NOT EXISTS: a database made before the
-- migrations were versioned already has this table, and keeps it.
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  thread TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT,
  message TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_at BIGINT NOT NULL,
  claimed_until BIGINT,
  posted_id TEXT,
  last_error TEXT,
  created_at BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_at);
