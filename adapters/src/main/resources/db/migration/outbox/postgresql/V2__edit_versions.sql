-- Edits of one message carry the version of the state they show (null for unversioned edits):
-- the worker sends an edit only when no newer one of the same message is queued or sent, so a
-- card never goes back to an older state. The index finds a message's edits by its target.
ALTER TABLE outbox ADD COLUMN version BIGINT;

CREATE INDEX IF NOT EXISTS outbox_edits ON outbox (platform, target, version);
