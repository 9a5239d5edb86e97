-- ISO 2859-1 switching per review stage (issue 12): one row per lot sampled at a stage with an
-- {aql: A} plan (kind 'lot': the inspection mode it was drawn under and, once every sampled item
-- has its first verdict there, the nonconforming count), per resumption after discontinued
-- inspection (kind 'resume') and per lot held back while inspection was discontinued (kind 'held').
-- Decided lots and resumptions in decided_seq order are the history Iso2859Switching replays.
CREATE TABLE review_lots (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  stage TEXT NOT NULL,
  lot_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  mode TEXT,
  aql DOUBLE PRECISION,
  lot_size BIGINT,
  sample_size INTEGER,
  accept_number INTEGER,
  reject_number INTEGER,
  nonconforming INTEGER,
  accepted INTEGER,
  decided_seq BIGINT,
  author_id TEXT,
  item_ids TEXT,
  actor_id TEXT,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX review_lots_stage ON review_lots (project_id, stage, decided_seq);
CREATE INDEX review_lots_lot ON review_lots (project_id, lot_id, stage);
