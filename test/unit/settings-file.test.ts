// settings.yaml: the example of docs/data-contract.md loads; overrides merge over the defaults; bad values name the key.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../pipeline/warehouse/settings-file.ts';
import { settingsSql } from '../../pipeline/warehouse/settings-sql.ts';
import { DEFAULT_SETTINGS } from '../../pipeline/domain/settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'seimbang-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (text: string) => {
  const p = join(dir, `settings-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(p, text);
  return p;
};

describe('settings file', () => {
  it('the example in docs/data-contract.md loads and merges over the defaults', () => {
    const doc = readFileSync(new URL('../../docs/data-contract.md', import.meta.url), 'utf8');
    const example = /### settings[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const s = loadSettings(file(example));
    expect(s.region).toEqual({ code: '3578', name: 'Kota Surabaya', time_zone: 'WIB' });
    expect(s.workload.rounding).toBe('ceil');
    expect(s.workload.effective_minutes_per_year).toBe(75_000);
    expect(s.election.windows).toEqual([{ region_code: '3578', candidate_determination: '2024-09-22', ban_end: '2025-02-20' }]);
    expect(s.effects).toEqual(DEFAULT_SETTINGS.effects);
  });

  it('effects: overrides reach the SQL settings macros', () => {
    const s = loadSettings(file('effects:\n  max_employees: 2500\n'));
    expect(s.effects).toEqual({ wave_min_transfers: 5, max_employees: 2500 });
    expect(settingsSql(s)).toContain('setting_effects_max_employees() AS CAST(2500 AS BIGINT)');
    expect(settingsSql(s)).toContain('setting_wave_min_transfers() AS CAST(5 AS BIGINT)');
  });

  it('bad effects values are refused naming the key', () => {
    expect(() => loadSettings(file('effects:\n  wave_min_transfers: 0\n'))).toThrow(/effects\.wave_min_transfers must be a whole number/);
    expect(() => loadSettings(file('effects:\n  max_employees: 12.5\n'))).toThrow(/effects\.max_employees must be a whole number/);
  });
});
