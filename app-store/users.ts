/**
 * Accounts: add, list, change role, disable/enable, reset or change the password. Shared by the CLI
 * (`seimbang user …`), the admin page and `npm start` (the first admin). Every change is written to the audit log
 * in the same transaction as the change itself.
 */
import { appendAudit } from './audit-log.ts';
import { generatePassword, hashPassword, passwordProblem } from './passwords.ts';
import { isAccountRole, type AccountRole } from './roles.ts';
import type { Store } from './store.ts';

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: AccountRole;
  must_change_password: number;
  disabled_at: string | null;
  failed_attempts: number;
  locked_until_ms: number | null;
  created_at: string;
  updated_at: string;
}

/** who did it (for the audit log): a signed-in admin, or the command line */
export interface Actor {
  username: string | null;
  role: string | null;
  address?: string | null;
}
export const CLI_ACTOR: Actor = { username: null, role: 'cli', address: 'command line' };

const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,39}$/;
const COLUMNS = 'id, username, display_name, role, must_change_password, disabled_at, failed_attempts, locked_until_ms, created_at, updated_at';
const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export function checkUsername(username: string): string {
  const u = username.trim().toLowerCase();
  if (!USERNAME_RE.test(u)) throw new AccountError('a username is 3–40 characters: a–z, 0–9, dot, dash, underscore, starting with a letter or digit');
  return u;
}

function checkRole(role: string): AccountRole {
  if (!isAccountRole(role)) throw new AccountError(`unknown role "${role}": one of pimpinan, analis, admin`);
  return role;
}

export function findUser(db: Store, username: string): (UserRow & { password_hash: string }) | undefined {
  return db.prepare(`SELECT ${COLUMNS}, password_hash FROM app_user WHERE username = ?`).get(username.trim().toLowerCase()) as
    | (UserRow & { password_hash: string })
    | undefined;
}

function mustFind(db: Store, username: string): UserRow {
  const u = findUser(db, username);
  if (!u) throw new AccountError(`no user "${username}"`);
  return u;
}

export function listUsers(db: Store): UserRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM app_user ORDER BY username`).all() as UserRow[];
}

export function countActiveAdmins(db: Store): number {
  return (db.prepare("SELECT count(*) AS n FROM app_user WHERE role = 'admin' AND disabled_at IS NULL").get() as { n: number }).n;
}

/**
 * Add an account. Without `password` a one-time password is generated and returned (to be shown once); the user
 * must change it at the first sign-in.
 */
export async function addUser(
  db: Store,
  actor: Actor,
  input: { username: string; role: string; displayName?: string | null; password?: string | null },
): Promise<{ user: UserRow; oneTimePassword: string | null }> {
  const username = checkUsername(input.username);
  const role = checkRole(input.role);
  if (findUser(db, username)) throw new AccountError(`user "${username}" exists already`);
  let oneTime: string | null = null;
  let password = input.password ?? null;
  if (password) {
    const p = passwordProblem(password, username);
    if (p) throw new AccountError(p);
  } else {
    oneTime = password = generatePassword();
  }
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare('INSERT INTO app_user (username, display_name, role, password_hash, must_change_password) VALUES (?, ?, ?, ?, ?)').run(
      username,
      input.displayName?.trim() || null,
      role,
      hash,
      oneTime ? 1 : 0,
    );
    appendAudit(db, { actor: actor.username, actorRole: actor.role, action: 'user_added', target: username, detail: { role }, address: actor.address });
  }).immediate();
  return { user: mustFind(db, username), oneTimePassword: oneTime };
}

export function setRole(db: Store, actor: Actor, username: string, role: string): UserRow {
  const r = checkRole(role);
  db.transaction(() => {
    const u = mustFind(db, username);
    if (u.role === 'admin' && r !== 'admin' && !u.disabled_at && countActiveAdmins(db) <= 1) {
      throw new AccountError('this is the last active admin: make another admin first');
    }
    db.prepare(`UPDATE app_user SET role = ?, updated_at = ${NOW} WHERE id = ?`).run(r, u.id);
    // a session carries the role it was opened with only through the user row, so the new role applies at once
    appendAudit(db, { actor: actor.username, actorRole: actor.role, action: 'user_role_changed', target: u.username, detail: { from: u.role, to: r }, address: actor.address });
  }).immediate();
  return mustFind(db, username);
}

export function setDisabled(db: Store, actor: Actor, username: string, disabled: boolean): UserRow {
  db.transaction(() => {
    const u = mustFind(db, username);
    if (disabled && u.role === 'admin' && !u.disabled_at && countActiveAdmins(db) <= 1) {
      throw new AccountError('this is the last active admin: make another admin first');
    }
    if (disabled) {
      db.prepare(`UPDATE app_user SET disabled_at = coalesce(disabled_at, ${NOW}), updated_at = ${NOW} WHERE id = ?`).run(u.id);
      db.prepare('DELETE FROM app_session WHERE user_id = ?').run(u.id);
    } else {
      db.prepare(`UPDATE app_user SET disabled_at = NULL, failed_attempts = 0, locked_until_ms = NULL, updated_at = ${NOW} WHERE id = ?`).run(u.id);
    }
    appendAudit(db, { actor: actor.username, actorRole: actor.role, action: disabled ? 'user_disabled' : 'user_enabled', target: u.username, address: actor.address });
  }).immediate();
  return mustFind(db, username);
}

/** A new one-time password (returned, to be shown once); signs the user out everywhere and lifts a lockout. */
export async function resetPassword(db: Store, actor: Actor, username: string): Promise<string> {
  const u = mustFind(db, username);
  const password = generatePassword();
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare(`UPDATE app_user SET password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until_ms = NULL, updated_at = ${NOW} WHERE id = ?`).run(hash, u.id);
    db.prepare('DELETE FROM app_session WHERE user_id = ?').run(u.id);
    appendAudit(db, { actor: actor.username, actorRole: actor.role, action: 'user_password_reset', target: u.username, address: actor.address });
  }).immediate();
  return password;
}

/** The user chooses their own password (after checking the current one: the caller does). Other sessions end. */
export async function changePassword(db: Store, actor: Actor, username: string, password: string, keepSessionHash?: string): Promise<void> {
  const u = mustFind(db, username);
  const p = passwordProblem(password, u.username);
  if (p) throw new AccountError(p);
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare(`UPDATE app_user SET password_hash = ?, must_change_password = 0, updated_at = ${NOW} WHERE id = ?`).run(hash, u.id);
    db.prepare('DELETE FROM app_session WHERE user_id = ? AND token_hash IS NOT ?').run(u.id, keepSessionHash ?? null);
    appendAudit(db, { actor: actor.username, actorRole: actor.role, action: 'password_changed', target: u.username, address: actor.address });
  }).immediate();
}
