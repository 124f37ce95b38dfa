/** Pure building blocks of the sample generator: PRNG, NIP, spellings, calendar, zip timestamps. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dayNumber, formatDate, mi, monthStr, parseMonth } from '../../tools/sample/calendar.ts';
import { golonganText, idDecimal, idThousands } from '../../tools/sample/formats.ts';
import { formatNip, NipRegistry, normaliseNip, parseNip } from '../../tools/sample/nip.ts';
import { ratingOf } from '../../tools/sample/performance.ts';
import { scaleSpec } from '../../tools/sample/regions.ts';
import { Rng } from '../../tools/sample/rng.ts';
import { fixZipTimestamps } from '../../tools/sample/writers.ts';
import { parseDate, parseGolongan } from './sample-helpers.ts';

describe('Rng', () => {
  it('is reproducible per (seed, labels) and independent across labels', () => {
    const a = new Rng(42, 'perf', 3);
    const b = new Rng(42, 'perf', 3);
    const c = new Rng(42, 'perf', 4);
    const xs = Array.from({ length: 100 }, () => a.u32());
    expect(Array.from({ length: 100 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.u32())).not.toEqual(xs);
  });

  it('draws uniform, integer and normal values in range with the right moments', () => {
    const r = new Rng(1, 'moments');
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
    for (let i = 0; i < 1000; i++) {
      const k = r.int(3, 7);
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThanOrEqual(7);
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
    let total = 0;
    for (let i = 0; i < 100_000; i++) total += r.roundStochastic(2.3);
    expect(total / 100_000).toBeCloseTo(2.3, 1);
  });
});

describe('NIP', () => {
  it('builds PNS and PPPK numbers that parse back', () => {
    const reg = new NipRegistry();
    const birth = dayNumber(1966, 8, 1);
    const a = reg.pns(birth, 1988, 3, 1);
    const b = reg.pns(birth, 1988, 3, 1);
    expect(a).toBe('196608011988031001');
    expect(b).toBe('196608011988031002');
    expect(formatNip(a, 'spaces')).toBe('19660801 198803 1 001');
    expect(formatNip(a, 'dots')).toBe('19660801.198803.1.001');
    expect(normaliseNip('19660801 198803 1 001')).toBe(a);
    expect(parseNip(a, 'PNS')).toMatchObject({ birth: { y: 1966, m: 8, d: 1 }, appointmentYear: 1988, appointmentMonth: 3, sex: 1, serial: 1 });
    const p = reg.pppk(dayNumber(1992, 3, 15), 2022, 1, 2);
    expect(p).toBe('199203152022212001');
    expect(p).toHaveLength(18);
    expect(parseNip(p, 'PPPK')).toMatchObject({ appointmentYear: 2022, appointmentMonth: null, sex: 2 });
    expect(parseNip(p, 'PNS')).toBeNull(); // month 21 is not a month
    expect(parseNip('196602301988031001', 'PNS')).toBeNull(); // 30 February
    expect(normaliseNip('19660801 198803 1 00')).toBeNull();
  });
});

describe('spellings', () => {
  it('writes golongan in the four forms, all parsing back to the canonical one', () => {
    const r = new Rng(5, 'gol');
    const forms = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const t = golonganText(r, 'III/a');
      forms.add(t);
      expect(parseGolongan(t)).toBe('III/a');
    }
    expect([...forms].sort()).toEqual(['3A', 'III-A', 'III/a', 'IIIa']);
    const pppk = new Set(Array.from({ length: 200 }, () => golonganText(r, 'IX')));
    expect([...pppk].sort()).toEqual(['9', 'IX']);
  });

  it('formats Indonesian numbers and dates', () => {
    expect(idThousands(1250)).toBe('1.250');
    expect(idThousands(1234567)).toBe('1.234.567');
    expect(idThousands(999)).toBe('999');
    expect(idDecimal(7.5)).toBe('7,5');
    expect(idDecimal(30)).toBe('30');
    const d = dayNumber(2024, 1, 12);
    expect(formatDate(d, 'iso')).toBe('2024-01-12');
    expect(formatDate(d, 'dmy')).toBe('12-01-2024');
    expect(formatDate(d, 'long')).toBe('12 Januari 2024');
    for (const s of ['iso', 'dmy', 'long'] as const) expect(parseDate(formatDate(d, s))).toBe('2024-01-12');
    expect(monthStr(mi(2023, 7))).toBe('2023-07');
    expect(parseMonth('2025-12')).toBe(mi(2025, 12));
  });

  it('rates by the PermenPANRB 6/2022 matrix', () => {
    // results (0 below, 1 as expected, 2 above) × behaviour
    expect([0, 1, 2].map((b) => ratingOf(2, b))).toEqual(['Kurang', 'Baik', 'Sangat Baik']);
    expect([0, 1, 2].map((b) => ratingOf(1, b))).toEqual(['Kurang', 'Baik', 'Baik']);
    expect([0, 1, 2].map((b) => ratingOf(0, b))).toEqual(['Sangat Kurang', 'Butuh Perbaikan', 'Butuh Perbaikan']);
  });
});

describe('scales', () => {
  it('targets ~4,500 / ~100,000 / ~4.7 million staff', () => {
    const sum = (s: ReturnType<typeof scaleSpec>) => s.regions.reduce((t, r) => t + r.staff, 0);
    expect(sum(scaleSpec("city", 42))).toBe(4300);
    expect(sum(scaleSpec('province', 42))).toBe(100_000);
    const nat = scaleSpec('national', 42);
    expect(sum(nat)).toBe(4_700_000);
    expect(nat.regions.filter((r) => r.kind === 'provinsi')).toHaveLength(38);
    expect(nat.regions).toHaveLength(38 + 514);
    expect(new Set(nat.regions.map((r) => r.code)).size).toBe(nat.regions.length);
    expect(nat.lastMonth - nat.firstMonth + 1).toBe(12);
  });
});

describe('fixZipTimestamps', () => {
  it('makes an exceljs workbook byte-identical across runs', async () => {
    const make = async (): Promise<Buffer> => {
      const wb = new ExcelJS.Workbook();
      wb.created = new Date(Date.UTC(2025, 11, 31));
      wb.modified = wb.created;
      wb.addWorksheet('S').addRow(['a', 1]);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      fixZipTimestamps(buf, new Date(Date.UTC(2025, 11, 31)));
      return buf;
    };
    const a = await make();
    await new Promise((r) => setTimeout(r, 2100)); // DOS times have a 2-second resolution
    const b = await make();
    expect(b.equals(a)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(a as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).getCell(2).value).toBe(1);
  });
});
