-- WeCom AI-bot stream replies: the newest version of each streamed answer, so WeCom's refresh
-- callbacks are answered whichever replica they reach, and the outbox worker of any replica can
-- write the next version. finished: 0 while the answer is being made, 1 once the last version is in.
CREATE TABLE IF NOT EXISTS wecom_streams (
  msg_id TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  finished INTEGER NOT NULL,
  expires_at BIGINT NOT NULL
);
