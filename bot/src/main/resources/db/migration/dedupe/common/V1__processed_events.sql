-- Delivery dedupe: the key of every chat delivery already taken (a platform may deliver one event
-- twice, or to two replicas); inserting the key is the claim. IF NOT EXISTS: a database made before
-- the migrations were versioned already has this table, and keeps it.
CREATE TABLE IF NOT EXISTS processed_events (
  event_key TEXT PRIMARY KEY,
  seen_at BIGINT NOT NULL
);
