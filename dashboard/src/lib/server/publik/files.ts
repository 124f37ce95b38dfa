/**
 * The downloads of the public report: every open table as CSV and Parquet, and the data dictionary. Parquet is
 * written by an in-memory DuckDB (the tables are small, already suppressed, and typed by their column list).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dataDictionary, openTableCsv, type OpenTable, type PublikReport } from '$lib/publik/report';

export const FILE_FORMATS = ['csv', 'parquet'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** the tables offered for download, the data dictionary last */
export function openTablesOf(report: PublikReport): OpenTable[] {
  return [...report.downloads, dataDictionary(report.downloads)];
}

const sqlType = { text: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE' } as const;
const literal = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : 'NULL') : `'${v.replaceAll("'", "''")}'`;

export async function parquetOf(t: OpenTable): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'seimbang-publik-'));
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const cols = t.columns.map((c) => `"${c.name}" ${sqlType[c.type]}`).join(', ');
    await con.run(`CREATE TABLE t (${cols})`);
    for (let i = 0; i < t.rows.length; i += 500) {
      const chunk = t.rows.slice(i, i + 500);
      await con.run(`INSERT INTO t VALUES ${chunk.map((r) => `(${r.map(literal).join(', ')})`).join(', ')}`);
    }
    const file = path.join(dir, 't.parquet');
    await con.run(`COPY t TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
    return new Uint8Array(await readFile(file));
  } finally {
    con.closeSync();
    db.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function fileOf(t: OpenTable, format: FileFormat): Promise<{ body: Uint8Array; type: string }> {
  if (format === 'csv') return { body: new TextEncoder().encode(openTableCsv(t)), type: 'text/csv; charset=utf-8' };
  return { body: await parquetOf(t), type: 'application/vnd.apache.parquet' };
}
