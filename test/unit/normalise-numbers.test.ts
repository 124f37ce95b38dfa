// id_number(txt, id_style) (pipeline/models/macros/normalise.sql), per docs/data-contract.md "Values":
// a comma is always the decimal separator; dots are thousands when a comma is present, when there is more
// than one dot, or in a semicolon CSV (id_style); spaces inside are dropped; anything else is NULL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMacrosDb, sqlEval } from './normalise-db.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => ({ conn, close } = await openMacrosDb()));
afterAll(() => close());

// [text, id_style, expected]
const CASES: [string | null, boolean | null, number | null][] = [
  ['1234', false, 1234],
  ['1234', true, 1234],
  ['0', false, 0],
  ['-17', false, -17],
  ['+17', false, 17],
  [' 42 ', false, 42],
  ['1234.5', false, 1234.5],
  ['.5', false, 0.5],
  ['5.', false, 5],
  ['-0.25', false, -0.25],
  ['1.234,5', false, 1234.5],
  ['1.234,5', true, 1234.5],
  ['1234,5', false, 1234.5],
  ['1234,5', true, 1234.5],
  [',5', false, 0.5],
  ['-1,5', false, -1.5],
  ['1 234', false, 1234],
  ['1 234,5', true, 1234.5],
  ['1\u00a0234', false, 1234],
  ['1.234.567', false, 1234567],
  ['1.234.567', true, 1234567],
  ['1.234.567,89', false, 1234567.89],
  ['1.234', false, 1.234],
  ['1.234', true, 1234],
  ['1.234', null, 1.234],
  ['12.500', true, 12500],
  ['0,75', true, 0.75],
  [' 12,5 ', true, 12.5],
  ['+3.25', false, 3.25],
  ['-3,25', true, -3.25],
  ['12.5', null, 12.5],
  // not numbers: NULL
  ['12.5', true, null],
  ['1.23.4', false, null],
  ['1,234,567', false, null],
  ['1,2,3', false, null],
  ['12.34,5', false, null],
  ['1e5', false, null],
  ['Rp 1.000', true, null],
  ['50%', false, null],
  ['abc', false, null],
  ['-', false, null],
  ['+', false, null],
  ['.', false, null],
  [',', false, null],
  ['1-2', false, null],
  ['', false, null],
  ['   ', true, null],
  [null, false, null],
];

describe('id_number', () => {
  it.each(CASES)('id_number(%j, %j) = %j', async (text, idStyle, expected) => {
    const v = await sqlEval(conn, 'id_number(?, ?)', text, idStyle);
    expect(v === null ? null : Number(v)).toBe(expected);
  });
  it('returns DOUBLE', async () => {
    expect(await sqlEval(conn, "typeof(id_number('1', false))")).toBe('DOUBLE');
  });
});
