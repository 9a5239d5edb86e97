-- One schema for SQLite and PostgreSQL: portable types only (TEXT, BIGINT, INTEGER,
-- DOUBLE PRECISION), ids made by the application, JSON kept as TEXT.
CREATE TABLE orgs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE user_orgs (
  user_id TEXT NOT NULL REFERENCES users(id),
  org_id TEXT NOT NULL REFERENCES orgs(id),
  PRIMARY KEY (user_id, org_id)
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE access_tokens (
  token_hash TEXT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  family TEXT NOT NULL,
  rule_pack TEXT,
  source_format TEXT,
  schema_json TEXT,
  generation INTEGER NOT NULL,
  item_count BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (org_id, name)
);
-- Items of a project's current generation are its dataset; an import writes a new generation
-- and switches to it in one transaction, so a failed or killed import leaves the old one.
CREATE TABLE items (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  generation INTEGER NOT NULL,
  seq BIGINT NOT NULL,
  name TEXT NOT NULL,
  subset TEXT,
  labels TEXT NOT NULL,
  body TEXT NOT NULL,
  annotations TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_by TEXT,
  updated_at BIGINT NOT NULL
);
CREATE INDEX items_by_project ON items (project_id, generation, seq);
CREATE INDEX items_by_name ON items (project_id, generation, name);
CREATE TABLE item_media (
  item_id TEXT NOT NULL REFERENCES items(id),
  idx INTEGER NOT NULL,
  sha256 TEXT,
  size BIGINT,
  PRIMARY KEY (item_id, idx)
);
CREATE TABLE item_versions (
  item_id TEXT NOT NULL REFERENCES items(id),
  version INTEGER NOT NULL,
  annotations TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  summary TEXT NOT NULL,
  PRIMARY KEY (item_id, version)
);
CREATE TABLE operations (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  progress DOUBLE PRECISION NOT NULL,
  result TEXT,
  error TEXT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  file_name TEXT NOT NULL,
  size BIGINT NOT NULL,
  received BIGINT NOT NULL,
  sha256 TEXT,
  created_at BIGINT NOT NULL
);
