// The fast paths of the one-pass loads (issue 20, pipeline/models/onepass/*.sql): a number in its column's common
// clean form (col_number_plain, pipeline/models/macros/normalise_columns.sql) is read by one pattern and a cast,
// without trim and without number_shape's patterns; the SKP predicate and the sub-ratings are normalised from the
// untrimmed text; a row is tested for being empty by the first character of a value before its trim. Each fast
// path must give exactly what the general path gives: hand-written cases (values checked by hand against
// docs/data-contract.md "Values"), then random texts (fast-check) compared with the general path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { macroSql } from '../../pipeline/warehouse/models.ts';
import { NUMBER_SHAPE_SQL, numberDotsSql, type DotRole } from '../../pipeline/ingest/profile.ts';
import { ONE_PASS_SETUP_SQL } from '../../pipeline/warehouse/one-pass.ts';
import { trimsToNullSql } from '../../pipeline/ingest/sql.ts';
import { lit } from './normalise-db.ts';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
const ROLES: DotRole[] = ['decimal', 'thousands', 'ambiguous'];

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(macroSql());
  await conn.run(NUMBER_SHAPE_SQL);
  await conn.run(ONE_PASS_SETUP_SQL);
  // one column per role (number_dots is what the column profile decides, pipeline/ingest/profile.ts)
  await conn.run(numberDotsSql(new Map(ROLES.map((r) => [`t.${r}`, r]))));
  // the general path: col_number without its fast path (the body it had before col_number_plain)
  await conn.run(`CREATE OR REPLACE MACRO col_number_general(txt, id_style, k, c) AS
    CASE number_dots(k, c)
      WHEN 'thousands' THEN id_number(txt, true)
      WHEN 'ambiguous' THEN CASE WHEN number_dot_ambiguous(txt) THEN NULL ELSE id_number(txt, id_style) END
      ELSE id_number(txt, false)
    END`);
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

interface Read { plain: boolean | null; fast: number | null; general: number | null; passValue: number | null; passShape: number | null; shape: number | null; trimmed: string | null }

/**
 * Every text read in a column of the given role, as the one-pass SQL reads it (the fast path where col_number_plain
 * says so, else trimmed and read by col_number) and by the general path (trimmed, col_number_general, number_shape).
 * The texts share one vector, as in a file.
 */
async function readAll(texts: (string | null)[], role: DotRole, idStyle: boolean): Promise<Read[]> {
  const values = texts.map((v, i) => `(${i}, CAST(${lit(v)} AS VARCHAR))`).join(', ');
  const k = `'t', '${role}'`;
  const r = await conn.runAndReadAll(`
    SELECT col_number_plain(x, ${k}) AS plain,
           col_number(onepass_trim(x), ${idStyle}, ${k}) AS fast,
           col_number_general(onepass_trim(x), ${idStyle}, ${k}) AS general,
           CASE WHEN col_number_plain(x, ${k}) THEN col_number_plain_value(x, ${k}) ELSE col_number(onepass_trim(x), ${idStyle}, ${k}) END AS passValue,
           CASE WHEN col_number_plain(x, ${k}) THEN number_shape_plain(x) ELSE number_shape(onepass_trim(x)) END AS passShape,
           number_shape(onepass_trim(x)) AS shape,
           CASE WHEN col_number_plain(x, ${k}) THEN x ELSE onepass_trim(x) END AS trimmed
    FROM (VALUES ${values}) t(i, x) ORDER BY i`);
  return r.getRowObjectsJson().map((o) => ({
    plain: o.plain as boolean | null,
    fast: o.fast === null ? null : Number(o.fast),
    general: o.general === null ? null : Number(o.general),
    passValue: o.passValue === null ? null : Number(o.passValue),
    passShape: o.passShape === null ? null : Number(o.passShape),
    shape: o.shape === null ? null : Number(o.shape),
    trimmed: o.trimmed as string | null,
  }));
}

