// The column-level macros (pipeline/models/macros/normalise_columns.sql) under each decision the build can make,
// and their parity with the TypeScript classifier of pipeline/ingest/profile.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMacrosDb, sqlEval } from './normalise-db.ts';
import { RE_AMBIGUOUS_NUMBER } from '../../pipeline/ingest/profile.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => {
  ({ conn, close } = await openMacrosDb());
  await conn.run(readFileSync(new URL('../../pipeline/models/macros/normalise_columns.sql', import.meta.url), 'utf8'));
  // the decisions a build writes for its files (profile.ts)
  await conn.run(`CREATE OR REPLACE MACRO number_dots(k, c) AS CASE k || '.' || c WHEN 't.thousands' THEN 'thousands' WHEN 't.decimal' THEN 'decimal' WHEN 't.ambiguous' THEN 'ambiguous' ELSE 'decimal' END`);
  await conn.run(`CREATE OR REPLACE MACRO date_order_of(k, c) AS CASE k || '.' || c WHEN 't.mdy' THEN 'mdy' WHEN 't.mixed' THEN 'mixed' ELSE 'dmy' END`);
});
afterAll(() => close());

describe('col_number', () => {
  it.each([
    ['thousands', '3.600', 3600], ['thousands', '1.364', 1364], ['thousands', '12,5', 12.5], ['thousands', '1.234,5', 1234.5], ['thousands', '12.5', null],
    ['decimal', '3.600', 3.6], ['decimal', '12.5', 12.5], ['decimal', '12,5', 12.5], ['decimal', '1.234.567', 1234567],
    ['ambiguous', '3.600', null], ['ambiguous', '12.5', 12.5], ['ambiguous', '0.125', 0.125], ['ambiguous', '45', 45], ['ambiguous', ' 1.364 ', null],
  ] as const)('%s: %s → %s', async (decision, text, expected) => {
    expect(await sqlEval(conn, `col_number(?, false, 't', ?)`, text, decision)).toBe(expected);
  });
  it('flags exactly the ambiguous values of an ambiguous column', async () => {
    expect(await sqlEval(conn, `col_number_ambiguous(?, 't', 'ambiguous')`, '3.600')).toBe(true);
    expect(await sqlEval(conn, `col_number_ambiguous(?, 't', 'ambiguous')`, '12.5')).toBe(false);
    expect(await sqlEval(conn, `col_number_ambiguous(?, 't', 'thousands')`, '3.600')).toBe(false);
  });
  it.each(['3.600', '-1.364', '+999.000', '0.125', '1000.000', '12.5', '1.2345', '3,600', '1.234.567', '', 'abc'])(
    'number_dot_ambiguous(%s) agrees with the TypeScript pattern', async (v) => {
      const js = new RegExp(`^(?:${RE_AMBIGUOUS_NUMBER})$`).test(v.replace(/\s+/g, ''));
      expect(await sqlEval(conn, 'number_dot_ambiguous(?)', v)).toBe(js);
    });
});

describe('col_date', () => {
  it.each([
    ['dmy', '04/01/2003', '2003-01-04'], ['mdy', '04/01/2003', '2003-04-01'], ['mdy', '12-25-2024', '2024-12-25'],
    ['mdy', '2024-01-12', '2024-01-12'], ['mdy', '12 Januari 2024', '2024-01-12'], ['mdy', '25/12/2024', null],
    ['mixed', '04/01/2003', null], ['mixed', '25/06/2024', '2024-06-25'], ['mixed', '06/25/2024', '2024-06-25'], ['mixed', '01/01/2005', '2005-01-01'],
  ] as const)('%s: %s → %s', async (order, text, expected) => {
    expect(await sqlEval(conn, `CAST(col_date(?, 't', ?) AS VARCHAR)`, text, order)).toBe(expected);
  });
  it('flags the values that read both ways in a mixed column only', async () => {
    expect(await sqlEval(conn, `col_date_ambiguous(?, 't', 'mixed')`, '05/06/2024')).toBe(true);
    expect(await sqlEval(conn, `col_date_ambiguous(?, 't', 'mixed')`, '06/06/2024')).toBe(false);
    expect(await sqlEval(conn, `col_date_ambiguous(?, 't', 'mdy')`, '05/06/2024')).toBe(false);
  });
});
