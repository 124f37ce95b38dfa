// The duplicate-key checks of the ratings and the workload (pipeline/models/onepass/*_checks.sql, issue 20): a bitmap of
// months per employee and block of 64 months flags the employees with a repeated month, and only their rows are
// grouped by key. Exact: every later row of a key is rejected, whatever the months between, including months on
// both sides of a block boundary (2026-08 is month 24,319 = 64 × 379 + 63, the top bit of its block's bitmap;
// 2026-09 is 64 × 380 + 0) and the ends of the years a period can have (1000, 9999).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBInstance as Instance } from '@duckdb/node-api';
import { macroSql } from '../../pipeline/warehouse/models.ts';
import { ONE_PASS_SETUP_SQL } from '../../pipeline/warehouse/one-pass.ts';

const CHECKS = readFileSync(new URL('../../pipeline/models/onepass/performance_checks.sql', import.meta.url), 'utf8');
const WORKLOAD_CHECKS = readFileSync(new URL('../../pipeline/models/onepass/workload_checks.sql', import.meta.url), 'utf8');
const TASK_DUPLICATE = 'duplicate key: this task and month appear on an earlier row';
const A = '196608011988031001';
const B = '197001012000011002';
const C = '198002022005012003';
const DUPLICATE = 'duplicate key: this employee and period appear on an earlier row';

let instance: Instance;
let conn: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(macroSql());
  await conn.run(`CREATE OR REPLACE MACRO setting_data_date() AS DATE '9999-12-31'`);
  await conn.run(ONE_PASS_SETUP_SQL);
  await conn.run(`INSERT INTO onepass_file VALUES ('performance', 'kinerja.csv', 2), ('workload', 'beban_kerja.csv', 2)`);
  await conn.run(`CREATE TEMP TABLE raw_cell_issue (kind VARCHAR, _row INTEGER, "column" VARCHAR, "value" VARCHAR, reason VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stg_employees AS SELECT * FROM (VALUES ('${A}', CAST([] AS VARCHAR[])), ('${B}', []), ('${C}', [])) t(nip, _issues)`);
  await conn.run(`CREATE TEMP TABLE stg_position_tasks AS SELECT * FROM (VALUES ('P1', 'T1', CAST([] AS VARCHAR[])), ('P1', 'T2', []), ('P2', 'T1', [])) t(position_id, task_id, _issues)`);
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

/** The table as performance.sql leaves it (clean rows: helper columns NULL), the rows in this order. */
async function check(rows: [string, string][]): Promise<{ kept: number; rejected: [number, number, string[]][] }> {
  await conn.run(`CREATE OR REPLACE TABLE performance (nip VARCHAR, period DATE, rating VARCHAR, rating_rank INTEGER,
    results_rating VARCHAR, behaviour_rating VARCHAR, score DOUBLE, _text VARCHAR[], _bad BOOLEAN, _score_shape INTEGER,
    _row INTEGER, _empty BOOLEAN)`);
  const values = rows.map(([nip, month]) => `('${nip}', DATE '${month}-01', 'Baik', 4, NULL, NULL, 80, NULL, NULL, NULL, NULL, NULL)`);
  await conn.run(`INSERT INTO performance VALUES ${values.join(', ')}`);
  await conn.run(CHECKS);
  const kept = Number((await conn.runAndReadAll('SELECT count(*) FROM performance')).getRows()[0]![0]);
  const r = await conn.runAndReadAll('SELECT rid, _row, list_transform(_issues, x -> x.reason) FROM performance_rejected ORDER BY rid');
  return { kept, rejected: r.getRows().map(([rid, row, reasons]) => [Number(rid), Number(row), (reasons as { items: string[] }).items]) };
}

describe('duplicate keys of the ratings, behind the month bitmap', () => {
  it('rejects every later row of a key, on both sides of a block boundary and at the ends of the years', async () => {
    const { kept, rejected } = await check([
      [A, '2026-08'], // 0
      [A, '2026-09'], // 1
      [A, '2026-08'], // 2 duplicate of 0 (the top bit of block 379)
      [B, '1000-01'], // 3
      [B, '9999-12'], // 4
      [B, '2026-08'], // 5
      [B, '9999-12'], // 6 duplicate of 4
      [A, '2026-10'], // 7
      [A, '2026-09'], // 8 duplicate of 1 (bit 0 of block 380)
      [C, '2026-08'], // 9
      [C, '2026-09'], // 10 one row a month: no duplicate, though its months straddle the boundary
      [A, '2026-08'], // 11 a second duplicate of 0
    ]);
    // the spreadsheet row is the record + header row + 1
    expect(rejected).toEqual([
      [2, 4, [DUPLICATE]],
      [6, 8, [DUPLICATE]],
      [8, 10, [DUPLICATE]],
      [11, 13, [DUPLICATE]],
    ]);
    expect(kept).toBe(8);
  });

  it('finds nothing when every employee has one row a month', async () => {
    const { kept, rejected } = await check([[A, '2023-01'], [B, '2023-01'], [A, '2023-02'], [C, '2030-05'], [C, '1999-05']]);
    expect(rejected).toEqual([]);
    expect(kept).toBe(5);
  });
});

describe('duplicate keys of the workload, behind the month bitmap', () => {
  it('rejects every later row of a (position, task, month), on both sides of a block boundary', async () => {
    const rows: [string, string, string][] = [
      ['P1', 'T1', '2026-08'], // 0
      ['P1', 'T2', '2026-08'], // 1 another task: not a duplicate
      ['P2', 'T1', '2026-08'], // 2 another position: not a duplicate
      ['P1', 'T1', '2026-09'], // 3
      ['P1', 'T1', '2026-08'], // 4 duplicate of 0
      ['P2', 'T1', '2026-09'], // 5
      ['P1', 'T1', '2026-09'], // 6 duplicate of 3
      ['P1', 'T2', '1000-01'], // 7
      ['P1', 'T2', '1000-01'], // 8 duplicate of 7
    ];
    await conn.run(`CREATE OR REPLACE TEMP TABLE workload_record (position_id VARCHAR, task_id VARCHAR, "month" DATE, volume DOUBLE,
      _text VARCHAR[], _bad BOOLEAN, _volume_shape INTEGER, _row INTEGER, _empty BOOLEAN)`);
    await conn.run(`INSERT INTO workload_record VALUES ${rows.map(([p, t, m]) => `('${p}', '${t}', DATE '${m}-01', 1, NULL, NULL, NULL, NULL, NULL)`).join(', ')}`);
    await conn.run(WORKLOAD_CHECKS);
    const r = await conn.runAndReadAll('SELECT rid, _row, list_transform(_issues, x -> x.reason) FROM workload_rejected ORDER BY rid');
    expect(r.getRows().map(([rid, row, reasons]) => [Number(rid), Number(row), (reasons as { items: string[] }).items])).toEqual([
      [4, 6, [TASK_DUPLICATE]],
      [6, 8, [TASK_DUPLICATE]],
      [8, 10, [TASK_DUPLICATE]],
    ]);
    expect(Number((await conn.runAndReadAll('SELECT count(*) FROM workload_record')).getRows()[0]![0])).toBe(6);
  });
});