/** The fast paths agree with the general path on every text (value, number shape, the text kept). */
async function expectSameAsGeneral(texts: (string | null)[]): Promise<void> {
  for (const role of ROLES) {
    for (const idStyle of [false, true]) {
      const reads = await readAll(texts, role, idStyle);
      const trimmed = await conn.runAndReadAll(`SELECT onepass_trim(x) AS t FROM (VALUES ${texts.map((v, i) => `(${i}, CAST(${lit(v)} AS VARCHAR))`).join(', ')}) t(i, x) ORDER BY i`);
      const trims = trimmed.getRowObjectsJson().map((o) => o.t);
      reads.forEach((r, i) => {
        const where = `${JSON.stringify(texts[i])} (${role}, id_style ${idStyle})`;
        expect(r.fast, `col_number of ${where}`).toEqual(r.general);
        expect(r.passValue, `the pass's value of ${where}`).toEqual(r.general);
        expect(r.passShape, `the pass's number shape of ${where}`).toEqual(r.shape);
        expect(r.trimmed, `the pass's text of ${where}`).toEqual(trims[i]);
      });
    }
  }
}

describe('numbers: col_number_plain, one pattern per column for the common forms', () => {
  // [text, decimal role, thousands role, ambiguous role (outside a semicolon CSV)], by hand from the data contract:
  // a comma is always the decimal separator; dots group thousands where a comma is present or the column says so
  const cases: [string | null, number | null, number | null, number | null][] = [
    ['73.9', 73.9, null, 73.9],
    ['80', 80, 80, 80],
    ['-12', -12, -12, -12],
    ['+5', 5, 5, 5],
    ['-0.25', -0.25, null, -0.25],
    ['007', 7, 7, 7],
    ['12,5', 12.5, 12.5, 12.5],
    ['-12,5', -12.5, -12.5, -12.5],
    ['1.234,5', 1234.5, 1234.5, 1234.5], // Indonesian: dots group thousands before a decimal comma
    ['1.234.567,25', 1234567.25, 1234567.25, 1234567.25],
    ['1,234.5', null, null, null], // English thousands: a comma is never a thousands separator
    ['3.600', 3.6, 3600, null], // a lone dot and three digits: as the column decided (ambiguous: quarantined)
    ['1.234.567', 1234567, 1234567, 1234567], // more than one dot: thousands groups, whatever the column decided
    ['12.', 12, null, 12],
    ['.5', 0.5, null, 0.5],
    ['12.345', 12.345, 12345, null],
    ['1234.5678', 1234.5678, null, 1234.5678],
    [' 73.9 ', 73.9, null, 73.9], // blanks around: the general path, after the trim
    ['1 234', 1234, null, 1234], // spaces inside are dropped (where dots group thousands, `1234` needs them: id_number)
    ['', null, null, null],
    ['   ', null, null, null],
    [null, null, null, null],
    ['abc', null, null, null],
    ['12a', null, null, null],
    ['1e5', null, null, null],
    ['1_000', null, null, null],
    ['--5', null, null, null],
    ['12,', 12, 12, 12],
    [',5', 0.5, 0.5, 0.5],
    ['1.23.4', null, null, null],
  ];

  it('reads the hand-written cases as the data contract says, in each role', async () => {
    for (const [j, role] of ROLES.entries()) {
      const reads = await readAll(cases.map((c) => c[0]), role, false);
      reads.forEach((r, i) => expect(r.passValue, `${JSON.stringify(cases[i]![0])} (${role})`).toEqual(cases[i]![j + 1]));
    }
  });

  it('takes the fast path for the common clean forms only', async () => {
    const plain = async (role: DotRole, texts: string[]) => (await readAll(texts, role, false)).map((r) => r.plain);
    expect(await plain('decimal', ['73.9', '80', '-0.25', '1234.56', '73.900', '12,5', ' 1', '3.600'])).toEqual([true, true, true, true, false, false, false, false]);
    expect(await plain('thousands', ['80', '12,5', '1.234,5', '-1.234.567,1', '1.234', '73.9', '1,234.5', '12,'])).toEqual([true, true, true, true, false, false, false, false]);
    expect(await plain('ambiguous', ['80', '-3', '73.9', '12,5'])).toEqual([true, true, false, false]);
  });

  it('gives the general path\'s value, number shape and text for the hand-written cases', async () => {
    await expectSameAsGeneral(cases.map((c) => c[0]));
  });

  it('gives the general path\'s value, number shape and text for random texts', async () => {
    const unit = fc.constantFrom('0', '1', '2', '3', '5', '9', '.', ',', '-', '+', ' ', '\u00a0', '\t', 'e', 'a', '_');
    const text = fc.oneof(
      fc.string({ unit, maxLength: 12 }),
      // numbers as people write them, with or without blanks around
      fc.tuple(fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom('', '.', ','), fc.nat({ max: 99_999 }), fc.constantFrom('', ' ', '\u00a0'))
        .map(([s, i, sep, d, b]) => `${b}${s}${i}${sep}${sep ? d : ''}${b}`),
      fc.tuple(fc.integer({ min: 1, max: 999 }), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('', ',5', ',25'))
        .map(([h, groups, tail]) => `${h}${groups.map((g) => `.${String(g).padStart(3, '0')}`).join('')}${tail}`),
      fc.constant(null),
    );
    await fc.assert(fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 80 }), async (texts) => expectSameAsGeneral(texts)), { numRuns: 15 });
  });
});

