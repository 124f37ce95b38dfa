// The one-pass loads (pipeline/warehouse/one-pass.ts, issue 20) give what raw → staging → core gave: the ratings
// and workload tables and their quarantine entries equal, as multisets (EXCEPT ALL both ways), what the previous
// staging models (kept in test/fixtures/staging-reference) give on the same files — on the sample and on a messy
// copy of it (bad, duplicate, blank, empty and trailing empty rows, numbers that decide the column's format).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ROOT, cli, copyFixture, query, removeDir, tempDir } from './helpers.ts';
import { macroSql } from '../../pipeline/warehouse/models.ts';
import { settingsSql } from '../../pipeline/warehouse/settings-sql.ts';
import { inputSettingsSql } from '../../pipeline/warehouse/input-sql.ts';
import { loadSettings } from '../../pipeline/warehouse/settings-file.ts';
import { loadRaw, profileColumns } from '../../pipeline/ingest/index.ts';

const SAMPLE = join(ROOT, 'data/sample');
const REFERENCE = join(ROOT, 'test/fixtures/staging-reference');
const AMBIGUOUS_NUMBER =
  "ambiguous number: the dot may group thousands (3.600 = 3600) or mark decimals (3.6) and the column's other values do not decide; set input.number_locale (id or en)";
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A deterministic generator (mulberry32), so the messy copy is the same in every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PERF_MESS: ((c: string[]) => void)[] = [
  (c) => { c[0] = `${c[0]!.slice(0, 8)} ${c[0]!.slice(8, 14)} ${c[0]!.slice(14, 15)} ${c[0]!.slice(15)}`; }, // NIP with spaces: still read
  (c) => { c[0] = '12345'; }, (c) => { c[0] = '199912312020121999'; }, (c) => { c[0] = ''; },
  (c) => { c[1] = '2023-13'; }, (c) => { c[1] = c[1]!.slice(0, 4); }, (c) => { c[1] = '2031-01'; }, (c) => { c[1] = 'Jan 2024'; },
  (c) => { c[2] = 'Cukup'; }, (c) => { c[2] = ''; c[3] = 'di atas ekspektasi'; c[4] = 'bogus'; }, (c) => { c[2] = ''; c[3] = ''; c[4] = ''; },
  (c) => { c[5] = 'abc'; }, (c) => { c[5] = '130'; }, (c) => { c[5] = '" 82,5 "'; }, (c) => { c[5] = '1 000'; }, (c) => { c[5] = '12.'; },
];
const WORK_MESS: ((c: string[]) => void)[] = [
  (c) => { c[1] = 'T99'; }, (c) => { c[3] = '-3'; }, (c) => { c[3] = '"12,5"'; }, (c) => { c[2] = '2023-00'; }, (c) => { c[2] = '2031-02'; },
  (c) => { c[0] = ''; }, (c) => { c[3] = 'x'; }, (c) => { c[2] = '01/2024'; }, (c) => { c[3] = ''; }, (c) => { c[0] = ` ${c[0]} `; },
];

/** The sample with ~1 % of the ratings and workload rows spoiled, duplicated, or with blank and empty rows around. */
function messyCopy(): string {
  const dir = tempDir('seimbang-messy-');
  dirs.push(dir);
  cpSync(SAMPLE, dir, { recursive: true });
  const r = rng(20);
  for (const [name, mess, empty] of [['kinerja.csv', PERF_MESS, ',,,,,'], ['beban_kerja.csv', WORK_MESS, ',,,']] as const) {
    const [head, ...rows] = readFileSync(join(SAMPLE, name), 'utf8').split('\n').filter((l) => l !== '');
    const out = [head!];
    let prev: string | undefined;
    for (const line of rows) {
      const x = r();
      let row = line;
      if (x < 0.01) {
        const cells = line.split(',');
        mess[Math.floor(r() * mess.length)]!(cells);
        row = cells.join(',');
      } else if (x < 0.012 && prev) out.push(prev); // the previous row again: a duplicate key
      else if (x < 0.0125) out.push(''); // a blank line (DuckDB skips it; the rows below move down)
      else if (x < 0.013) out.push(empty); // a row without values in the middle: quarantined
      out.push(row);
      prev = row;
    }
    out.push(empty, ''); // an empty row at the end: not a record
    writeFileSync(join(dir, name), out.join('\n'));
  }
  return dir;
}

