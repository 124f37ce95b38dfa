/**
 * The server's handle on the application store (app-store/: users, sessions, audit log), opened once per process
 * at the path of env SEIMBANG_APP_DB (default data/seimbang-app.sqlite). The CLI opens the same file at the same
 * time; SQLite's WAL and busy timeout serialise the writes.
 */
import { randomBytes } from 'node:crypto';
import { openStore, type Store } from '#app-store/store.ts';
import { appendAudit, type AuditEntry } from '#app-store/audit-log.ts';

let store: Store | null = null;

export function appStore(): Store {
  store ??= openStore();
  return store;
}

/** A per-installation secret, generated on first use and kept in the store (survives restarts and rebuilds). */
export function installationSecret(name: string): string {
  const db = appStore();
  db.prepare('INSERT OR IGNORE INTO app_secret (name, value) VALUES (?, ?)').run(name, randomBytes(32).toString('hex'));
  return (db.prepare('SELECT value FROM app_secret WHERE name = ?').get(name) as { value: string }).value;
}

let refKey: string | null = null;
/** the key of the opaque person references in /pegawai URLs */
export function personRefKey(): string {
  refKey ??= installationSecret('person_ref_key');
  return refKey;
}

export function audit(entry: AuditEntry): void {
  try {
    appendAudit(appStore(), entry);
  } catch (err) {
    // the action itself went through; an audit write that fails must be visible to the operator
    console.error(`[seimbang] audit log write failed (${entry.action}): ${(err as Error).message}`);
  }
}
