-- Dedup jobs (issue 11 item 7): the near-duplicate clusters `dedup images` finds among a job's
-- images, one row per member, and the keep/drop decision people make (keep NULL: undecided).
CREATE TABLE dedup_members (
  job_id TEXT NOT NULL REFERENCES jobs(id),
  item_id TEXT NOT NULL REFERENCES items(id),
  cluster INTEGER NOT NULL,
  rule TEXT NOT NULL,
  phash_distance INTEGER NOT NULL,
  dhash_distance INTEGER NOT NULL,
  keep INTEGER,
  decided_by TEXT,
  decided_at BIGINT,
  PRIMARY KEY (job_id, item_id)
);
