// nip_clean / nip_problem / nip_birth_date (pipeline/models/macros/normalise.sql), shared/domain.md
// "Identifiers": PNS NIP = birth date · first appointment YYYYMM · sex · serial; PPPK = birth date · year · 2 ·
// digit · sex · serial.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMacrosDb, sqlEval } from './normalise-db.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => ({ conn, close } = await openMacrosDb()));
afterAll(() => close());

const CLEAN: [string | null, string | null][] = [
  ['196608011988031001', '196608011988031001'],
  ['19660801 198803 1 001', '196608011988031001'],
  ['19660801.198803.1.001', '196608011988031001'],
  ['19660801-198803-1-001', '196608011988031001'],
  ['  196608011988031001  ', '196608011988031001'],
  ["'196608011988031001", '196608011988031001'],
  ['1966 0801 1988 0310 01', '196608011988031001'],
  ['19660801198803100', null],
  ['1966080119880310011', null],
  ['1.96608011988031E+17', null],
  ['NIP 196608011988031001', null],
  ['19660801/198803/1/001', null],
  ['', null],
  [null, null],
];

describe('nip_clean', () => {
  it.each(CLEAN)('nip_clean(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'nip_clean(?)', input)).toBe(expected);
  });
});

// [nip, status, expected problem (null = valid); a string is matched as a substring]
const PROBLEMS: [string | null, string | null, string | null][] = [
  ['196608011988031001', 'PNS', null],
  ['19660801 198803 1 001', 'PNS', null],
  ['196608011988032001', 'PNS', null],
  ['196608011988031001', 'pns', null],
  ['196608011988031001', 'CPNS', null],
  ['198507142023212012', 'PPPK', null],
  ['198507142023212012', 'P3K', null],
  ['199001012019211003', 'PPPK', null],
  ['196608011988031001', null, null],
  ['198507142023212012', null, null],
  ['196608011988031001', 'honorer', null],
  ['196602301988031001', 'PNS', 'birth date'],
  ['196613011988031001', 'PNS', 'birth date'],
  ['189912311920031001', 'PNS', 'before 1900'],
  ['196608011988033001', 'PNS', 'sex digit'],
  ['196608011988030001', 'PNS', 'sex digit'],
  ['196608011988131001', 'PNS', 'appointment month'],
  ['196608011988001001', 'PNS', 'appointment month'],
  ['196608011980031001', 'PNS', '18 years'],
  ['196608011988031000', 'PNS', 'serial number'],
  ['198507142023212012', 'PNS', 'appointment month'],
  ['196608011988031001', 'PPPK', 'digit 13'],
  ['198507142017212012', 'PPPK', 'before 2018'],
  ['201007142023212012', 'PPPK', '18 years'],
  ['198507142023213012', 'PPPK', 'sex digit'],
  ['198507142023132012', null, 'appointment month'],
  ['1966080119880310', 'PNS', '18 digits'],
  ['abc', 'PNS', '18 digits'],
  ['', 'PNS', null],
  [null, 'PNS', null],
];

describe('nip_problem', () => {
  it.each(PROBLEMS)('nip_problem(%j, %j) ~ %j', async (nip, status, expected) => {
    const v = await sqlEval(conn, 'nip_problem(?, ?)', nip, status);
    if (expected === null) expect(v).toBeNull();
    else expect(String(v)).toContain(expected);
  });
});

const BIRTH: [string | null, string | null][] = [
  ['196608011988031001', '1966-08-01'],
  ['19660801 198803 1 001', '1966-08-01'],
  ['198507142023212012', '1985-07-14'],
  ['200002291988031001', '2000-02-29'],
  ['199902291988031001', null],
  ['196613011988031001', null],
  ['1966080119880310', null],
  [null, null],
];

describe('nip_birth_date', () => {
  it.each(BIRTH)('nip_birth_date(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'nip_birth_date(?)', input)).toBe(expected);
  });
});
