-- Past incidents, the source of truth the search index is rebuilt from. Plain SQL that SQLite and
-- PostgreSQL both accept: times are epoch milliseconds, labels and timeline lines are child rows
-- (no JSON support needed). IF NOT EXISTS: a database made before the migrations were versioned
-- already has these tables, and keeps them.
CREATE TABLE IF NOT EXISTS incidents (
  id VARCHAR(128) PRIMARY KEY,
  title TEXT NOT NULL,
  alert_name TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  resolved_at BIGINT,
  analysis TEXT NOT NULL,
  resolution TEXT NOT NULL,
  resolved_by TEXT NOT NULL,
  thread_link TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS incident_labels (
  incident_id VARCHAR(128) NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  name VARCHAR(255) NOT NULL,
  label_value TEXT NOT NULL,
  PRIMARY KEY (incident_id, name)
);

CREATE TABLE IF NOT EXISTS incident_timeline (
  incident_id VARCHAR(128) NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  line TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq)
);

CREATE INDEX IF NOT EXISTS incidents_started ON incidents(started_at);
