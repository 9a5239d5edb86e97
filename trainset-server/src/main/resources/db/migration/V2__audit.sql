-- The audit log: append-only, each entry carries the SHA-256 of the previous entry's hash and its
-- own canonical text, so an edited, deleted or reordered entry breaks the chain at that entry.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id TEXT,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
