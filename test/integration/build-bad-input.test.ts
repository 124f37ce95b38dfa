// Bad input: every bad row is quarantined with file, row, column and reason; nothing is dropped silently;
// structurally broken input stops the build with one clear message; --strict makes any quarantine fatal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, copyFixture, query, removeDir, tempDir } from './helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
function fixture(): string {
  const d = copyFixture();
  dirs.push(d);
  return d;
}
function out(): string {
  const d = tempDir();
  dirs.push(d);
  return join(d, 'w.duckdb');
}

describe('bad rows go to quarantine', () => {
  let db: string;
  beforeAll(() => {
    const input = fixture();
    appendFileSync(join(input, 'units.csv'), 'U4,,,dinas,3999\nU5,Dinas Lima,U99,dinas,3999\n');
    appendFileSync(join(input, 'employees.csv'), [
      '12345,Salah NIP,PNS,III/a,1980-01-01,L,S1,,,P1,2020-01-01,,,',
      '198101012006011005,Gol Salah,PNS,III/f,1981-01-01,L,S1,,,P1,2020-01-01,,,',
      '198202022007012006,Jabatan Hilang,PNS,III/a,1982-02-02,P,S1,,,P9,2020-01-01,,,',
      '198001012005011001,Budi Kembar,PNS,III/c,1980-01-01,L,S1,,,P1,2019-03-01,,,',
      '198303032008011007,Tanggal Mustahil,PNS,III/a,1983-03-03,L,S1,,,P1,31-02-2023,,,',
      '198404042009011008,Lahir Beda,PNS,III/a,1984-05-05,L,S1,,,P1,2020-01-01,,,',
    ].join('\n') + '\n');
    // duplicates: a key seen again (the NIP written with spaces is the same key); a repeated unknown task is only unknown
    appendFileSync(join(input, 'workload.csv'), 'P3,1,2024-04,-5\nP3,9,2024-04,5\nP3,1,2024-02,7\nP3,9,2024-04,6\nP3,1,2024-02,8\n');
    appendFileSync(join(input, 'performance.csv'), '19800101 200501 1 001,2024-01,Baik,,,88\n198001012005011001,2024-01,Baik,,,87\n');
    appendFileSync(join(input, 'transfers.csv'), '199912312020121999,2024-03-01,P1,P2,SK/1,2024-02-20,rotasi_berkala,\n');
    db = out();
    // --force: most employee and workload rows of this input are bad on purpose, which would stop the publish
    const r = cli(['build', '--input', input, '--db', db, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Quarantined values by reason');
  });

  it('lists each bad value with file, row, column and reason', async () => {
    const rows = await query(db, `SELECT source_file, "row", "column", "value", reason FROM quarantine ORDER BY source_file, "row", "column"`);
    expect(rows).toEqual([
      { source_file: 'employees.csv', row: 6, column: 'nip', value: '12345', reason: 'malformed NIP: not 18 digits' },
      { source_file: 'employees.csv', row: 7, column: 'golongan', value: 'III/f', reason: 'golongan does not exist for PNS' },
      { source_file: 'employees.csv', row: 8, column: 'position_id', value: 'P9', reason: 'unknown position' },
      { source_file: 'employees.csv', row: 9, column: 'nip', value: '198001012005011001', reason: 'duplicate key: NIP appears on an earlier row' },
      { source_file: 'employees.csv', row: 10, column: 'position_since', value: '31-02-2023', reason: 'impossible or unreadable date' },
      { source_file: 'employees.csv', row: 11, column: 'birth_date', value: '1984-05-05', reason: 'birth date does not match the NIP' },
      { source_file: 'performance.csv', row: 5, column: 'period', value: '2024-01', reason: 'duplicate key: this employee and period appear on an earlier row' },
      { source_file: 'performance.csv', row: 6, column: 'period', value: '2024-01', reason: 'duplicate key: this employee and period appear on an earlier row' },
      { source_file: 'transfers.csv', row: 3, column: 'nip', value: '199912312020121999', reason: 'unknown employee' },
      { source_file: 'units.csv', row: 5, column: 'unit_name', value: null, reason: 'missing required value' },
      { source_file: 'units.csv', row: 6, column: 'parent_id', value: 'U99', reason: 'unknown parent unit' },
      { source_file: 'workload.csv', row: 5, column: 'volume', value: '-5', reason: 'negative volume' },
      { source_file: 'workload.csv', row: 6, column: 'task_id', value: 'P3 / 9', reason: 'unknown task of this position' },
      { source_file: 'workload.csv', row: 7, column: 'month', value: '2024-02', reason: 'duplicate key: this task and month appear on an earlier row' },
      { source_file: 'workload.csv', row: 8, column: 'task_id', value: 'P3 / 9', reason: 'unknown task of this position' },
      { source_file: 'workload.csv', row: 9, column: 'month', value: '2024-02', reason: 'duplicate key: this task and month appear on an earlier row' },
    ]);
  });

  it('input rows = loaded rows + quarantined rows, for every file', async () => {
    const [info] = await query(db, `SELECT input_files FROM build_info`);
    const files = JSON.parse(String(info!.input_files)) as { file: string; rows: number; loaded: number; quarantined: number }[];
    for (const f of files) expect(f.loaded + f.quarantined, f.file).toBe(f.rows);
    const byFile = Object.fromEntries(files.map((f) => [f.file, [f.rows, f.loaded, f.quarantined]]));
    expect(byFile['employees.csv']).toEqual([10, 4, 6]);
    expect(byFile['units.csv']).toEqual([5, 3, 2]);
    expect(byFile['workload.csv']).toEqual([8, 3, 5]);
    expect(byFile['performance.csv']).toEqual([5, 3, 2]);
    expect(byFile['transfers.csv']).toEqual([2, 1, 1]);
    const [core] = await query(db, `SELECT (SELECT count(*) FROM employee) e, (SELECT count(*) FROM unit) u`);
    expect(core).toEqual({ e: 4, u: 3 });
  });

  it('--strict makes any quarantined row fatal and keeps the previous warehouse', () => {
    const input = fixture();
    appendFileSync(join(input, 'units.csv'), 'U4,,,dinas,3999\n');
    const db2 = out();
    expect(cli(['build', '--input', fixture(), '--db', db2]).code).toBe(0);
    const before = readFileSync(db2);
    const r = cli(['build', '--input', input, '--db', db2, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict: 1 quarantined value.*units\.csv row 5, column unit_name/);
    expect(readFileSync(db2).equals(before)).toBe(true);
  });
});

describe('structurally broken input stops the build with one clear message', () => {
  it('missing required column names the file and the column', () => {
    const input = fixture();
    const p = join(input, 'units.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace('unit_name', 'keterangan'));
    const db = out();
    const r = cli(['build', '--input', input, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('units.csv');
    expect(r.stderr).toContain('unit_name');
    expect(r.stderr).not.toMatch(/\n\s+at /); // one message, no stack trace
    expect(existsSync(db)).toBe(false);
  });

  it('a missing required file is named', () => {
    const input = fixture();
    writeFileSync(join(input, 'positions.csv'), '');
    removeDir(join(input, 'positions.csv'));
    const r = cli(['build', '--input', input, '--db', out()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('positions');
  });

  it('a file that is not UTF-8 is refused with a hint', () => {
    const input = fixture();
    writeFileSync(join(input, 'units.csv'), Buffer.concat([
      Buffer.from('unit_id,unit_name,parent_id,unit_kind\nU1,Dinas '), Buffer.from([0xc9, 0xe9]), Buffer.from(',,dinas\n'),
    ]));
    const r = cli(['build', '--input', input, '--db', out()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/units\.csv/);
    expect(r.stderr).toMatch(/UTF-8/i);
  });

  it('an unreadable XLSX is refused naming the file', () => {
    const input = fixture();
    removeDir(join(input, 'units.csv'));
    writeFileSync(join(input, 'units.xlsx'), 'this is not a zip file');
    const r = cli(['build', '--input', input, '--db', out()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('units.xlsx');
  });

  it('bad settings are refused naming the setting', () => {
    const input = fixture();
    writeFileSync(join(input, 'settings.yaml'), 'workload:\n  effective_minutes_per_year: -5\n');
    const r = cli(['build', '--input', input, '--db', out()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('settings.yaml');
    expect(r.stderr).toContain('effective_minutes_per_year');
  });

  it('usage errors exit with 2', () => {
    expect(cli(['build', '--input', fixture(), '--threads', 'zero']).code).toBe(2);
    expect(cli(['build']).code).toBe(2);
    expect(cli(['no-such-command']).code).toBe(2);
    const help = cli(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--input');
  });
});
