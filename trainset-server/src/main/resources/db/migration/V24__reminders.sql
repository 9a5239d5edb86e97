-- Reviewers' reminders by mail (issue 13.3). The reminder itself is a row of access_reminders
-- (V14), made by the server's reminder timer; these tables add where mail goes and what was sent.

-- The address the server mails a user at (`trainset users add --email`); users without one see
-- their reminders in the app only.
CREATE TABLE user_emails (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  address TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- One mail per reminder and reviewer: written as 'pending' in the transaction that makes the
-- reminder, then 'sent' or 'failed' (retried on later ticks up to a limit). A restart therefore
-- sends what was pending and never sends a reminder twice to the same reviewer.
CREATE TABLE access_reminder_mails (
  reminder_id TEXT NOT NULL REFERENCES access_reminders(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  address TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  error TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (reminder_id, user_id)
);
CREATE INDEX access_reminder_mails_by_state ON access_reminder_mails (state);