describe('SKP predicate and sub-ratings read from the untrimmed text', () => {
  // skp_rating and expectation_norm fold their text after _clean, which trims what onepass_trim trims (and starts
  // trimming on more): the pass gives them the text as read instead of onepass_trim's (performance.sql)
  const words = ['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Kurang', 'Kurang', 'kurang', 'BAIK', 'Cukup',
    'di atas ekspektasi', 'sesuai ekspektasi', 'di bawah ekspektasi', 'as_expected', 'above', 'Below', 'diatas', 'Sesuai', ''];
  const blanks = ['', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0'];

  async function same(texts: string[]): Promise<void> {
    const values = texts.map((v, i) => `(${i}, CAST(${lit(v)} AS VARCHAR))`).join(', ');
    const r = await conn.runAndReadAll(`
      SELECT x, skp_rating(x) AS a, skp_rating(onepass_trim(x)) AS b, expectation_norm(x) AS c, expectation_norm(onepass_trim(x)) AS d
      FROM (VALUES ${values}) t(i, x) ORDER BY i`);
    for (const o of r.getRowObjectsJson()) {
      expect(o.a, `skp_rating of ${JSON.stringify(o.x)}`).toEqual(o.b);
      expect(o.c, `expectation_norm of ${JSON.stringify(o.x)}`).toEqual(o.d);
    }
  }

  it('gives what the trimmed text gives, for the spellings with blanks around', async () => {
    await same(words.flatMap((w) => blanks.flatMap((b1) => blanks.map((b2) => `${b1}${w}${b2}`))));
  });

  it('gives what the trimmed text gives, for random texts', async () => {
    const part = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...blanks), fc.constantFrom('/', '-', '.', '_', 'a', 'K'));
    const text = fc.array(part, { maxLength: 5 }).map((p) => p.join(''));
    await fc.assert(fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 80 }), async (texts) => same(texts)), { numRuns: 25 });
  });
});

describe('empty values of a one-pass row: the first character tested before the trim', () => {
  it('is NULL after the trim exactly when trimsToNullSql says so', async () => {
    const unit = fc.constantFrom(' ', '\t', '\r', '\n', '\u00a0', '\u2007', 'a', '1', '.');
    const text = fc.oneof(fc.string({ unit, maxLength: 6 }), fc.constant(null));
    await fc.assert(fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 60 }), async (texts) => {
      const values = texts.map((v, i) => `(${i}, CAST(${lit(v)} AS VARCHAR))`).join(', ');
      const r = await conn.runAndReadAll(`SELECT x, onepass_trim(x) IS NULL AS a, ${trimsToNullSql('x')} AS b FROM (VALUES ${values}) t(i, x) ORDER BY i`);
      for (const o of r.getRowObjectsJson()) expect(o.b, JSON.stringify(o.x)).toEqual(o.a);
    }), { numRuns: 30 });
  });
});
