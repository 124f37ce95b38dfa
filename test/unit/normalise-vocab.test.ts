// The small vocabularies of pipeline/models/macros/normalise.sql: yes_no, sex_norm, education_norm/rank,
// tags, skp_rating/rank, expectation_norm, skp_from_subratings (PermenPANRB 6/2022 matrix).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openMacrosDb, sqlEval } from './normalise-db.ts';

let conn: DuckDBConnection;
let close: () => void;
beforeAll(async () => ({ conn, close } = await openMacrosDb()));
afterAll(() => close());

const YES_NO: [string | null, string | null][] = [
  ['ya', 'yes'], ['Ya', 'yes'], ['YA', 'yes'], ['iya', 'yes'], ['y', 'yes'], ['yes', 'yes'], ['1', 'yes'],
  ['true', 'yes'], ['TRUE', 'yes'], ['bersedia', 'yes'], [' Bersedia ', 'yes'],
  ['tidak', 'no'], ['Tidak', 'no'], ['tdk', 'no'], ['no', 'no'], ['n', 'no'], ['0', 'no'], ['FALSE', 'no'],
  ['tidak bersedia', 'no'], ['Tidak  Bersedia', 'no'], ['tidak-bersedia', 'no'],
  ['', 'unknown'], ['  ', 'unknown'], [null, 'unknown'], ['-', 'unknown'], ['n/a', 'unknown'], ['unknown', 'unknown'],
  ['mungkin', null], ['2', null], ['yess', null],
];
describe('yes_no', () => {
  it.each(YES_NO)('yes_no(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'yes_no(?)', input)).toBe(expected);
  });
});

const SEX: [string | null, string | null][] = [
  ['L', 'L'], ['l', 'L'], ['Laki-laki', 'L'], ['laki laki', 'L'], ['LAKI-LAKI', 'L'], ['Pria', 'L'], ['M', 'L'], ['male', 'L'], ['1', 'L'], ['Lk', 'L'],
  ['P', 'P'], ['p', 'P'], ['Perempuan', 'P'], ['Wanita', 'P'], ['F', 'P'], ['Female', 'P'], ['2', 'P'], ['W', 'P'],
  ['X', null], ['3', null], ['', null], [null, null],
];
describe('sex_norm', () => {
  it.each(SEX)('sex_norm(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'sex_norm(?)', input)).toBe(expected);
  });
});

const EDUCATION: [string | null, string | null, number | null][] = [
  ['SD', 'SD', 1], ['sd', 'SD', 1], ['MI', 'SD', 1],
  ['SMP', 'SMP', 2], ['SLTP', 'SMP', 2], ['MTs', 'SMP', 2],
  ['SMA', 'SMA', 3], ['SLTA', 'SMA', 3], ['SMK', 'SMA', 3], ['SMU', 'SMA', 3], ['MA', 'SMA', 3], ['SMA/Sederajat', 'SMA', 3],
  ['D1', 'D1', 4], ['D-I', 'D1', 4], ['Diploma I', 'D1', 4],
  ['D2', 'D2', 5], ['DII', 'D2', 5],
  ['D3', 'D3', 6], ['DIII', 'D3', 6], ['D-III', 'D3', 6], ['D III', 'D3', 6], ['Diploma 3', 'D3', 6],
  ['D4', 'D4', 7], ['DIV', 'D4', 7], ['D-IV', 'D4', 7], ['Sarjana Terapan', 'D4', 7],
  ['S1', 'S1', 8], ['S-1', 'S1', 8], ['s1', 'S1', 8], ['Sarjana', 'S1', 8], ['Strata 1', 'S1', 8],
  ['S2', 'S2', 9], ['Magister', 'S2', 9], ['Master', 'S2', 9],
  ['S3', 'S3', 10], ['Doktor', 'S3', 10], ['PhD', 'S3', 10],
  ['Profesi', null, null], ['TK', null, null], ['S4', null, null], ['', null, null], [null, null, null],
];
describe('education_norm / education_rank', () => {
  it.each(EDUCATION)('education_norm(%j) = %j, rank %j', async (input, level, rank) => {
    expect(await sqlEval(conn, 'education_norm(?)', input)).toBe(level);
    const r = await sqlEval(conn, 'education_rank(?)', input);
    expect(r === null ? null : Number(r)).toBe(rank);
  });
});

