// SQL macros (pipeline/models/macros/normalise.sql) and their TypeScript twins (pipeline/domain/{nip,golongan,
// skp}.ts) must agree: the same table of cases goes through both. Hand-picked edge cases plus a seeded batch
// of generated NIPs and golongan spellings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit, openMacrosDb } from './normalise-db.ts';
import { cleanNip, nipBirthDate, nipProblem } from '../../pipeline/domain/nip.ts';
import { golonganRank, normaliseGolongan } from '../../pipeline/domain/golongan.ts';
import { normaliseExpectation, normaliseSkpRating, skpFromSubratings, skpRank } from '../../pipeline/domain/skp.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => ({ conn, close } = await openMacrosDb()));
afterAll(() => close());

type V = string | null;

/** Run `expr` (over columns a, b) for every row in one query; values as JSON, in input order. */
async function sqlBatch(expr: string, rows: [V, V][]): Promise<unknown[]> {
  const values = rows.map(([a, b], i) => `(${i}, ${lit(a)}::VARCHAR, ${lit(b)}::VARCHAR)`).join(', ');
  const r = await conn.runAndReadAll(`SELECT ${expr} AS v FROM (VALUES ${values}) t(i, a, b) ORDER BY i`);
  return r.getRowObjectsJson().map((o) => o.v);
}

const norm = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

