// golongan_norm / golongan_rank (pipeline/models/macros/normalise.sql): PNS I/a–IV/e, PPPK I–XVII
// (shared/domain.md "Identifiers and grades").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMacrosDb, sqlEval } from './normalise-db.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => ({ conn, close } = await openMacrosDb()));
afterAll(() => close());

// [text, status, expected]
const GOLONGAN_CASES: [string | null, string | null, string | null][] = [
  ['III/a', 'PNS', 'III/a'],
  ['III-A', 'PNS', 'III/a'],
  ['3A', 'PNS', 'III/a'],
  ['3a', 'PNS', 'III/a'],
  ['IIIa', 'PNS', 'III/a'],
  ['iii/a', 'PNS', 'III/a'],
  ['3/a', 'PNS', 'III/a'],
  ['III a', 'PNS', 'III/a'],
  ['III.a', 'PNS', 'III/a'],
  [' III / A ', 'PNS', 'III/a'],
  ['Gol. III/b', 'PNS', 'III/b'],
  ['Golongan IV/c', 'PNS', 'IV/c'],
  ['I/a', 'PNS', 'I/a'],
  ['I/d', 'PNS', 'I/d'],
  ['1D', 'PNS', 'I/d'],
  ['II/b', 'PNS', 'II/b'],
  ['2c', 'PNS', 'II/c'],
  ['IV/e', 'PNS', 'IV/e'],
  ['4E', 'PNS', 'IV/e'],
  ['Penata Muda (III/a)', 'PNS', 'III/a'],
  ['Pembina Tk. I, IV/b', 'PNS', 'IV/b'],
  ['III/a', 'CPNS', 'III/a'],
  ['III/f', 'PNS', null],
  ['IV/f', 'PNS', null],
  ['I/e', 'PNS', null],
  ['II/e', 'PNS', null],
  ['V/a', 'PNS', null],
  ['5A', 'PNS', null],
  ['III', 'PNS', null],
  ['3', 'PNS', null],
  ['Penata Muda', 'PNS', null],
  ['IX', 'PPPK', 'IX'],
  ['ix', 'PPPK', 'IX'],
  ['9', 'PPPK', 'IX'],
  ['09', 'PPPK', 'IX'],
  ['I', 'PPPK', 'I'],
  ['XVII', 'PPPK', 'XVII'],
  ['17', 'PPPK', 'XVII'],
  ['Gol. V', 'P3K', 'V'],
  ['18', 'PPPK', null],
  ['XVIII', 'PPPK', null],
  ['0', 'PPPK', null],
  ['III/a', 'PPPK', null],
  ['III/a', null, 'III/a'],
  ['3A', null, 'III/a'],
  ['X', null, 'X'],
  ['12', null, 'XII'],
  ['IV/f', null, null],
  ['', 'PNS', null],
  [null, 'PNS', null],
];

describe('golongan_norm', () => {
  it.each(GOLONGAN_CASES)('golongan_norm(%j, %j) = %j', async (text, status, expected) => {
    expect(await sqlEval(conn, 'golongan_norm(?, ?)', text, status)).toBe(expected);
  });
});

const RANKS: [string | null, number | null][] = [
  ['I/a', 1], ['I/b', 2], ['I/c', 3], ['I/d', 4],
  ['II/a', 5], ['II/d', 8],
  ['III/a', 9], ['III/b', 10], ['III/c', 11], ['III/d', 12],
  ['IV/a', 13], ['IV/b', 14], ['IV/c', 15], ['IV/d', 16], ['IV/e', 17],
  ['3A', 9], ['III-d', 12],
  ['I', 1], ['IX', 9], ['XVII', 17],
  ['III/f', null], ['', null], [null, null],
];

describe('golongan_rank', () => {
  it.each(RANKS)('golongan_rank(%j) = %j', async (g, expected) => {
    const v = await sqlEval(conn, 'golongan_rank(?)', g);
    expect(v === null ? null : Number(v)).toBe(expected);
  });
  it('orders every PNS golongan 1 … 17', async () => {
    const v = await sqlEval(
      conn,
      "[golongan_rank(g) FOR g IN ['I/a','I/b','I/c','I/d','II/a','II/b','II/c','II/d','III/a','III/b','III/c','III/d','IV/a','IV/b','IV/c','IV/d','IV/e']]",
    );
    expect((v as unknown[]).map(Number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });
});
