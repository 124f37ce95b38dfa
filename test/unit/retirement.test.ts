import { describe, expect, it } from 'vitest';
import { retirementDate, retirementRule } from '../../pipeline/domain/retirement.ts';
import { DEFAULT_SETTINGS } from '../../pipeline/domain/settings.ts';

const r = DEFAULT_SETTINGS.retirement;
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe('retirement age by position (PP 11/2017 Pasal 239 ayat 2; UU 14/2005 Pasal 30 ayat 4)', () => {
  it.each([
    ['pelaksana', 5, 'Pengadministrasi Umum', 58],
    ['fungsional', 8, 'Pranata Komputer Ahli Pertama', 58],
    ['fungsional', 6, 'Perawat Terampil', 58],
    ['fungsional', 11, 'Perencana Ahli Madya', 60],
    ['fungsional', 13, 'Auditor Ahli Utama', 65],
    ['fungsional', 8, 'Guru Bahasa Inggris', 60],
    ['struktural', 12, 'Sekretaris Dinas Pendidikan', 58],
    ['struktural', 13, 'Asisten Pemerintahan', 60],
    ['struktural', 15, 'Sekretaris Daerah', 60],
  ])('%s class %i %s → %i', (kind, cls, title, age) => {
    expect(retirementRule({ position_kind: kind, class: cls, title }, r).age).toBe(age);
  });

  it('a position without class or title falls to the default with its source', () => {
    expect(retirementRule({ position_kind: null, class: null, title: null }, r)).toEqual({ age: 58, source: r.default_source });
  });
});

describe('retirementDate: the 1st of the month after the BUP birthday', () => {
  it.each([
    ['1967-06-13', 58, '2025-07-01'],
    ['1968-01-01', 58, '2026-02-01'],
    ['1968-12-31', 58, '2027-01-01'],
    ['1964-02-29', 60, '2024-03-01'],
  ])('born %s, BUP %i → pension from %s', (birth, age, want) => {
    expect(iso(retirementDate(d(birth), age))).toBe(want);
  });
});

describe('retirement settings in settings.yaml', async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { loadSettings } = await import('../../pipeline/warehouse/settings-file.ts');
  const file = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'seimbang-bup-'));
    const p = join(dir, 'settings.yaml');
    writeFileSync(p, text);
    return { p, done: () => rmSync(dir, { recursive: true, force: true }) };
  };

  it('a region may replace the rules (lists replace) and the default age', () => {
    const f = file('retirement:\n  default_age: 60\n  rules:\n    - { title_contains: Dokter, age: 65, source: perda }\n');
    const s = loadSettings(f.p);
    f.done();
    expect(s.retirement.default_age).toBe(60);
    expect(retirementRule({ position_kind: 'fungsional', class: 9, title: 'Dokter Ahli Pertama' }, s.retirement)).toEqual({ age: 65, source: 'perda' });
    expect(retirementRule({ position_kind: 'fungsional', class: 9, title: 'Guru Kelas' }, s.retirement).age).toBe(60);
  });

  it('an impossible age is refused naming the key', () => {
    const f = file('retirement:\n  default_age: 580\n');
    expect(() => loadSettings(f.p)).toThrow(/retirement\.default_age/);
    f.done();
    const g = file('retirement:\n  rules:\n    - { title_contains: Guru, source: x }\n');
    expect(() => loadSettings(g.p)).toThrow(/retirement\.rules/);
    g.done();
  });
});
