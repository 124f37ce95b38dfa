// The one-pass load of the ratings reads a CSV's values untrimmed and trims only those not in a clean form
// (pipeline/ingest/sql.ts rawSelectSql, pipeline/models/onepass/performance.sql, issue 20). The values and the texts
// kept for the quarantine are those of the trimmed values, as when the raw layer trimmed every value: spaces, tabs
// and no-break spaces around a value are dropped, a value of blanks alone is no value, a row of blanks is empty.
// Expected values checked by hand against docs/data-contract.md "Values" and shared/domain.md "Performance".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { macroSql } from '../../pipeline/warehouse/models.ts';
import { NUMBER_SHAPE_SQL } from '../../pipeline/ingest/profile.ts';
import { ONE_PASS_SETUP_SQL, prepareOnePass } from '../../pipeline/warehouse/one-pass.ts';

const PASS = readFileSync(new URL('../../pipeline/models/onepass/performance.sql', import.meta.url), 'utf8');
const NBSP = '\u00a0';
const NIP = '196608011988031001';
let instance: DuckDBInstance;
let conn: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seimbang-onepass-trim-'));
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(macroSql());
  await conn.run(NUMBER_SHAPE_SQL);
  await conn.run(`CREATE OR REPLACE MACRO setting_data_date() AS DATE '2026-12-01'`);
  await conn.run(ONE_PASS_SETUP_SQL);
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS raw_cell_issue (kind VARCHAR, _row INTEGER, "column" VARCHAR, "value" VARCHAR, reason VARCHAR)`);
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe('one pass of the ratings: untrimmed values', () => {
  it('types and keeps the texts of the trimmed values', async () => {
    const path = join(dir, 'kinerja.csv');
    writeFileSync(path, [
      'nip,periode,predikat,hasil_kerja,perilaku_kerja,nilai',
      `${NIP},2023-01,Baik,sesuai ekspektasi,sesuai ekspektasi,80.5`,
      ` ${NIP} ,\t2023-02 ,Baik${NBSP}, di atas ekspektasi,sesuai ekspektasi , 81 `,
      '19660801 198803 1 001,2023-3,Kurang,di bawah ekspektasi,di bawah ekspektasi,70',
      `${NIP},2023-04,Cukup, ,x,150`,
      ` ,\t,${NBSP}, ,  , `,
      `${NBSP}${NIP},2023-05,"  Sangat Baik  ",,,`,
      '',
    ].join('\n'));
    await prepareOnePass(conn, 'performance', path, {});
    await conn.run(PASS);
    const r = await conn.runAndReadAll(`SELECT nip, CAST(period AS VARCHAR) AS period, rating, rating_rank, results_rating, behaviour_rating, score,
      _text, _bad, _empty FROM performance ORDER BY rowid`);
    expect(r.getRowObjectsJson()).toEqual([
      { nip: NIP, period: '2023-01-01', rating: 'Baik', rating_rank: 4, results_rating: 'as_expected', behaviour_rating: 'as_expected', score: 80.5, _text: null, _bad: null, _empty: null },
      { nip: NIP, period: '2023-02-01', rating: 'Baik', rating_rank: 4, results_rating: 'above', behaviour_rating: 'as_expected', score: 81, _text: null, _bad: null, _empty: null },
      // the NIP and the period read, their texts kept (they are not what the typed values give back)
      { nip: NIP, period: '2023-03-01', rating: 'Kurang/Misconduct', rating_rank: 2, results_rating: 'below', behaviour_rating: 'below', score: 70,
        _text: ['19660801 198803 1 001', '2023-3', null, null, null, null], _bad: null, _empty: null },
      // rejected: every text, trimmed; a blank sub-rating is no value
      { nip: NIP, period: '2023-04-01', rating: null, rating_rank: null, results_rating: null, behaviour_rating: null, score: 150,
        _text: [NIP, '2023-04', 'Cukup', null, 'x', '150'], _bad: true, _empty: null },
      // a row of blanks: empty (no value), rejected
      { nip: null, period: null, rating: null, rating_rank: null, results_rating: null, behaviour_rating: null, score: null,
        _text: [null, null, null, null, null, null], _bad: true, _empty: true },
      { nip: NIP, period: '2023-05-01', rating: 'Sangat Baik', rating_rank: 5, results_rating: null, behaviour_rating: null, score: null, _text: null, _bad: null, _empty: null },
    ]);
  });
});
