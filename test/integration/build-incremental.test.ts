// `seimbang build --incremental` (issue 20): the sample without its last month is built; the last month's
// workload and ratings rows are then added at the end of those files, and the incremental build of the previous
// warehouse gives every table equal (as sets, EXCEPT ALL both ways) to a full build of all months. A changed
// reference file, or rows changed rather than added, is named and the build is a full one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ROOT, cli, query, removeDir, tempDir } from './helpers.ts';

const SAMPLE = join(ROOT, 'data/sample');
const MONTHLY = [['kinerja.csv', 1], ['beban_kerja.csv', 2]] as const;
let dir: string;
let before: string; // the sample without its last month
let after: string; // the same files with the last month's rows added at the end
let badAddedRow: number; // the spreadsheet row of the added rating with an unknown predicate
beforeAll(() => {
  dir = tempDir();
  before = join(dir, 'before');
  after = join(dir, 'after');
  cpSync(SAMPLE, before, { recursive: true });
  cpSync(SAMPLE, after, { recursive: true });
  for (const [name, col] of MONTHLY) {
    const [head, ...rows] = readFileSync(join(SAMPLE, name), 'utf8').split('\n').filter((l) => l !== '');
    const last = rows.map((r) => r.split(',')[col]!).sort().at(-1)!;
    const old = rows.filter((r) => r.split(',')[col] !== last);
    const added = rows.filter((r) => r.split(',')[col] === last);
    expect(added.length).toBeGreaterThan(1000);
    if (name === 'kinerja.csv') {
      // row numbers of the added rows as a spreadsheet (and a full build) gives them: a quoted predicate with a
      // line break above them is one row, the blank line that ended the previous file is one (both rejected or
      // skipped, so the rows after them move); an added row with an unknown predicate is quarantined with its row
      const early = old[5]!.split(',');
      early[2] = '"Baik\nsekali"';
      old[5] = early.join(',');
      const bad = added[7]!.split(',');
      bad[2] = 'Luar biasa';
      added[7] = bad.join(',');
      badAddedRow = 1 + old.length + 1 + 8;
      writeFileSync(join(before, name), [head, ...old, '', ''].join('\n'));
      writeFileSync(join(after, name), [head, ...old, '', ...added, ''].join('\n'));
      continue;
    }
    writeFileSync(join(before, name), [head, ...old, ''].join('\n'));
    writeFileSync(join(after, name), [head, ...old, ...added, ''].join('\n'));
  }
});
afterAll(() => removeDir(dir));

/** Every table of two warehouses (but build_info, whose time differs) compared as multisets. */
async function differences(a: string, b: string): Promise<{ tables: string[]; differ: string[] }> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    await conn.run(`ATTACH '${a}' AS a (READ_ONLY); ATTACH '${b}' AS b (READ_ONLY)`);
    const names = async (d: string) => (await conn.runAndReadAll(
      `SELECT table_name FROM duckdb_tables() WHERE database_name = '${d}' AND table_name <> 'build_info' ORDER BY 1`)).getRows().map((r) => String(r[0]));
    const ta = await names('a');
    const tb = await names('b');
    expect(tb).toEqual(ta);
    const differ: string[] = [];
    for (const t of ta) {
      const r = await conn.runAndReadAll(`SELECT (SELECT count(*) FROM (FROM a."${t}" EXCEPT ALL FROM b."${t}")) + (SELECT count(*) FROM (FROM b."${t}" EXCEPT ALL FROM a."${t}"))`);
      if (Number(r.getRows()[0]![0]) !== 0) differ.push(t);
    }
    return { tables: ta, differ };
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