/** Seeded PRNG (mulberry32) so the generated cases are the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20240112);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const digits = (n: number, lo: number, hi: number): string => String(lo + Math.floor(rand() * (hi - lo + 1))).padStart(n, '0');

function generatedNips(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const birth = `${digits(4, 1890, 2012)}${digits(2, 0, 13)}${digits(2, 0, 32)}`;
    const pppk = rand() < 0.4;
    const middle = pppk ? `${digits(4, 2010, 2026)}${pick(['2', '2', '2', '1'])}${digits(1, 0, 9)}` : `${digits(4, 1975, 2024)}${digits(2, 0, 13)}`;
    const nip = `${birth}${middle}${pick(['1', '2', '2', '3', '0'])}${pick(['001', '123', '000', '999'])}`;
    const style = pick(['plain', 'spaced', 'dotted', 'short']);
    out.push(
      style === 'spaced' ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`
        : style === 'dotted' ? `${nip.slice(0, 8)}.${nip.slice(8, 14)}.${nip.slice(14, 15)}.${nip.slice(15)}`
        : style === 'short' ? nip.slice(0, 17)
        : nip,
    );
  }
  return out;
}

const NIP_EDGE: V[] = [
  '196608011988031001', '19660801 198803 1 001', '19660801.198803.1.001', '19660801-198803-1-001', "'196608011988031001",
  '\t196608011988031001\u00a0', ' 19660801 198803 1 001 ', '198507142023212012', '196602301988031001', '200002291988031001',
  '199902291988031001', '189912311920031001', '196608011988033001', '196608011988131001', '196608011980031001',
  '196608011988031000', '201007142023212012', '198507142017212012', '1966080119880310', '1.96608011988031E+17',
  'abc', '', '   ', null,
];
const STATUSES: V[] = ['PNS', 'pns', ' CPNS ', 'PPPK', 'p3k', 'honorer', '', null];

describe('NIP: SQL and TypeScript agree', () => {
  const nips = [...NIP_EDGE, ...generatedNips(400)];
  it(`nip_clean ≡ cleanNip and nip_birth_date ≡ nipBirthDate (${nips.length} NIPs)`, async () => {
    const rows = nips.map((n) => [n, null] as [V, V]);
    expect((await sqlBatch('nip_clean(a)', rows)).map(norm)).toEqual(nips.map((n) => cleanNip(n)));
    expect((await sqlBatch('nip_birth_date(a)', rows)).map(norm)).toEqual(nips.map((n) => nipBirthDate(n)));
  });
  it(`nip_problem ≡ nipProblem (${nips.length} NIPs × ${STATUSES.length} statuses)`, async () => {
    const rows = nips.flatMap((n) => STATUSES.map((s) => [n, s] as [V, V]));
    const sql = await sqlBatch('nip_problem(a, b)', rows);
    const ts = rows.map(([n, s]) => nipProblem(n, s));
    const diff = rows.map((r, i) => ({ r, sql: sql[i], ts: ts[i] })).filter((d) => d.sql !== d.ts);
    expect(diff).toEqual([]);
    // the generated set exercises every reason
    expect(new Set(ts.filter((x) => x !== null)).size).toBeGreaterThanOrEqual(9);
  });
});

const GOL_EDGE: V[] = [
  'III/a', 'III-A', '3A', '3a', 'IIIa', 'iii/a', '3/a', 'III a', 'III.a', ' III / A ', 'III_a', 'Gol. III/b', 'Golongan IV/c',
  'golongan ruang II/d', 'I/a', '1D', 'IV/e', '4E', 'Penata Muda (III/a)', 'Pembina Tk. I, IV/b', 'Pembina Utama Madya IV-d',
  'III/f', 'IV/f', 'I/e', 'V/a', '5A', 'III', '3', 'Penata Muda', 'IX', 'ix', '9', '09', 'I', 'XVII', '17', 'Gol. V', '18',
  'XVIII', '0', 'X', '12', 'IIII', 'A', '/', '', '  ', null,
];
function generatedGolongan(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = pick(['I', 'II', 'III', 'IV', 'V', '1', '2', '3', '4', '5', 'ii', 'iv']);
    const sep = pick(['/', '-', ' ', '', '.', ' / ']);
    const l = pick(['a', 'b', 'c', 'd', 'e', 'f', 'A', 'E', '']);
    out.push(pick(['', 'Gol. ', 'golongan '] as const) + g + sep + l);
  }
  return out;
}

describe('golongan: SQL and TypeScript agree', () => {
  const gs = [...GOL_EDGE, ...generatedGolongan(300)];
  it(`golongan_norm ≡ normaliseGolongan (${gs.length} spellings × ${STATUSES.length} statuses)`, async () => {
    const rows = gs.flatMap((g) => STATUSES.map((s) => [g, s] as [V, V]));
    const sql = await sqlBatch('golongan_norm(a, b)', rows);
    const diff = rows.map((r, i) => ({ r, sql: sql[i], ts: normaliseGolongan(r[0], r[1]) })).filter((d) => d.sql !== d.ts);
    expect(diff).toEqual([]);
  });
  it('golongan_rank ≡ golonganRank', async () => {
    const rows = gs.map((g) => [g, null] as [V, V]);
    const sql = (await sqlBatch('golongan_rank(a)', rows)).map((v) => (v === null ? null : Number(v)));
    expect(sql).toEqual(gs.map((g) => golonganRank(g)));
  });
});

const RATING_EDGE: V[] = [
  'Sangat Baik', 'sangat baik', 'SANGAT  BAIK', ' Sangat_Baik ', 'Outstanding', 'Very good', 'very-good', 'Baik', 'good',
  'Butuh Perbaikan', 'perlu perbaikan', 'Needs improvement', 'need improvement', 'Kurang/Misconduct', 'Kurang / Misconduct',
  'kurang', 'Misconduct', 'Poor', 'poor/misconduct', 'Sangat Kurang', 'very poor', 'Cukup', 'Buruk', 'A', '', null,
];
const EXPECT_EDGE: V[] = [
  'di atas ekspektasi', 'Di Atas Ekspektasi', 'diatas ekspektasi', 'di-atas', 'above', 'Above expectations', 'exceeds expectations',
  'melebihi ekspektasi', 'sesuai ekspektasi', 'Sesuai', 'as expected', 'as_expected', 'meets expectations', 'di bawah ekspektasi',
  'dibawah ekspektasi', 'Below', 'below expectations', 'kurang dari ekspektasi', 'baik', '', null,
];

describe('SKP: SQL and TypeScript agree', () => {
  it('skp_rating ≡ normaliseSkpRating and skp_rank ≡ skpRank', async () => {
    const rows = RATING_EDGE.map((r) => [r, null] as [V, V]);
    expect(await sqlBatch('skp_rating(a)', rows)).toEqual(RATING_EDGE.map((r) => normaliseSkpRating(r)));
    expect((await sqlBatch('skp_rank(a)', rows)).map((v) => (v === null ? null : Number(v)))).toEqual(RATING_EDGE.map((r) => skpRank(r)));
  });
  it('expectation_norm ≡ normaliseExpectation', async () => {
    const rows = EXPECT_EDGE.map((r) => [r, null] as [V, V]);
    expect(await sqlBatch('expectation_norm(a)', rows)).toEqual(EXPECT_EDGE.map((r) => normaliseExpectation(r)));
  });
  it('skp_from_subratings ≡ skpFromSubratings (every pair)', async () => {
    const rows = EXPECT_EDGE.flatMap((a) => EXPECT_EDGE.map((b) => [a, b] as [V, V]));
    expect(await sqlBatch('skp_from_subratings(a, b)', rows)).toEqual(rows.map(([a, b]) => skpFromSubratings(a, b)));
  });
});
