import { describe, expect, it } from 'vitest';
import { warehouseDecision } from '../../bin/start-warehouse.js';

const repo = '/srv/seimbang';
const base = {
  exists: true,
  db: `${repo}/data/seimbang.duckdb`,
  defaultDb: `${repo}/data/seimbang.duckdb`,
  sampleDir: `${repo}/data/sample`,
  sampleFiles: ['units.xlsx', 'pegawai.csv', 'kinerja.csv'],
};
const check = (over: Record<string, unknown>) => ({
  status: 'older' as const,
  schema_version: 1,
  expected: 2,
  input_dir: `${repo}/data/sample`,
  input_files: [{ file: 'kinerja.csv' }, { file: 'pegawai.csv' }, { file: 'units.xlsx' }],
  rebuild: `npx seimbang build --input ${repo}/data/sample --db ${base.db}`,
  ...over,
});

describe('what npm start does with the warehouse', () => {
  it('builds a missing warehouse from the sample', () => {
    expect(warehouseDecision({ ...base, exists: false, check: null }).action).toBe('build');
  });
  it('serves a warehouse of this schema version', () => {
    expect(warehouseDecision({ ...base, check: check({ status: 'current', schema_version: 2 }) })).toEqual({ action: 'serve', reason: '' });
  });
  it('rebuilds an older (or newer) warehouse built from the sample, saying why', () => {
    const d = warehouseDecision({ ...base, check: check({}) });
    expect(d.action).toBe('rebuild');
    expect(d.reason).toContain('schema version 1; this version reads 2');
    expect(warehouseDecision({ ...base, check: check({ status: 'newer', schema_version: 3 }) }).action).toBe('rebuild');
  });
  it('never replaces a warehouse of other data: it warns with the rebuild command', () => {
    const rebuild = `npx seimbang build --input /home/bkpsdm/data-2026 --db ${base.db}`; // as `seimbang schema --json` writes it
    const d = warehouseDecision({ ...base, check: check({ input_dir: '/home/bkpsdm/data-2026', rebuild }) });
    expect(d.action).toBe('warn');
    // a path outside the working folder is shown whole
    expect(d.reason).toContain(`npx seimbang build --input /home/bkpsdm/data-2026 --db ${base.db}`);
  });
  it('a warehouse from before schema versions: rebuilt only at the default path with the sample\'s file names', () => {
    const legacy = check({ status: 'unknown', schema_version: null, input_dir: null });
    expect(warehouseDecision({ ...base, check: legacy }).action).toBe('rebuild');
    expect(warehouseDecision({ ...base, db: `${repo}/data/kota.duckdb`, check: legacy }).action).toBe('warn');
    expect(warehouseDecision({ ...base, check: { ...legacy, input_files: [{ file: 'pegawai.csv' }] } }).action).toBe('warn');
    expect(warehouseDecision({ ...base, check: { ...legacy, input_files: [] } }).action).toBe('warn');
  });
  it('a warehouse that cannot be checked is served as it is, with a warning', () => {
    const d = warehouseDecision({ ...base, check: null, checkError: 'not a DuckDB file' });
    expect(d).toMatchObject({ action: 'warn' });
    expect(d.reason).toContain('not a DuckDB file');
  });
});
