-- alert_groups keeps each Alertmanager group's state, keyed by a hash of the group key (which can
-- be longer than PostgreSQL indexes allow); alert_roots holds one row per (group, destination):
-- inserting it is the claim that lets exactly one replica post the root message. IF NOT EXISTS: a
-- database made before the migrations were versioned already has these tables, and keeps them.
CREATE TABLE IF NOT EXISTS alert_groups (
  group_id TEXT PRIMARY KEY,
  group_key TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  resolved_at BIGINT,
  updated_at BIGINT NOT NULL,
  notifications INTEGER NOT NULL,
  alerts TEXT NOT NULL,
  analyses INTEGER NOT NULL,
  analysis TEXT NOT NULL,
  timeline TEXT NOT NULL,
  episode INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS alert_roots (
  group_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  owner TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  message_id TEXT,
  PRIMARY KEY (group_id, destination)
);
