/**
 * Versioned migrations of the application store. Each file `migrations/NNNN_name.sql` is applied once, in the
 * order of NNNN, inside a transaction, and recorded with its sha256 in `schema_migration`. An applied file must
 * never change (the check refuses to start): add a new file instead (a later issue adds `0002_scenarios.sql`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * The migrations folder. This module runs from app-store/ (CLI, tests) or bundled into dashboard/build/server/…
 * (the server): walk up from here to the first folder holding app-store/migrations. SEIMBANG_APP_MIGRATIONS overrides.
 */
export function migrationsDir(): string {
  if (process.env.SEIMBANG_APP_MIGRATIONS) return path.resolve(process.env.SEIMBANG_APP_MIGRATIONS);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [path.join(dir, 'migrations'), path.join(dir, 'app-store', 'migrations')]) {
      if (existsSync(path.join(candidate, '0001_accounts.sql'))) return candidate;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('app-store/migrations not found (set SEIMBANG_APP_MIGRATIONS)');
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  const out: Migration[] = [];
  for (const f of readdirSync(dir).sort()) {
    const m = FILE_RE.exec(f);
    if (!m) continue;
    const sql = readFileSync(path.join(dir, f), 'utf8');
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new Error(`two migrations with version ${m[1]} in ${dir}`);
    out.push({ version, name: m[2]!, sql, sha256: createHash('sha256').update(sql).digest('hex') });
  }
  return out;
}

/** Apply the missing migrations; returns the versions applied now. */
export function migrate(db: Database.Database, migrations: Migration[] = readMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`);
  const applied: number[] = [];
  for (const m of migrations) {
    // IMMEDIATE: two processes starting at once do not both apply the same file
    const step = db.transaction(() => {
      const row = db.prepare('SELECT sha256 FROM schema_migration WHERE version = ?').get(m.version) as { sha256: string } | undefined;
      if (row) {
        if (row.sha256 !== m.sha256) {
          throw new Error(
            `application store migration ${m.version} (${m.name}) was changed after it was applied; ` +
              'applied migrations are immutable: revert the file and add a new migration',
          );
        }
        return;
      }
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migration (version, name, sha256) VALUES (?, ?, ?)').run(m.version, m.name, m.sha256);
      applied.push(m.version);
    });
    step.immediate();
  }
  return applied;
}

export function schemaVersion(db: Database.Database): number {
  const r = db.prepare('SELECT max(version) AS v FROM schema_migration').get() as { v: number | null };
  return r.v ?? 0;
}
