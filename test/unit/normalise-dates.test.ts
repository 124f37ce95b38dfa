// id_date / id_month / id_year_or_month (pipeline/models/macros/normalise.sql): every accepted form of
// docs/data-contract.md "Values", and the values that must come out NULL (quarantined, never guessed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMacrosDb, sqlEval } from './normalise-db.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => ({ conn, close } = await openMacrosDb()));
afterAll(() => close());

const DATES: [string | null, string | null][] = [
  ['2024-01-12', '2024-01-12'],
  ['2024-1-2', '2024-01-02'],
  ['  2024-01-12  ', '2024-01-12'],
  ['2024-01-12 00:00:00', '2024-01-12'],
  ['2024-01-12 08:30', '2024-01-12'],
  ['2024-01-12T08:30:00Z', '2024-01-12'],
  ['2024-01-12T08:30:00.123+07:00', '2024-01-12'],
  ['2024/01/12', '2024-01-12'],
  ['2024.01.12', '2024-01-12'],
  ['12-01-2024', '2024-01-12'],
  ['12/01/2024', '2024-01-12'],
  ['12.01.2024', '2024-01-12'],
  ['1-2-2024', '2024-02-01'],
  ['12/01/2024 08:30', '2024-01-12'],
  ['12-01-2024 08.30.00', '2024-01-12'],
  ['29-02-2024', '2024-02-29'],
  ['12 Januari 2024', '2024-01-12'],
  ['12 januari 2024', '2024-01-12'],
  ['12 JANUARI 2024', '2024-01-12'],
  ['12 Jan 2024', '2024-01-12'],
  ['12 January 2024', '2024-01-12'],
  ['12-Jan-2024', '2024-01-12'],
  ['1 Februari 2024', '2024-02-01'],
  ['1 Pebruari 2024', '2024-02-01'],
  ['5 Maret 2024', '2024-03-05'],
  ['5 Mei 2024', '2024-05-05'],
  ['5 May 2024', '2024-05-05'],
  ['17 Agustus 2024', '2024-08-17'],
  ['17 Agu 2024', '2024-08-17'],
  ['17 Agt 2024', '2024-08-17'],
  ['17 Agt. 2024', '2024-08-17'],
  ['17 Aug 2024', '2024-08-17'],
  ['1 Okt 2024', '2024-10-01'],
  ['1 Oct 2024', '2024-10-01'],
  ['10 Nopember 2024', '2024-11-10'],
  ['25 Des 2024', '2024-12-25'],
  ['25 Dec 2024', '2024-12-25'],
  ['Senin, 12 Februari 2024', '2024-02-12'],
  ['January 12, 2024', '2024-01-12'],
  ['Jan 12 2024', '2024-01-12'],
  ['20240112', '2024-01-12'],
  ['45303', '2024-01-12'],
  ['45303.0', '2024-01-12'],
  ['45303.75', '2024-01-12'],
  ['10000', '1927-05-18'],
  ['99999', '2173-10-13'],
  // quarantined, never guessed
  ['31-02-2024', null],
  ['29-02-2023', null],
  ['30 Februari 2024', null],
  ['2024-02-30', null],
  ['2024-13-01', null],
  ['00-01-2024', null],
  ['12-01-24', null],
  ['12-01/2024', null],
  ['2024-01/12', null],
  ['12 Foo 2024', null],
  ['2024', null],
  ['2024.0', null],
  ['0', null],
  ['1', null],
  ['999', null],
  ['202413', null],
  ['2958465', null],
  ['12345678', null],
  ['2024-01-12 garbage', null],
  ['kemarin', null],
  ['', null],
  ['   ', null],
  [null, null],
];

describe('id_date', () => {
  it.each(DATES)('id_date(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'id_date(?)', input)).toBe(expected);
  });
  it('takes an XLSX date as written by the reader and a DATE value', async () => {
    expect(await sqlEval(conn, "id_date(DATE '2024-01-12')")).toBe('2024-01-12');
  });
});

const MONTHS: [string | null, string | null][] = [
  ['2024-01', '2024-01-01'],
  ['2024-1', '2024-01-01'],
  ['2024/01', '2024-01-01'],
  ['2024.12', '2024-12-01'],
  ['01/2024', '2024-01-01'],
  ['01-2024', '2024-01-01'],
  ['1.2024', '2024-01-01'],
  ['202403', '2024-03-01'],
  ['Januari 2024', '2024-01-01'],
  ['januari 2024', '2024-01-01'],
  ['Jan 2024', '2024-01-01'],
  ['Jan-2024', '2024-01-01'],
  ['Agt. 2024', '2024-08-01'],
  ['September 2024', '2024-09-01'],
  ['2024 Maret', '2024-03-01'],
  ['Jan-24', '2024-01-01'],
  ['Des-23', '2023-12-01'],
  ['12-03-2024', '2024-03-01'],
  ['2024-03-12', '2024-03-01'],
  ['12 Maret 2024', '2024-03-01'],
  ['45303', '2024-01-01'],
  [' 2024-01 ', '2024-01-01'],
  ['2024-13', null],
  ['13/2024', null],
  ['2024', null],
  ['Foo 2024', null],
  ['202413', null],
  ['', null],
  [null, null],
];

describe('id_month', () => {
  it.each(MONTHS)('id_month(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'id_month(?)', input)).toBe(expected);
  });
});

const YEAR_OR_MONTH: [string | null, string | null][] = [
  ['2024', '2024-01-01'],
  ['2024.0', '2024-01-01'],
  [' 2023 ', '2023-01-01'],
  ['2024-06', '2024-06-01'],
  ['Juni 2024', '2024-06-01'],
  ['15-06-2024', '2024-06-01'],
  ['24', null],
  ['2024.5', '2024-05-01'],
  ['tahun lalu', null],
  ['', null],
  [null, null],
];

describe('id_year_or_month', () => {
  it.each(YEAR_OR_MONTH)('id_year_or_month(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'id_year_or_month(?)', input)).toBe(expected);
  });
});
