-- Annotate (issue 11): jobs over a project's items, workers' qualifications, draft annotations
-- (predictions, detections) and the model hook. Portable SQL for SQLite and PostgreSQL.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  assignee_id TEXT REFERENCES users(id),
  aspect TEXT,
  qualification TEXT,
  frame_rate DOUBLE PRECISION,
  subset TEXT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  submitted_at BIGINT,
  override_json TEXT
);
CREATE INDEX jobs_by_project ON jobs (project_id, seq);
CREATE INDEX jobs_by_assignee ON jobs (assignee_id);
-- state: todo until the job's assignee saves the item, then done (back to todo when returned).
-- frames: the sampled frame indices of a video item (JSON array) for frame-rate jobs.
CREATE TABLE job_items (
  job_id TEXT NOT NULL REFERENCES jobs(id),
  item_id TEXT NOT NULL REFERENCES items(id),
  seq INTEGER NOT NULL,
  state TEXT NOT NULL,
  frames TEXT,
  PRIMARY KEY (job_id, item_id)
);
CREATE INDEX job_items_by_item ON job_items (item_id);
CREATE TABLE user_qualifications (
  user_id TEXT NOT NULL REFERENCES users(id),
  qualification TEXT NOT NULL,
  PRIMARY KEY (user_id, qualification)
);
-- Drafts are not annotations: they live here until accepted (copied into the item as a new
-- version) or rejected (deleted).
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items(id),
  project_id TEXT NOT NULL REFERENCES projects(id),
  annotation TEXT NOT NULL,
  score DOUBLE PRECISION,
  source TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX drafts_by_item ON drafts (item_id);
CREATE TABLE model_hooks (
  project_id TEXT PRIMARY KEY REFERENCES projects(id),
  url TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at BIGINT NOT NULL
);
-- De-identified publishable copies of a media file (the original stays in item_media).
CREATE TABLE deid_copies (
  item_id TEXT NOT NULL REFERENCES items(id),
  idx INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  regions INTEGER NOT NULL,
  job_id TEXT NOT NULL REFERENCES jobs(id),
  applied_by TEXT NOT NULL,
  applied_at BIGINT NOT NULL,
  PRIMARY KEY (item_id, idx)
);