describe('adding a month', () => {
  let full: string;
  beforeAll(() => {
    full = join(dir, 'full.duckdb');
    const r = cli(['build', '--input', after, '--db', full]);
    expect(r.code, r.stderr).toBe(0);
  }, 240_000);

  it('the incremental build equals a full build of all months, table by table', async () => {
    const db = join(dir, 'inc.duckdb');
    expect(cli(['build', '--input', before, '--db', db]).code).toBe(0);
    const [prev] = await query(db, `SELECT (SELECT count(*) FROM performance) AS n, (SELECT max("month") FROM month_calendar) AS m FROM build_info`);
    const r = cli(['build', '--input', after, '--db', db, '--incremental']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('rows added to kinerja.csv');
    expect(r.stderr).not.toContain('incremental build not possible');
    // the marts over months are computed for the new month only (pipeline/warehouse/incremental-marts.ts)
    // (a line of its own, or one of a batch run alongside the effects estimation: "… — name new months; …")
    for (const m of ['core/staff_monthly', 'marts/position_load_monthly', 'marts/position_load_annual', 'marts/imbalance_region_monthly', 'marts/unit_rating_monthly', 'marts/effect_panel_employee', 'marts/transfer_audit_fact']) {
      expect(r.stderr).toMatch(new RegExp(`${m} — new months|[—;] ${m.split('/')[1]} new months`));
    }
    const [now] = await query(db, `SELECT (SELECT count(*) FROM performance) AS n, (SELECT max("month") FROM month_calendar) AS m FROM build_info`);
    expect(Number(now!.n)).toBeGreaterThan(Number(prev!.n));
    expect(String(now!.m) > String(prev!.m)).toBe(true);
    const { tables, differ } = await differences(db, full);
    expect(tables.length).toBeGreaterThan(20);
    expect(differ).toEqual([]);
    // the added row's place, counted by hand: the header, the previous records (one holds a line break), the blank line
    for (const w of [db, full]) {
      const q = await query(w, `SELECT "row" FROM quarantine WHERE source_file = 'kinerja.csv' AND "value" = 'Luar biasa'`);
      expect(q.map((x) => Number(x.row))).toEqual([badAddedRow]);
    }
    // the manifest counts every row of the files, as the full build does
    const [a] = await query(db, `SELECT CAST(input_files AS VARCHAR) AS f, CAST(quarantine_by_reason AS VARCHAR) AS q FROM build_info`);
    const [b] = await query(full, `SELECT CAST(input_files AS VARCHAR) AS f, CAST(quarantine_by_reason AS VARCHAR) AS q FROM build_info`);
    expect(a).toEqual(b);
  }, 240_000);

  it('with the employee panel sampled, the people the sample keeps anew get their earlier months', async () => {
    // at city scale every complete person is kept (cap 10,000): a cap of 1,000 makes the sample move when a month is
    // added (people without the new month's rating leave it, others take their places), the path of
    // pipeline/models/incremental/effect_panel_employee.sql that joins the newcomers' earlier months
    const capped = join(dir, 'capped');
    for (const [name, src] of [['before', before], ['after', after]] as const) {
      cpSync(src, join(capped, name), { recursive: true });
      appendFileSync(join(capped, name, 'settings.yaml'), '\neffects:\n  max_employees: 1000\n');
    }
    const fullCapped = join(dir, 'full-capped.duckdb');
    expect(cli(['build', '--input', join(capped, 'after'), '--db', fullCapped]).code).toBe(0);
    const db = join(dir, 'inc-capped.duckdb');
    expect(cli(['build', '--input', join(capped, 'before'), '--db', db]).code).toBe(0);
    const kept = async (w: string) => new Set((await query(w, 'SELECT DISTINCT nip FROM effect_panel_employee')).map((r) => String(r.nip)));
    const keptBefore = await kept(db);
    const r = cli(['build', '--input', join(capped, 'after'), '--db', db, '--incremental']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/effect_panel_employee new months|marts\/effect_panel_employee — new months/);
    const keptAfter = await kept(db);
    expect(keptAfter.size).toBe(1000);
    expect([...keptAfter].filter((n) => !keptBefore.has(n)).length).toBeGreaterThan(0);
    expect((await differences(db, fullCapped)).differ).toEqual([]);
  }, 240_000);

  it('a changed staff list is named, and the build is a full one', async () => {
    const db = join(dir, 'changed.duckdb');
    expect(cli(['build', '--input', before, '--db', db]).code).toBe(0);
    const changed = join(dir, 'changed');
    cpSync(after, changed, { recursive: true });
    appendFileSync(join(changed, 'pegawai.csv'), '\n');
    const r = cli(['build', '--input', changed, '--db', db, '--incremental']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('incremental build not possible: the employees file pegawai.csv changed; building fully');
    // the same tables as a full build, but for the changed file's sha256 in the manifest
    expect((await differences(db, full)).differ).toEqual(['raw_file']);
  }, 240_000);

  it('a warehouse computed by other SQL (another models fingerprint) is named, and the build is a full one', async () => {
    const db = join(dir, 'other-sql.duckdb');
    expect(cli(['build', '--input', before, '--db', db]).code).toBe(0);
    const inst = await DuckDBInstance.create(db);
    const conn = await inst.connect();
    await conn.run(`UPDATE build_info SET models_sha256 = 'computed-by-an-older-version'`);
    conn.closeSync();
    inst.closeSync();
    const r = cli(['build', '--input', after, '--db', db, '--incremental']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('incremental build not possible: the previous warehouse was computed by other SQL');
    expect((await differences(db, full)).differ).toEqual([]);
    const [info] = await query(db, 'SELECT models_sha256 FROM build_info');
    expect(String(info!.models_sha256)).toMatch(/^[0-9a-f]{64}$/);
  }, 240_000);

  it('a monthly file whose earlier rows changed is named, and the build is a full one', async () => {
    const db = join(dir, 'edited.duckdb');
    copyFileSync(join(dir, 'inc.duckdb'), db); // a warehouse of all months
    const edited = join(dir, 'edited');
    cpSync(after, edited, { recursive: true });
    const text = readFileSync(join(edited, 'kinerja.csv'), 'utf8');
    writeFileSync(join(edited, 'kinerja.csv'), text.replace(/,Baik,/, ',Sangat Baik,'));
    const r = cli(['build', '--input', edited, '--db', db, '--incremental']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('kinerja.csv does not begin with the previous file (rows changed, not only added)');
  }, 240_000);
});
