/**
 * The application store (app-store/): migrations, accounts, sessions with idle and absolute expiry, lockout, the
 * append-only audit log, surviving a reopen, and two processes writing at once without losing a write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../app-store/store.ts';
import { migrate, readMigrations, migrationsDir, schemaVersion } from '../../app-store/migrate.ts';
import { addUser, changePassword, CLI_ACTOR, listUsers, resetPassword, setDisabled, setRole, AccountError } from '../../app-store/users.ts';
import { authSettings, hashToken, sessionUser, signIn, signOut } from '../../app-store/sessions.ts';
import { appendAudit, listAudit } from '../../app-store/audit-log.ts';
import { ensureFirstAdmin } from '../../app-store/first-admin.ts';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../app-store/passwords.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let file: string;
let db: Store;
const S = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000, lockoutAttempts: 3, lockoutMs: 15 * 60_000 };

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-app-'));
  file = path.join(dir, 'app.sqlite');
  db = openStore(file);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('store and migrations', () => {
  it('opens in WAL mode with foreign keys, at the latest migration', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(readMigrations().at(-1)!.version);
    expect(migrate(db)).toEqual([]); // nothing left to apply
  });

  it('applies a new migration file once, and refuses an applied file that changed', () => {
    const mdir = path.join(dir, 'migrations');
    mkdirSync(mdir);
    cpSync(migrationsDir(), mdir, { recursive: true });
    writeFileSync(path.join(mdir, '0099_extra.sql'), 'CREATE TABLE extra (id INTEGER PRIMARY KEY, name TEXT NOT NULL);');
    expect(migrate(db, readMigrations(mdir))).toEqual([99]);
    expect(migrate(db, readMigrations(mdir))).toEqual([]);
    writeFileSync(path.join(mdir, '0099_extra.sql'), 'CREATE TABLE extra (id INTEGER PRIMARY KEY);');
    expect(() => migrate(db, readMigrations(mdir))).toThrow(/changed after it was applied/);
  });

  it('keeps users, sessions and the audit log across a reopen (a server restart)', async () => {
    await addUser(db, CLI_ACTOR, { username: 'siti', role: 'analis', password: 'kata-sandi-panjang-1' });
    const r = await signIn(db, { username: 'siti', password: 'kata-sandi-panjang-1', address: '127.0.0.1' }, S);
    expect(r.ok).toBe(true);
    db.close();
    db = openStore(file);
    expect(listUsers(db).map((u) => u.username)).toEqual(['siti']);
    expect(sessionUser(db, (r as { token: string }).token, S)?.username).toBe('siti');
    expect(listAudit(db).map((a) => a.action)).toEqual(['sign_in', 'user_added']);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and a salt; verifies only the right password', async () => {
    const h1 = await hashPassword('rahasia-sekali-123');
    const h2 = await hashPassword('rahasia-sekali-123');
    expect(h1).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(h1).not.toBe(h2);
    expect(h1).not.toContain('rahasia');
    expect(await verifyPassword('rahasia-sekali-123', h1)).toBe(true);
    expect(await verifyPassword('rahasia-sekali-124', h1)).toBe(false);
  });
  it('refuses short or trivial passwords; generates 20-character one-time passwords', () => {
    expect(passwordProblem('pendek')).toMatch(/12/);
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/different/);
    expect(passwordProblem('budi-santoso-2025', 'budi-santoso')).toMatch(/username/);
    expect(passwordProblem('kuda-lumping-77')).toBeNull();
    const p = generatePassword();
    expect(p).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect(generatePassword()).not.toBe(p);
  });
});

describe('accounts', () => {
  it('adds with a one-time password, changes role, disables, resets; every change in the audit log', async () => {
    const { oneTimePassword, user } = await addUser(db, CLI_ACTOR, { username: 'Budi', role: 'pimpinan' });
    expect(user.username).toBe('budi');
    expect(user.must_change_password).toBe(1);
    expect(oneTimePassword).toMatch(/^[a-zA-Z2-9]{20}$/);
    await expect(addUser(db, CLI_ACTOR, { username: 'budi', role: 'analis' })).rejects.toThrow(AccountError);
    await expect(addUser(db, CLI_ACTOR, { username: 'x', role: 'analis' })).rejects.toThrow(/3–40/);
    await expect(addUser(db, CLI_ACTOR, { username: 'ani', role: 'root' })).rejects.toThrow(/unknown role/);
    expect(setRole(db, CLI_ACTOR, 'budi', 'analis').role).toBe('analis');
    expect(setDisabled(db, CLI_ACTOR, 'budi', true).disabled_at).not.toBeNull();
    expect((await signIn(db, { username: 'budi', password: oneTimePassword!, address: null }, S)).ok).toBe(false);
    setDisabled(db, CLI_ACTOR, 'budi', false);
    const fresh = await resetPassword(db, CLI_ACTOR, 'budi');
    expect((await signIn(db, { username: 'budi', password: oneTimePassword!, address: null }, S)).ok).toBe(false);
    const ok = await signIn(db, { username: 'budi', password: fresh, address: null }, S);
    expect(ok.ok && ok.user.mustChangePassword).toBe(true);
    await changePassword(db, { username: 'budi', role: 'analis' }, 'budi', 'sandi-pilihan-sendiri-9');
    const actions = listAudit(db).map((a) => a.action).reverse();
    expect(actions).toEqual([
      'user_added', 'user_role_changed', 'user_disabled', 'sign_in_failed', 'user_enabled', 'user_password_reset',
      'sign_in_failed', 'sign_in', 'password_changed',
    ]);
    // never a password or a token in the log
    const all = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(all).not.toContain(oneTimePassword!);
    expect(all).not.toContain(fresh);
    expect(all).not.toContain('sandi-pilihan-sendiri-9');
  });

  it('keeps at least one active admin', async () => {
    await addUser(db, CLI_ACTOR, { username: 'admin', role: 'admin' });
    expect(() => setRole(db, CLI_ACTOR, 'admin', 'analis')).toThrow(/last active admin/);
    expect(() => setDisabled(db, CLI_ACTOR, 'admin', true)).toThrow(/last active admin/);
  });

  it('creates the first admin only in an empty store, with a one-time password', async () => {
    const first = await ensureFirstAdmin(db);
    expect(first?.username).toBe('admin');
    expect(first?.password).toMatch(/^[a-zA-Z2-9]{20}$/);
    expect(await ensureFirstAdmin(db)).toBeNull();
    expect(listUsers(db)[0]!.must_change_password).toBe(1);
  });
});

describe('sessions', () => {
  beforeEach(async () => {
    await addUser(db, CLI_ACTOR, { username: 'rina', role: 'analis', password: 'kuda-lumping-sore-77' });
  });

  it('stores only the hash of the token; rotates at sign-in; signs out', async () => {
    const a = await signIn(db, { username: 'rina', password: 'kuda-lumping-sore-77', address: '10.0.0.1' }, S);
    if (!a.ok) throw new Error('sign-in failed');
    expect(JSON.stringify(db.prepare('SELECT * FROM app_session').all())).not.toContain(a.token);
    expect(db.prepare('SELECT token_hash FROM app_session').pluck().all()).toEqual([hashToken(a.token)]);
    const b = await signIn(db, { username: 'rina', password: 'kuda-lumping-sore-77', address: '10.0.0.1', previousToken: a.token }, S);
    if (!b.ok) throw new Error('sign-in failed');
    expect(b.token).not.toBe(a.token);
    expect(sessionUser(db, a.token, S)).toBeNull();
    expect(sessionUser(db, b.token, S)?.role).toBe('analis');
    signOut(db, b.token, { username: 'rina', role: 'analis' }, '10.0.0.1');
    expect(sessionUser(db, b.token, S)).toBeNull();
    expect(listAudit(db, { action: 'sign_out' })).toHaveLength(1);
  });

  it('expires after the idle time, and after the absolute time however active', async () => {
    let t = 1_000_000_000_000;
    const now = () => t;
    const r = await signIn(db, { username: 'rina', password: 'kuda-lumping-sore-77', address: null }, S, now);
    if (!r.ok) throw new Error('sign-in failed');
    t += S.idleMs - 1000;
    expect(sessionUser(db, r.token, S, now)).not.toBeNull(); // activity refreshes last_seen
    t += S.idleMs - 1000;
    expect(sessionUser(db, r.token, S, now)).not.toBeNull();
    t += S.idleMs + 1;
    expect(sessionUser(db, r.token, S, now)).toBeNull(); // idle
    const r2 = await signIn(db, { username: 'rina', password: 'kuda-lumping-sore-77', address: null }, S, now);
    if (!r2.ok) throw new Error('sign-in failed');
    const start = t;
    while (t < start + S.absoluteMs - S.idleMs / 2) {
      t += S.idleMs / 2;
      expect(sessionUser(db, r2.token, S, now)).not.toBeNull();
    }
    t = start + S.absoluteMs;
    expect(sessionUser(db, r2.token, S, now)).toBeNull(); // absolute
  });

  it('locks the account after repeated failures, also for the right password, until the lockout ends', async () => {
    let t = 2_000_000_000_000;
    const now = () => t;
    for (let i = 0; i < S.lockoutAttempts - 1; i++) {
      expect(await signIn(db, { username: 'rina', password: 'salah-salah-salah', address: null }, S, now)).toEqual({ ok: false, reason: 'bad_credentials' });
    }
    const locked = await signIn(db, { username: 'rina', password: 'salah-salah-salah', address: null }, S, now);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect((await signIn(db, { username: 'rina', password: 'kuda-lumping-sore-77', address: null }, S, now)).ok).toBe(false);
    t += S.lockoutMs + 1;
    expect((await signIn(db, { username: 'rina', password: 'kuda-lumping-sore-77', address: null }, S, now)).ok).toBe(true);
    expect(listAudit(db, { action: 'account_locked' })).toHaveLength(1);
  });

  it('disabling an account ends its sessions', async () => {
    await addUser(db, CLI_ACTOR, { username: 'admin', role: 'admin' });
    const r = await signIn(db, { username: 'rina', password: 'kuda-lumping-sore-77', address: null }, S);
    if (!r.ok) throw new Error('sign-in failed');
    setDisabled(db, CLI_ACTOR, 'rina', true);
    expect(sessionUser(db, r.token, S)).toBeNull();
  });

  it('reads its settings from the environment', () => {
    expect(authSettings({ SEIMBANG_SESSION_IDLE_SECONDS: '2', SEIMBANG_LOCKOUT_ATTEMPTS: '4' })).toMatchObject({ idleMs: 2000, lockoutAttempts: 4 });
    expect(authSettings({}).idleMs).toBe(30 * 60_000);
  });
});

describe('audit log', () => {
  it('is append-only and never takes a secret', () => {
    appendAudit(db, { actor: 'a', action: 'sign_in' });
    expect(() => db.prepare('UPDATE audit_log SET actor = ?').run('b')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => appendAudit(db, { action: 'sign_in', detail: { password: 'x' } })).toThrow(/secrets/);
  });
  it('filters by actor, action and day', () => {
    appendAudit(db, { actor: 'a', action: 'sign_in' });
    appendAudit(db, { actor: 'b', action: 'sign_out' });
    const today = new Date().toISOString().slice(0, 10);
    expect(listAudit(db, { actor: 'A' }).map((r) => r.action)).toEqual(['sign_in']);
    expect(listAudit(db, { action: 'sign_out' }).map((r) => r.actor)).toEqual(['b']);
    expect(listAudit(db, { from: today, to: today })).toHaveLength(2);
    expect(listAudit(db, { to: '2000-01-01' })).toHaveLength(0);
  });
});

describe('two writers at once', () => {
  it('a second process and this one append 2 × 300 entries: none lost', async () => {
    const N = 300;
    const script = `
      import { openStore } from ${JSON.stringify(path.join(REPO, 'app-store', 'store.ts'))};
      import { appendAudit } from ${JSON.stringify(path.join(REPO, 'app-store', 'audit-log.ts'))};
      const db = openStore(process.env.STORE_FILE);
      for (let i = 0; i < ${N}; i++) appendAudit(db, { actor: 'child', action: 'sign_in', target: String(i) });
      db.close();`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, env: { ...process.env, STORE_FILE: file }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const done = new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    for (let i = 0; i < N; i++) {
      appendAudit(db, { actor: 'parent', action: 'sign_out', target: String(i) });
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(await done, stderr).toBe(0);
    const counts = db.prepare('SELECT actor, count(*) AS n, count(DISTINCT target) AS d FROM audit_log GROUP BY actor ORDER BY actor').all();
    expect(counts).toEqual([
      { actor: 'child', n: N, d: N },
      { actor: 'parent', n: N, d: N },
    ]);
  });
});
