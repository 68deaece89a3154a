-- Named leases (e.g. "timers"): which replica holds each until when, taken by conditional
-- UPDATE/INSERT. IF NOT EXISTS: a database made before the migrations were versioned already has
-- this table, and keeps it.
CREATE TABLE IF NOT EXISTS leader_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
