-- Sandbox jobs (issue 14): code runs next to a sandbox dataset's release; what it writes is
-- quarantined as outputs until a checker decides. Files live under <dataDir>/sandbox/<job id>/.
CREATE TABLE sandbox_jobs (
  id TEXT PRIMARY KEY,
  dataset TEXT NOT NULL,
  version TEXT NOT NULL,
  org_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  spec TEXT NOT NULL,
  state TEXT NOT NULL,
  exit_code INTEGER,
  error TEXT,
  result TEXT,
  submitted_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT
);
CREATE INDEX sandbox_jobs_by_user ON sandbox_jobs (submitted_by, created_at);
CREATE TABLE sandbox_outputs (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL REFERENCES sandbox_jobs(id),
  path TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  file_type TEXT NOT NULL,
  checks TEXT NOT NULL,
  blocked INTEGER NOT NULL,
  state TEXT NOT NULL,
  reason TEXT,
  changes TEXT,
  released_sha256 TEXT,
  decided_by TEXT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX sandbox_outputs_by_job ON sandbox_outputs (job_id);
CREATE INDEX sandbox_outputs_by_state ON sandbox_outputs (state, created_at);
