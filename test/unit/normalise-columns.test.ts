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

describe('profileColumns over raw tables', () => {
  it('birth dates that all read both ways: the NIP decides month-first; numbers: SQL and TypeScript evidence agree', async () => {
    const { profileColumns, addNumberEvidence, emptyEvidence } = await import('../../pipeline/ingest/profile.ts');
    const { DEFAULT_SETTINGS } = await import('../../pipeline/domain/settings.ts');
    // generated NIPs: birth date YYYYMMDD, first appointment YYYYMM, sex, serial (shared/domain.md)
    await conn.run(`CREATE OR REPLACE TABLE raw_employees AS SELECT * FROM (VALUES
      ('198003042005011001', '03/04/1980', '2020-01-01', '01/01/2005'),
      ('198511092010012002', '11/09/1985', '2020-01-01', '01/01/2010'),
      ('199002012015031003', '02/01/1990', '2020-01-01', '03/01/2015')) AS t(nip, birth_date, position_since, appointment_date)`);
    const values = ['3.600', '1.364', '12,5', '7', '0.125'];
    await conn.run(`CREATE OR REPLACE TABLE raw_position_tasks AS SELECT * FROM (VALUES ${values.map((v) => `('${v}', '${v}')`).join(', ')}) AS t(annual_volume, time_norm_minutes)`);
    const { sql, decisions } = await profileColumns(conn, [
      { kind: 'employees', file: 'pegawai.csv', format: 'csv', delimiter: ',' },
      { kind: 'position_tasks', file: 'abk.csv', format: 'csv', delimiter: ',' },
    ], DEFAULT_SETTINGS.input);
    expect(decisions.map((d) => [d.column, d.decision, d.affected, d.why])).toEqual([
      ['birth_date', 'mdy', 3, 'the NIP agrees with the month-first reading of 3 of 3 values'],
      ['appointment_date', 'mdy', 1, 'the NIP agrees with the month-first reading of 1 of 1 values'],
      ['annual_volume', 'ambiguous', 2, 'the column holds both "12,5" and "0.125"; input.number_locale is auto'],
      ['time_norm_minutes', 'ambiguous', 2, 'the column holds both "12,5" and "0.125"; input.number_locale is auto'],
    ]);
    expect(sql).toContain(`WHEN 'employees.birth_date' THEN 'mdy'`);
    expect(sql).toContain(`WHEN 'employees.position_since' THEN 'dmy'`);
    const ev = emptyEvidence();
    for (const v of values) addNumberEvidence(ev, v);
    expect(ev).toMatchObject({ thousands: 1, decimal: 1, ambiguous: 2 });
  });
});
