-- Accounts, sessions and the audit log (issue 19).
-- Times are UTC: sessions in epoch milliseconds (compared on every request), the rest as ISO-8601 text.

CREATE TABLE app_user (
  id                   INTEGER PRIMARY KEY,
  username             TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (username GLOB '[a-z0-9]*' AND length(username) BETWEEN 3 AND 40),
  display_name         TEXT,
  role                 TEXT    NOT NULL CHECK (role IN ('pimpinan', 'analis', 'admin')),
  -- scrypt$N$r$p$salt$hash (app-store/passwords.ts); never the password itself
  password_hash        TEXT    NOT NULL,
  -- a generated one-time password: the user must choose their own at the next sign-in
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  disabled_at          TEXT,
  failed_attempts      INTEGER NOT NULL DEFAULT 0,
  locked_until_ms      INTEGER,
  created_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE app_session (
  -- sha256 of the cookie's token: a stolen copy of this table cannot be replayed as a cookie
  token_hash    TEXT    PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_ms    INTEGER NOT NULL,
  last_seen_ms  INTEGER NOT NULL,
  -- absolute expiry: created_ms + the maximum session length, whatever the activity
  expires_ms    INTEGER NOT NULL,
  address       TEXT
);
CREATE INDEX app_session_user ON app_session (user_id);

-- Append-only: who did what, when, from where. Never a password or a session token.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- the username as it was (text, so that entries stay readable whatever happens to the account); NULL: anonymous or the system
  actor      TEXT,
  actor_role TEXT,
  action     TEXT    NOT NULL,
  -- what the action was about: a username, a transfer id, an endpoint …
  target     TEXT,
  -- JSON object with the particulars (changed role, reason of a refusal …)
  detail     TEXT,
  address    TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Installation secrets generated on first start (e.g. the key of the opaque person references in URLs).
CREATE TABLE app_secret (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
