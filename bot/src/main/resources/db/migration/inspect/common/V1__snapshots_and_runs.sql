-- Check-up memory: the last snapshot per scope (so the next report can say what is new), and one
-- row per scheduled run (inserting it is the claim that lets exactly one replica post it). IF NOT
-- EXISTS: a database made before the migrations were versioned already has these tables, and keeps
-- them.
CREATE TABLE IF NOT EXISTS inspection_snapshots (
  scope TEXT PRIMARY KEY,
  taken_at BIGINT NOT NULL,
  findings TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS inspection_runs (
  schedule TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  claimed_at BIGINT NOT NULL,
  PRIMARY KEY (schedule, due_at)
);
