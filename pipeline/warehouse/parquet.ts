/**
 * Scale-out: core and mart tables as Parquet in a hive layout partitioned by region and month, which DuckDB,
 * Spark or Trino read as they are (e.g. read_parquet('dir/unit_load_monthly/*\/*\/*.parquet', hive_partitioning = true)).
 * Personal data (nip, name, birth date, reasons) is not exported: a roll-up needs loads, not people.
 */
import { rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

/** table → SELECT that adds region_code (and keeps month) for partitioning. */
const EXPORTS: Record<string, { sql: string; monthly: boolean }> = {
  unit: { sql: 'SELECT * FROM unit', monthly: false },
  position: { sql: 'SELECT p.*, u.region_code FROM position p JOIN unit u USING (unit_id)', monthly: false },
  position_task: { sql: 'SELECT t.*, u.region_code FROM position_task t JOIN position p USING (position_id) JOIN unit u USING (unit_id)', monthly: false },
  workload_monthly: { sql: 'SELECT w.*, u.region_code FROM workload_monthly w JOIN unit u USING (unit_id)', monthly: true },
  staff_monthly: { sql: 'SELECT s.*, u.region_code FROM staff_monthly s JOIN unit u USING (unit_id)', monthly: true },
  position_load: { sql: 'SELECT l.*, u.region_code FROM position_load l JOIN unit u USING (unit_id)', monthly: false },
  position_load_monthly: { sql: 'SELECT l.*, u.region_code FROM position_load_monthly l JOIN unit u USING (unit_id)', monthly: true },
  unit_load_monthly: { sql: 'SELECT l.*, u.region_code FROM unit_load_monthly l JOIN unit u USING (unit_id)', monthly: true },
  staffing_need: { sql: 'SELECT n.*, u.region_code FROM staffing_need n JOIN unit u USING (unit_id)', monthly: false },
};

export async function exportParquet(conn: DuckDBConnection, dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  for (const [table, { sql, monthly }] of Object.entries(EXPORTS)) {
    const out = join(dir, table);
    rmSync(out, { recursive: true, force: true });
    const by = monthly ? 'region_code, "month"' : 'region_code';
    await conn.run(`COPY (${sql}) TO '${out.replaceAll("'", "''")}' (FORMAT parquet, PARTITION_BY (${by}), COMPRESSION zstd)`);
  }
  return Object.keys(EXPORTS).length;
}
