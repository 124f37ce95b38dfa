/**
 * The application store: users, sessions, the audit log (and, later, saved scenarios) — application state that
 * changes while the server runs and must survive restarts and warehouse rebuilds. It is an embedded SQLite file
 * (better-sqlite3), not the DuckDB warehouse: the warehouse is rebuilt and replaced by rename, and the dashboard
 * opens it read-only.
 *
 * - path: env `SEIMBANG_APP_DB`, default `data/seimbang-app.sqlite` (relative to the working directory);
 * - WAL journal (readers never block the writer), foreign keys on, a busy timeout so that the CLI and the server
 *   can write at the same time (each write waits for the other's transaction instead of failing);
 * - migrations: `app-store/migrations/NNNN_name.sql`, applied in order at open, each in its own transaction and
 *   recorded in `schema_migration` with its checksum (app-store/migrate.ts).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate.ts';

export type Store = Database.Database;

export const DEFAULT_APP_DB = 'data/seimbang-app.sqlite';

export function appStorePath(): string {
  return path.resolve(process.env.SEIMBANG_APP_DB || DEFAULT_APP_DB);
}

/** Open (creating if needed) the application store at `file` and bring its schema up to date. */
export function openStore(file: string = appStorePath()): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // a writer waits up to 5 s for another process's transaction (CLI and server at once) instead of SQLITE_BUSY
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}
