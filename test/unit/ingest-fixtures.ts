// Shared by the ingest-* tests: temp folders, an in-memory DuckDB, and reading a raw table back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export function tempDir(): { dir: string; file: (name: string, content: string | Buffer) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'seimbang-ingest-'));
  return {
    dir,
    file: (name, content) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function openDb(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  return {
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

export async function columns(conn: DuckDBConnection, table: string): Promise<{ name: string; type: string }[]> {
  const r = await rows(conn, `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`);
  return r.map((x) => ({ name: String(x.name), type: String(x.type) }));
}

/** Run `fn` and return the error it throws (fails the test when it does not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<Error & { file?: string; column?: string; row?: number }> {
  try {
    await fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}

export const EMPLOYEE_COLUMNS = [
  'nip', 'name', 'status', 'golongan', 'birth_date', 'sex', 'education_level', 'education_major', 'competencies',
  'position_id', 'position_since', 'appointment_date', 'willing_to_move', 'unwilling_reason',
];
