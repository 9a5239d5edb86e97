-- Review (issue 12): a project's workflow, items moving through its stages, every verdict (the
-- review history), issues pinned on shapes with their comment threads, gold items and the
-- readings of dual-read stages. Portable types only; JSON as TEXT; ids made by the application.
CREATE TABLE review_workflows (
  project_id TEXT PRIMARY KEY REFERENCES projects(id),
  yaml TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- One row per item under review: the stages it must pass (its route, decided by sampling when
-- its lot was submitted), where it is now and in which state (pending, returned, done, excluded).
CREATE TABLE review_items (
  item_id TEXT PRIMARY KEY REFERENCES items(id),
  project_id TEXT NOT NULL REFERENCES projects(id),
  author_id TEXT NOT NULL,
  lot_id TEXT NOT NULL,
  lot_size BIGINT NOT NULL,
  route TEXT NOT NULL,
  stage TEXT,
  state TEXT NOT NULL,
  round INTEGER NOT NULL,
  full_inspection INTEGER NOT NULL,
  submitted_at BIGINT NOT NULL,
  entered_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX review_items_by_project ON review_items (project_id, state, stage);
-- Every verdict: who decided what about whose work, at which stage, why, and how long it waited.
CREATE TABLE review_events (
  id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects(id),
  item_id TEXT NOT NULL REFERENCES items(id),
  stage TEXT NOT NULL,
  round INTEGER NOT NULL,
  author_id TEXT NOT NULL,
  reviewer_id TEXT NOT NULL,
  verdict TEXT NOT NULL,
  comment TEXT,
  lot_id TEXT,
  lot_size BIGINT NOT NULL,
  objects INTEGER NOT NULL,
  waited_ms BIGINT NOT NULL,
  gold_answer TEXT,
  at BIGINT NOT NULL
);
CREATE INDEX review_events_by_project ON review_events (project_id, seq);
CREATE TABLE review_issues (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  item_id TEXT NOT NULL REFERENCES items(id),
  stage TEXT,
  created_by TEXT,
  category TEXT NOT NULL,
  annotation_index INTEGER,
  x DOUBLE PRECISION,
  y DOUBLE PRECISION,
  w DOUBLE PRECISION,
  h DOUBLE PRECISION,
  mqm_code TEXT,
  severity TEXT,
  auto INTEGER NOT NULL,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX review_issues_by_item ON review_issues (item_id);
CREATE TABLE review_issue_comments (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES review_issues(id),
  author_id TEXT,
  text TEXT NOT NULL,
  reviewer_only INTEGER NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX review_issue_comments_by_issue ON review_issue_comments (issue_id);
-- Gold (honeypot) items: the known answer is the item's annotations when the manager marked it.
CREATE TABLE review_gold (
  item_id TEXT PRIMARY KEY REFERENCES items(id),
  project_id TEXT NOT NULL REFERENCES projects(id),
  answer TEXT NOT NULL,
  marked_by TEXT NOT NULL,
  marked_at BIGINT NOT NULL
);
-- Readings of a dual-read stage: each reader's annotations of the item, kept apart until both are in.
CREATE TABLE review_readings (
  item_id TEXT NOT NULL REFERENCES items(id),
  stage TEXT NOT NULL,
  reader_id TEXT NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects(id),
  annotations TEXT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (item_id, stage, reader_id)
);
