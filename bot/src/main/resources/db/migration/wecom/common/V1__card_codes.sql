-- WeCom card response codes: the newest code of each card, so a decided card is updated in place
-- even when the click reached another replica or Lookout restarted in between. IF NOT EXISTS: a
-- database made before the migrations were versioned already has this table, and keeps it.
CREATE TABLE IF NOT EXISTS wecom_card_codes (
  task_id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
