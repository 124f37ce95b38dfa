/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE), one row per action. Callers pass what happened;
 * nothing here ever takes a password or a session token (the `detail` object is checked for such keys).
 */
import type { Store } from './store.ts';

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'account_locked',
  'sign_out',
  'password_changed',
  'user_added',
  'user_role_changed',
  'user_disabled',
  'user_enabled',
  'user_password_reset',
  'first_admin_created',
  'personal_data_viewed',
  'personal_data_exported',
  'audit_log_exported',
  'access_refused',
  'scenario_created',
  'scenario_changed',
  'scenario_approved',
  // saved scenarios (app-store/scenarios.ts, issue 15)
  'scenario_renamed',
  'scenario_duplicated',
  'scenario_saved',
  'scenario_save_conflict',
  'scenario_submitted',
  'scenario_returned',
  'scenario_deleted',
  'scenario_exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actor?: string | null;
  actorRole?: string | null;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  address?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  address: string | null;
}

const SECRET_KEY = /pass|token|secret|cookie|hash/i;

export function appendAudit(db: Store, e: AuditEntry): void {
  if (e.detail && Object.keys(e.detail).some((k) => SECRET_KEY.test(k))) {
    throw new Error(`audit detail must not carry secrets (keys: ${Object.keys(e.detail).join(', ')})`);
  }
  db.prepare('INSERT INTO audit_log (actor, actor_role, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.actor ?? null,
    e.actorRole ?? null,
    e.action,
    e.target ?? null,
    e.detail ? JSON.stringify(e.detail) : null,
    e.address ?? null,
  );
}

export interface AuditFilter {
  actor?: string | null;
  action?: string | null;
  /** inclusive, YYYY-MM-DD (UTC) */
  from?: string | null;
  /** inclusive, YYYY-MM-DD (UTC) */
  to?: string | null;
  limit?: number;
}

export function listAudit(db: Store, f: AuditFilter = {}): AuditRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.actor) {
    where.push('actor = ? COLLATE NOCASE');
    args.push(f.actor);
  }
  if (f.action) {
    where.push('action = ?');
    args.push(f.action);
  }
  if (f.from) {
    where.push('at >= ?');
    args.push(f.from);
  }
  if (f.to) {
    where.push('at < ?');
    args.push(`${f.to}T99`); // every time of that day sorts below "T99"
  }
  const limit = Math.min(Math.max(f.limit ?? 500, 1), 100_000);
  return db
    .prepare(`SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`)
    .all(...args) as AuditRow[];
}