async function rowsOf(conn: DuckDBConnection, sql: string): Promise<unknown[][]> {
  return (await conn.runAndReadAll(sql)).getRows();
}

/** Build with the CLI, then run the reference staging models on the same files beside the warehouse. */
async function compare(input: string): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const db = join(tempDir(), 'w.duckdb');
  dirs.push(join(db, '..'));
  const b = cli(['build', '--input', input, '--db', db, '--force']);
  expect(b.code, b.stderr).toBe(0);
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  await conn.run(`ATTACH '${db}' AS wh (READ_ONLY)`);
  const settings = loadSettings(readdirSync(input).includes('settings.yaml') ? join(input, 'settings.yaml') : undefined);
  await conn.run(macroSql());
  await conn.run(settingsSql(settings));
  await conn.run(inputSettingsSql(settings));
  const raws = [await loadRaw(conn, 'workload', join(input, 'beban_kerja.csv'), { temporary: true }),
    await loadRaw(conn, 'performance', join(input, 'kinerja.csv'), { temporary: true })];
  await conn.run((await profileColumns(conn, raws, settings.input)).sql);
  // the loaded employees and tasks, as the staging models had them
  await conn.run(`CREATE TEMP TABLE stg_employees AS SELECT nip, CAST([] AS VARCHAR[]) AS _issues FROM wh.employee`);
  await conn.run(`CREATE TEMP TABLE stg_position_tasks AS SELECT position_id, task_id, time_norm_minutes, CAST([] AS VARCHAR[]) AS _issues FROM wh.position_task`);
  for (const f of ['stg_workload', 'stg_performance']) await conn.run(readFileSync(join(REFERENCE, `${f}.sql`), 'utf8'));
  return { conn, close: () => { conn.closeSync(); inst.closeSync(); } };
}

const bothWays = (a: string, b: string) =>
  `SELECT (SELECT count(*) FROM (${a} EXCEPT ALL ${b})) AS a_not_b, (SELECT count(*) FROM (${b} EXCEPT ALL ${a})) AS b_not_a, (SELECT count(*) FROM (${a})) AS n`;

const QUARANTINE_REF = `
  SELECT _file AS source_file, kind, _row AS "row", i."column" AS "column", i."value" AS "value", i.reason AS reason
  FROM (SELECT 'workload' AS kind, _file, _row, unnest(_issues) AS i FROM stg_workload WHERE len(_issues) > 0
        UNION ALL SELECT 'performance', _file, _row, unnest(_issues) FROM stg_performance WHERE len(_issues) > 0)`;
const QUARANTINE_NEW = `SELECT source_file, kind, "row", "column", "value", reason FROM wh.quarantine WHERE kind IN ('workload', 'performance')`;
const PERF_REF = `SELECT nip, period, rating, rating_rank, results_rating, behaviour_rating, score FROM stg_performance WHERE len(_issues) = 0`;
const WORK_REF = `
  SELECT position_id, "month", exact_sum(volume * time_norm_minutes) AS minutes FROM stg_workload WHERE len(_issues) = 0 GROUP BY ALL`;
const WORK_NEW = `SELECT position_id, "month", workload_minutes AS minutes FROM wh.workload_monthly WHERE source = 'records'`;

