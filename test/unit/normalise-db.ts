// Shared by the normalise-* tests: an in-memory DuckDB with pipeline/models/macros/normalise.sql loaded, and a
// table-driven runner in the spirit of DuckDB's sqllogictests (one query per case, compared as JSON).
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export const MACROS_PATH = new URL('../../pipeline/models/macros/normalise.sql', import.meta.url);

export async function openMacrosDb(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(readFileSync(MACROS_PATH, 'utf8'));
  return {
    conn,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** SQL literal for a case input: strings quoted, null as NULL, booleans and numbers as is. */
export function lit(v: string | number | boolean | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  return String(v);
}

/** Evaluate `call` (e.g. `id_date(?)`, each ? replaced by the next argument) and return the value as JSON. */
export async function sqlEval(conn: DuckDBConnection, call: string, ...args: (string | number | boolean | null)[]): Promise<unknown> {
  let i = 0;
  const sql = `SELECT ${call.replace(/\?/g, () => lit(args[i++] ?? null))} AS v`;
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJson()[0]!.v;
}
