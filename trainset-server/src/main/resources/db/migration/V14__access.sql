-- Access to published datasets (issue 13): access modes, gated requests with their documents,
-- grants, reviewer reminders and the record of every download. Dataset names are plain text
-- (no foreign key to the catalog's tables): an access rule may be set before a release exists.

-- The access mode of a dataset, or of one of its versions or subsets ('' = every version/subset);
-- the most specific row wins. form_json holds the gated request form the managers define.
CREATE TABLE access_modes (
  dataset_name TEXT NOT NULL,
  version TEXT NOT NULL,
  subset TEXT NOT NULL,
  mode TEXT NOT NULL,
  form_json TEXT NOT NULL,
  reminder_days INTEGER NOT NULL,
  updated_by TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (dataset_name, version, subset)
);

CREATE TABLE access_requests (
  id TEXT PRIMARY KEY,
  dataset_name TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  org_id TEXT REFERENCES orgs(id),
  scope_version TEXT NOT NULL,
  scope_subset TEXT NOT NULL,
  purpose TEXT NOT NULL,
  answers TEXT NOT NULL,
  state TEXT NOT NULL,
  reason TEXT,
  grant_id TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX access_requests_by_dataset ON access_requests (dataset_name, state);
CREATE INDEX access_requests_by_user ON access_requests (user_id);

-- What happened to a request, oldest first: submitted, needs-info (with the reviewer's question),
-- the applicant's reply, approved, rejected (with its reason), revoked.
CREATE TABLE access_request_events (
  request_id TEXT NOT NULL REFERENCES access_requests(id),
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor_id TEXT,
  kind TEXT NOT NULL,
  message TEXT,
  PRIMARY KEY (request_id, seq)
);

-- Uploaded documents (an IRB approval notice, ...): the bytes live under the data folder's
-- access-documents/ by SHA-256, never under a static path.
CREATE TABLE access_documents (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES access_requests(id),
  sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- A grant to one user (user_id) or to every member of an organisation (org_id).
CREATE TABLE access_grants (
  id TEXT PRIMARY KEY,
  dataset_name TEXT NOT NULL,
  scope_version TEXT NOT NULL,
  scope_subset TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  org_id TEXT REFERENCES orgs(id),
  request_id TEXT,
  granted_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  revoked_by TEXT,
  revoke_reason TEXT
);
CREATE INDEX access_grants_by_dataset ON access_grants (dataset_name);

-- A reminder to the reviewers that a request has waited past the dataset's reminder_days.
CREATE TABLE access_reminders (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES access_requests(id),
  at BIGINT NOT NULL,
  waited_days INTEGER NOT NULL
);

-- Every download: who, what, when, how many bytes, under which grant (null: no grant needed).
CREATE TABLE downloads (
  id TEXT PRIMARY KEY,
  user_id TEXT,
  dataset_name TEXT NOT NULL,
  version TEXT NOT NULL,
  path TEXT NOT NULL,
  range_start BIGINT,
  bytes BIGINT NOT NULL,
  grant_id TEXT,
  state TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX downloads_by_dataset ON downloads (dataset_name, version);