for (const [name, make] of [['the sample', () => SAMPLE], ['a messy copy of the sample', messyCopy]] as const) {
  describe(`one-pass loads equal raw → staging → core: ${name}`, () => {
    let c: Awaited<ReturnType<typeof compare>>;
    beforeAll(async () => { c = await compare(make()); }, 240_000);
    afterAll(() => c?.close());

    it('performance: the same rows, in the order of the file', async () => {
      const [[aNotB, bNotA, n]] = (await rowsOf(c.conn, bothWays('SELECT * FROM wh.performance', PERF_REF))) as [[bigint, bigint, bigint]];
      expect([Number(aNotB), Number(bNotA)]).toEqual([0, 0]);
      expect(Number(n)).toBeGreaterThan(150_000);
      // file order: the stored rows (rowid = insertion order; a bare list() may gather threads in any order)
      // as the reference lists them by row number
      const [[same]] = await rowsOf(c.conn, `SELECT (SELECT list(nip || CAST(period AS VARCHAR) ORDER BY rowid) FROM wh.performance)
        = (SELECT list(nip || CAST(period AS VARCHAR) ORDER BY _row) FROM stg_performance WHERE len(_issues) = 0)`);
      expect(same).toBe(true);
    });

    it('quarantine: the same entries (file, row, column, value, reason)', async () => {
      const [[aNotB, bNotA, n]] = (await rowsOf(c.conn, bothWays(QUARANTINE_NEW, QUARANTINE_REF))) as [[bigint, bigint, bigint]];
      expect([Number(aNotB), Number(bNotA)]).toEqual([0, 0]);
      if (name !== 'the sample') expect(Number(n)).toBeGreaterThan(2_000);
    });

    it('workload: the same minutes per position and month from the loaded records', async () => {
      const [[aNotB, bNotA, n]] = (await rowsOf(c.conn, bothWays(WORK_NEW, WORK_REF))) as [[bigint, bigint, bigint]];
      expect([Number(aNotB), Number(bNotA)]).toEqual([0, 0]);
      expect(Number(n)).toBeGreaterThan(10_000);
    });

    it('rows = loaded + quarantined per file, as the reference counts them', async () => {
      const [[info]] = await rowsOf(c.conn, `SELECT CAST(input_files AS VARCHAR) FROM wh.build_info`);
      const files = JSON.parse(String(info)) as { kind: string; rows: number; loaded: number; quarantined: number }[];
      for (const kind of ['workload', 'performance']) {
        const f = files.find((x) => x.kind === kind)!;
        const [[rows, loaded]] = await rowsOf(c.conn, `SELECT count(*), count(*) FILTER (WHERE len(_issues) = 0) FROM stg_${kind}`);
        expect([f.rows, f.loaded, f.quarantined]).toEqual([Number(rows), Number(loaded), Number(rows) - Number(loaded)]);
      }
    });
  });
}

describe('the score column decided from its values after the one pass', () => {
  it('a lone 2.500 among whole numbers: the file is profiled from a raw table, the value quarantined as ambiguous, the summary says why', async () => {
    const input = copyFixture();
    dirs.push(input);
    appendFileSync(join(input, 'performance.csv'), '198502022010012002,2024-02,Baik,,,2.500\n');
    const db = join(tempDir(), 'w.duckdb');
    dirs.push(join(db, '..'));
    const r = cli(['build', '--input', input, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('number format: profiled from a raw table');
    expect(r.stdout).toContain('performance.csv score: 1 value(s) like 3.600 — the dot is ambiguous: those values are quarantined; no other value of the column decides; input.number_locale is auto');
    expect(await query(db, `SELECT source_file, "row", "column", "value", reason FROM quarantine`)).toEqual([
      { source_file: 'performance.csv', row: 5, column: 'score', value: '2.500', reason: AMBIGUOUS_NUMBER },
    ]);
    expect(await query(db, `SELECT nip, CAST(period AS VARCHAR) AS period, score FROM performance`)).toEqual([
      { nip: '198001012005011001', period: '2024-01-01', score: 90 },
      { nip: '198001012005011001', period: '2024-02-01', score: 105 },
      { nip: '198502022010012002', period: '2024-01-01', score: 70 },
    ]);
  });

  it('12,5 among whole numbers in a comma CSV: the guess (dots are decimal points) is corrected to thousands separators, the pass runs again', async () => {
    const input = copyFixture();
    dirs.push(input);
    appendFileSync(join(input, 'performance.csv'), '198502022010012002,2024-02,Baik,,,"12,5"\n');
    const db = join(tempDir(), 'w.duckdb');
    dirs.push(join(db, '..'));
    const r = cli(['build', '--input', input, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    // (12,5 reads the same either way, but a value with a comma is counted as one that may not: the pass repeats)
    expect(r.stderr).toContain('number format: pass repeated');
    expect(await query(db, `SELECT score FROM performance ORDER BY score`)).toEqual([{ score: 12.5 }, { score: 70 }, { score: 90 }, { score: 105 }]);
  });
});