const TAGS: [string | null, string[] | null][] = [
  ['Excel; Statistik', ['excel', 'statistik']],
  ['a,b;c', ['a', 'b', 'c']],
  [' Analisis Data ;  SIG ', ['analisis data', 'sig']],
  ['a;;b; ;', ['a', 'b']],
  ['keuangan', ['keuangan']],
  [' ; , ', null],
  ['', null],
  [null, null],
];
describe('tags', () => {
  it.each(TAGS)('tags(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'tags(?)', input)).toEqual(expected);
  });
});

const RATINGS: [string | null, string | null, number | null][] = [
  ['Sangat Baik', 'Sangat Baik', 5], ['sangat baik', 'Sangat Baik', 5], ['SANGAT  BAIK', 'Sangat Baik', 5],
  ['Outstanding', 'Sangat Baik', 5], ['Very good', 'Sangat Baik', 5],
  ['Baik', 'Baik', 4], ['good', 'Baik', 4],
  ['Butuh Perbaikan', 'Butuh Perbaikan', 3], ['perlu perbaikan', 'Butuh Perbaikan', 3], ['Needs improvement', 'Butuh Perbaikan', 3],
  ['Kurang/Misconduct', 'Kurang/Misconduct', 2], ['Kurang / Misconduct', 'Kurang/Misconduct', 2], ['Kurang', 'Kurang/Misconduct', 2],
  ['Misconduct', 'Kurang/Misconduct', 2], ['Poor', 'Kurang/Misconduct', 2],
  ['Sangat Kurang', 'Sangat Kurang', 1], ['very poor', 'Sangat Kurang', 1],
  ['Cukup', null, null], ['Buruk', null, null], ['A', null, null], ['', null, null], [null, null, null],
];
describe('skp_rating / skp_rank', () => {
  it.each(RATINGS)('skp_rating(%j) = %j, rank %j', async (input, rating, rank) => {
    expect(await sqlEval(conn, 'skp_rating(?)', input)).toBe(rating);
    const r = await sqlEval(conn, 'skp_rank(?)', input);
    expect(r === null ? null : Number(r)).toBe(rank);
  });
});

const EXPECTATIONS: [string | null, string | null][] = [
  ['di atas ekspektasi', 'above'], ['Di Atas Ekspektasi', 'above'], ['diatas ekspektasi', 'above'], ['above', 'above'],
  ['Above expectations', 'above'], ['exceeds expectations', 'above'],
  ['sesuai ekspektasi', 'as_expected'], ['Sesuai', 'as_expected'], ['as expected', 'as_expected'], ['as_expected', 'as_expected'],
  ['meets expectations', 'as_expected'],
  ['di bawah ekspektasi', 'below'], ['dibawah ekspektasi', 'below'], ['Below', 'below'], ['below expectations', 'below'],
  ['baik', null], ['', null], [null, null],
];
describe('expectation_norm', () => {
  it.each(EXPECTATIONS)('expectation_norm(%j) = %j', async (input, expected) => {
    expect(await sqlEval(conn, 'expectation_norm(?)', input)).toBe(expected);
  });
});

// PermenPANRB 6/2022 matrix (shared/domain.md): results × behaviour
const MATRIX: [string | null, string | null, string | null][] = [
  ['above', 'below', 'Kurang/Misconduct'],
  ['above', 'as_expected', 'Baik'],
  ['above', 'above', 'Sangat Baik'],
  ['as_expected', 'below', 'Kurang/Misconduct'],
  ['as_expected', 'as_expected', 'Baik'],
  ['as_expected', 'above', 'Baik'],
  ['below', 'below', 'Sangat Kurang'],
  ['below', 'as_expected', 'Butuh Perbaikan'],
  ['below', 'above', 'Butuh Perbaikan'],
  ['Di atas ekspektasi', 'Di atas ekspektasi', 'Sangat Baik'],
  ['sesuai ekspektasi', 'di bawah ekspektasi', 'Kurang/Misconduct'],
  ['above', null, null],
  [null, 'above', null],
  ['above', 'excellent', null],
];
describe('skp_from_subratings', () => {
  it.each(MATRIX)('skp_from_subratings(%j, %j) = %j', async (results, behaviour, expected) => {
    expect(await sqlEval(conn, 'skp_from_subratings(?, ?)', results, behaviour)).toBe(expected);
  });
});
