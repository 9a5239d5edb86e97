-- Publishing (issue 13): datasets in the catalog, their immutable releases and error reports
-- from data users. Release files live at <dataDir>/releases/<dataset>/<version>/.
CREATE TABLE datasets (
  name TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  project_id TEXT NOT NULL REFERENCES projects(id),
  family TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  licence TEXT NOT NULL,
  citation TEXT NOT NULL,
  -- the card of the latest release: construction process, statistics, tasks, quality (JSON)
  card_json TEXT NOT NULL,
  tasks TEXT NOT NULL,
  latest_version TEXT NOT NULL,
  -- open, signin or gated (the access area manages it; the catalog filters on it)
  access_mode TEXT NOT NULL DEFAULT 'open',
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE releases (
  id TEXT PRIMARY KEY,
  dataset_name TEXT NOT NULL REFERENCES datasets(name),
  version TEXT NOT NULL,
  -- the numeric parts, so versions sort 1.10.0 after 1.9.0 in SQL
  major INTEGER NOT NULL,
  minor INTEGER NOT NULL,
  patch INTEGER NOT NULL,
  project_id TEXT NOT NULL REFERENCES projects(id),
  manifest_sha256 TEXT NOT NULL,
  items BIGINT NOT NULL,
  annotations BIGINT NOT NULL,
  bytes BIGINT NOT NULL,
  summary_json TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (dataset_name, version)
);
CREATE TABLE error_reports (
  id TEXT PRIMARY KEY,
  dataset_name TEXT NOT NULL REFERENCES datasets(name),
  project_id TEXT NOT NULL REFERENCES projects(id),
  version TEXT,
  item_name TEXT NOT NULL,
  shape_index INTEGER,
  text TEXT NOT NULL,
  state TEXT NOT NULL,
  reporter_id TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  fixed_by TEXT,
  fixed_at BIGINT,
  fix_note TEXT,
  -- the release whose change notes list the fix (null until one does)
  shipped_in TEXT
);
CREATE INDEX error_reports_by_project ON error_reports (project_id, state);
