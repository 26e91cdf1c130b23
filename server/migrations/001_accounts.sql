-- Accounts, their sessions and the team's settings. Times are epoch milliseconds from the
-- server's clock (injected in tests), not the database's now().
CREATE TABLE accounts (
  id serial PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'lead', 'analyst', 'compliance')),
  password_hash text NOT NULL,
  failed_sign_ins integer NOT NULL DEFAULT 0,
  locked_until bigint,
  disabled boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL
);
-- "Ana" and "ana" are one analyst in the log.
CREATE UNIQUE INDEX accounts_name ON accounts (lower(name));

-- Only a SHA-256 of each token is kept, so a copy of the database signs nobody in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
INSERT INTO settings (key, value) VALUES ('idleLockMinutes', '15');
