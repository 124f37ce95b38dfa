/**
 * Sign-in and sessions. A session is a random 256-bit token in an HttpOnly cookie; the store keeps only its
 * sha256. A session ends after `idle` without a request, or `absolute` after sign-in whatever the activity.
 * Sign-in always opens a new session (rotation: a token planted before sign-in is never promoted) and ends the
 * one the browser presented. Repeated failed sign-ins lock the account for a while (and the server rate-limits
 * sign-in attempts per address on top: dashboard hooks).
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from './audit-log.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import type { Store } from './store.ts';
import { findUser, type UserRow } from './users.ts';

export interface AuthSettings {
  idleMs: number;
  absoluteMs: number;
  /** failed sign-ins in a row that lock the account */
  lockoutAttempts: number;
  lockoutMs: number;
}

const num = (v: string | undefined, fallback: number): number => {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
};

/** Defaults: 30 min idle, 12 h absolute, 5 failures → 15 min lockout; each can be set by env (seconds). */
export function authSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  return {
    idleMs: num(env.SEIMBANG_SESSION_IDLE_SECONDS, 30 * 60) * 1000,
    absoluteMs: num(env.SEIMBANG_SESSION_MAX_SECONDS, 12 * 3600) * 1000,
    lockoutAttempts: num(env.SEIMBANG_LOCKOUT_ATTEMPTS, 5),
    lockoutMs: num(env.SEIMBANG_LOCKOUT_SECONDS, 15 * 60) * 1000,
  };
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface SessionUser {
  username: string;
  displayName: string | null;
  role: UserRow['role'];
  mustChangePassword: boolean;
  tokenHash: string;
  expiresMs: number;
}

export type SignInResult =
  | { ok: true; token: string; user: SessionUser }
  | { ok: false; reason: 'bad_credentials' | 'locked' | 'disabled'; lockedUntilMs?: number };

/** Check a username and password; on success open a new session (and end `previousToken`'s). Writes the audit log. */
export async function signIn(
  db: Store,
  input: { username: string; password: string; address: string | null; previousToken?: string | null },
  s: AuthSettings = authSettings(),
  now: () => number = Date.now,
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase().slice(0, 64);
  const user = findUser(db, username);
  // an unknown user costs a hash too, so the answer time does not tell which usernames exist
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  const t = now();
  const audit = (action: Parameters<typeof appendAudit>[1]['action'], detail?: Record<string, unknown>) =>
    appendAudit(db, { actor: user ? user.username : null, actorRole: user?.role ?? null, action, target: username, detail, address: input.address });

  if (!user) {
    audit('sign_in_failed', { why: 'unknown_user' });
    return { ok: false, reason: 'bad_credentials' };
  }
  if (user.locked_until_ms && user.locked_until_ms > t) {
    audit('sign_in_failed', { why: 'locked' });
    return { ok: false, reason: 'locked', lockedUntilMs: user.locked_until_ms };
  }
  if (user.disabled_at) {
    audit('sign_in_failed', { why: 'disabled' });
    return { ok: false, reason: 'disabled' };
  }
  if (!ok) {
    let locked: number | undefined;
    db.transaction(() => {
      // count from the row as it is now (another process may have counted a failure meanwhile)
      const row = db.prepare('SELECT failed_attempts FROM app_user WHERE id = ?').get(user.id) as { failed_attempts: number };
      const failures = row.failed_attempts + 1;
      if (failures >= s.lockoutAttempts) {
        locked = t + s.lockoutMs;
        db.prepare('UPDATE app_user SET failed_attempts = 0, locked_until_ms = ? WHERE id = ?').run(locked, user.id);
        audit('sign_in_failed', { why: 'wrong_password' });
        audit('account_locked', { until: new Date(locked).toISOString(), failures });
      } else {
        db.prepare('UPDATE app_user SET failed_attempts = ? WHERE id = ?').run(failures, user.id);
        audit('sign_in_failed', { why: 'wrong_password' });
      }
    }).immediate();
    return locked ? { ok: false, reason: 'locked', lockedUntilMs: locked } : { ok: false, reason: 'bad_credentials' };
  }
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const expiresMs = t + s.absoluteMs;
  db.transaction(() => {
    if (input.previousToken) db.prepare('DELETE FROM app_session WHERE token_hash = ?').run(hashToken(input.previousToken));
    db.prepare('DELETE FROM app_session WHERE expires_ms < ? OR last_seen_ms < ?').run(t, t - s.idleMs);
    db.prepare('UPDATE app_user SET failed_attempts = 0, locked_until_ms = NULL WHERE id = ?').run(user.id);
    db.prepare('INSERT INTO app_session (token_hash, user_id, created_ms, last_seen_ms, expires_ms, address) VALUES (?, ?, ?, ?, ?, ?)').run(
      tokenHash,
      user.id,
      t,
      t,
      expiresMs,
      input.address,
    );
    audit('sign_in');
  }).immediate();
  return {
    ok: true,
    token,
    user: { username: user.username, displayName: user.display_name, role: user.role, mustChangePassword: !!user.must_change_password, tokenHash, expiresMs },
  };
}

/**
 * The user of a session token, or null when the token is unknown, expired (idle or absolute) or the account is
 * disabled. Refreshes last_seen at most once a minute (one write per active user per minute, not per request).
 */
export function sessionUser(db: Store, token: string, s: AuthSettings = authSettings(), now: () => number = Date.now): SessionUser | null {
  const tokenHash = hashToken(token);
  const row = db
    .prepare(
      `SELECT s.last_seen_ms, s.expires_ms, u.username, u.display_name, u.role, u.must_change_password, u.disabled_at
       FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(tokenHash) as
    | { last_seen_ms: number; expires_ms: number; username: string; display_name: string | null; role: UserRow['role']; must_change_password: number; disabled_at: string | null }
    | undefined;
  if (!row) return null;
  const t = now();
  if (row.disabled_at || row.expires_ms <= t || row.last_seen_ms + s.idleMs <= t) {
    db.prepare('DELETE FROM app_session WHERE token_hash = ?').run(tokenHash);
    return null;
  }
  if (t - row.last_seen_ms > Math.min(60_000, s.idleMs / 4)) {
    db.prepare('UPDATE app_session SET last_seen_ms = ? WHERE token_hash = ?').run(t, tokenHash);
  }
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    mustChangePassword: !!row.must_change_password,
    tokenHash,
    expiresMs: Math.min(row.expires_ms, t + s.idleMs),
  };
}

export function signOut(db: Store, token: string, who: { username: string; role: string } | null, address: string | null): void {
  db.transaction(() => {
    const r = db.prepare('DELETE FROM app_session WHERE token_hash = ?').run(hashToken(token));
    if (r.changes && who) appendAudit(db, { actor: who.username, actorRole: who.role, action: 'sign_out', target: who.username, address });
  }).immediate();
}
