-- alert_ownership keeps, per group, its last notification (to redraw the root when someone
-- acknowledges or silences it from the thread), who acknowledged which episode, and the
-- Alertmanager silences muting it (JSON).
CREATE TABLE alert_ownership (
  group_id TEXT PRIMARY KEY,
  notification TEXT,
  episode INTEGER NOT NULL,
  acked_by TEXT,
  acked_at BIGINT,
  silences TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
