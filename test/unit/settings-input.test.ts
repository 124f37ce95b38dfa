// The input and publish settings (issue 12): defaults, overrides, bad values named, and the data date as SQL.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../pipeline/warehouse/settings-file.ts';
import { inputSettingsSql } from '../../pipeline/warehouse/input-sql.ts';
import { DEFAULT_SETTINGS } from '../../pipeline/domain/settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'seimbang-settings-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (text: string) => {
  const p = join(dir, `settings-${n++}.yaml`);
  writeFileSync(p, text);
  return p;
};

describe('input and publish settings', () => {
  it('defaults', () => {
    expect(DEFAULT_SETTINGS.input).toEqual({ number_locale: 'auto', date_order: 'dmy', data_date: null, reader_time_limit_seconds: 1800, reader_stall_seconds: 120 });
    expect(DEFAULT_SETTINGS.publish).toEqual({ min_loaded_share: 0.5, min_share_of_previous: 0.5 });
    expect(inputSettingsSql(DEFAULT_SETTINGS)).toBe('CREATE OR REPLACE MACRO setting_data_date() AS current_date;');
  });
  it('overrides merge, and the data date (quoted or not) becomes a DATE literal', () => {
    for (const text of ['input:\n  data_date: "2025-12-31"\n  number_locale: id\n', 'input:\n  data_date: 2025-12-31\n  number_locale: id\n']) {
      const s = loadSettings(file(text));
      expect(s.input).toMatchObject({ data_date: '2025-12-31', number_locale: 'id', date_order: 'dmy' });
      expect(inputSettingsSql(s)).toBe("CREATE OR REPLACE MACRO setting_data_date() AS DATE '2025-12-31';");
    }
  });
  it('bad values are refused naming the key', () => {
    expect(() => loadSettings(file('input:\n  number_locale: fr\n'))).toThrow(/input\.number_locale must be auto, id or en/);
    expect(() => loadSettings(file('input:\n  date_order: ymd\n'))).toThrow(/input\.date_order must be dmy or mdy/);
    expect(() => loadSettings(file('input:\n  data_date: Desember 2025\n'))).toThrow(/input\.data_date must be a date YYYY-MM-DD/);
    expect(() => loadSettings(file('input:\n  reader_stall_seconds: 0\n'))).toThrow(/input\.reader_stall_seconds must be a positive number/);
    expect(() => loadSettings(file('publish:\n  min_loaded_share: 2\n'))).toThrow(/publish\.min_loaded_share must be a share between 0 and 1/);
  });
});
