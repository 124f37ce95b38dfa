// The fast paths of the hot normalisers (issue 20, pipeline/models/macros/normalise.sql): nip_clean tests 18
// digits by a cast and back, id_month / id_year_or_month read YYYY-MM by a cast, id_number reads whole numbers and
// 12.5 (outside semicolon CSVs) behind one pattern, and the folded SKP spellings are one list lookup. Each case
// sits at an edge of a fast path; the values are checked by hand against the rules of docs/data-contract.md
// "Values" and shared/domain.md. Every case is evaluated twice: as a literal (constant-folded) and from a column
// in which fast-path and slow-path values share one vector, as the one-pass loads read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit, openMacrosDb, sqlEval } from './normalise-db.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => ({ conn, close } = await openMacrosDb()));
afterAll(() => close());

/** `call` over a column `x` holding every input, in order (JSON values). */
async function overColumn(call: string, inputs: (string | null)[]): Promise<unknown[]> {
  const values = inputs.map((v, i) => `(${i}, CAST(${lit(v)} AS VARCHAR))`).join(', ');
  const r = await conn.runAndReadAll(`SELECT ${call} AS v FROM (VALUES ${values}) t(i, x) ORDER BY i`);
  return r.getRowObjectsJson().map((o) => o.v);
}

async function check(call: (arg: string) => string, cases: [string | null, unknown][], norm: (v: unknown) => unknown = (v) => v) {
  for (const [input, expected] of cases) expect(norm(await sqlEval(conn, call('?'), input)), `${call('?')} of ${JSON.stringify(input)}`).toEqual(expected);
  expect((await overColumn(call('x'), cases.map((c) => c[0]))).map(norm)).toEqual(cases.map((c) => c[1]));
}

describe('nip_clean fast path (18 digits that are what their integer writes)', () => {
  it('takes 18 digits as they are, and leaves every other text to the full rules', async () => {
    await check((a) => `nip_clean(${a})`, [
      ['196608011988031001', '196608011988031001'],
      ['999999999999999999', '999999999999999999'],
      ['012345678901234567', '012345678901234567'], // a leading zero: not what the integer writes, the pattern takes it
      ['000000000000000000', '000000000000000000'],
      ['+12345678901234567', null], // 18 characters, 17 digits: a cast would read it, the rules do not
      ['-12345678901234567', null],
      [' 12345678901234567', null],
      ['1_2345678901234567', null], // underscores are not separators of a NIP
      ['19660801 198803 1 001', '196608011988031001'],
      ['18446744073709551615', null], // 20 digits (the largest UBIGINT)
      ['', null],
      [null, null],
    ]);
  });
});

describe('id_month / id_year_or_month fast path (YYYY-MM)', () => {
  const cases: [string | null, unknown][] = [
    ['2024-01', '2024-01-01'],
    ['2024-12', '2024-12-01'],
    ['1999-10', '1999-10-01'],
    ['2024-13', null],
    ['2024-00', null],
    ['0999-03', null],
    ['2024-1', '2024-01-01'], // one-digit month: not the fast path, read as before
    ['2024/01', '2024-01-01'],
    ['01-2024', '2024-01-01'],
    ['Jan 2024', '2024-01-01'],
    [null, null],
  ];
  it('id_month', async () => {
    await check((a) => `id_month(${a})`, [...cases, ['2024', null]]);
  });
  it('id_year_or_month', async () => {
    await check((a) => `id_year_or_month(${a})`, [...cases, ['2024', '2024-01-01'], ['2024.0', '2024-01-01']]);
  });
});

describe('id_number fast path (whole numbers and 12.5 outside semicolon CSVs)', () => {
  const num = (v: unknown) => (v === null ? null : Number(v));
  it('with dots as decimal points', async () => {
    await check((a) => `id_number(${a}, false)`, [
      ['73.9', 73.9],
      ['80', 80],
      ['+5', 5],
      ['-0.5', -0.5],
      ['007', 7],
      ['1.234', 1.234],
      ['12.', 12], // not the fast path: one dot at the end is still a decimal point
      ['.5', 0.5],
      ['1.234.567', 1234567], // more than one dot: thousands
      ['12,5', 12.5],
      ['1e2', null],
      ['1 234', 1234],
      ['abc', null],
      [null, null],
    ], num);
  });
  it('in a semicolon CSV (a lone dot groups thousands)', async () => {
    await check((a) => `id_number(${a}, true)`, [
      ['1.234', 1234],
      ['12.5', null],
      ['80', 80],
      ['12,5', 12.5],
    ], num);
  });
});

describe('SKP spellings folded and looked up once', () => {
  it('skp_rating', async () => {
    await check((a) => `skp_rating(${a})`, [
      ['Baik', 'Baik'],
      ['Kurang', 'Kurang/Misconduct'],
      ['KURANG / misconduct', 'Kurang/Misconduct'],
      ['Very  Poor', 'Sangat Kurang'],
      ['perlu-perbaikan', 'Butuh Perbaikan'],
      ['Outstanding', 'Sangat Baik'],
      ['Cukup', null],
      ['', null],
      [null, null],
    ]);
  });
  it('expectation_norm', async () => {
    await check((a) => `expectation_norm(${a})`, [
      ['sesuai ekspektasi', 'as_expected'],
      ['Di Atas', 'above'],
      ['Meets Expectations', 'as_expected'],
      ['kurang dari ekspektasi', 'below'],
      ['below expectations', 'below'],
      ['nope', null],
      [null, null],
    ]);
  });
});
