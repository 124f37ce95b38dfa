/**
 * The city-scale sample, read back from the files: identifiers, transfer chains, the planted rule breaks and
 * bad rows recomputed independently of the generator, the seasonal surge, the XLSX layout, and the planted
 * effects visible in the scores.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../tools/sample/generate.ts';
import type { GenerateResult } from '../../tools/sample/generate.ts';
import { dateStyle, daysBetween, EDU, parseDate, parseGolongan, readCsv, readCsvObjects, readXlsx } from './sample-helpers.ts';

let dir = '';
let result: GenerateResult;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let truth: any;
let pegawai: Record<string, string>[] = [];
let sim: Record<string, string>[] = [];
let jabatan = new Map<string, Record<string, string>>();
let transfers: { nip: string; date: string; from: string; to: string; decree: string; decreeDate: string; reason: string; approval: string }[] = [];

const nipDigits = (s: string): string => s.replace(/[ .]/g, '');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seimbang-sample-'));
  result = await generateSample({ out: dir, scale: 'city', seed: 42 });
  truth = JSON.parse(readFileSync(join(dir, '_truth', 'truth.json'), 'utf8'));
  pegawai = readCsvObjects(join(dir, 'pegawai.csv'), ';');
  sim = pegawai.slice(0, truth.counts.employees);
  jabatan = new Map(readCsvObjects(join(dir, 'jabatan.csv'), ',').map((r) => [r.position_id, r]));
  const rows = await readXlsx(join(dir, 'mutasi.xlsx'));
  const iso = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : '');
  transfers = rows.slice(1).map((r) => ({
    nip: nipDigits(String(r[0])),
    date: iso(r[1]),
    from: String(r[2] ?? ''),
    to: String(r[3] ?? ''),
    decree: String(r[4] ?? ''),
    decreeDate: iso(r[5]),
    reason: String(r[6] ?? ''),
    approval: String(r[7] ?? ''),
  }));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sample: size and layout', () => {
  it('has the city-scale shape', () => {
    expect(result.summary.units).toBeGreaterThanOrEqual(40);
    expect(result.summary.units).toBeLessThanOrEqual(55);
    expect(sim.length).toBeGreaterThanOrEqual(4000);
    expect(sim.length).toBeLessThanOrEqual(5000);
    const total = result.files.filter((f) => !f.file.startsWith('_truth')).reduce((s, f) => s + f.bytes, 0);
    expect(total).toBeLessThan(15.5 * 2 ** 20);
  });

  it('units.xlsx has a title row, a blank row and the Indonesian header on row 3', async () => {
    const rows = await readXlsx(join(dir, 'units.xlsx'));
    expect(String(rows[0][0])).toMatch(/^Daftar Unit Kerja/);
    expect(rows[1].every((c) => c === null || c === '')).toBe(true);
    expect(rows[2]).toEqual(['Kode Unit', 'Nama Unit', 'Induk', 'Jenis Unit', 'Kode Wilayah', 'Nama Wilayah']);
    const units = rows.slice(3);
    const ids = new Set(units.map((r) => r[0]));
    const kind = new Map(units.map((r) => [r[0], r[3]]));
    for (const r of units) {
      if (r[2] !== null) expect(ids.has(r[2])).toBe(true);
      if (r[3] === 'kelurahan') expect(kind.get(r[2])).toBe('kecamatan');
      if (r[3] === 'bagian') expect(r[2]).toBe('SETDA');
      expect(r[4]).toBe('3999');
      expect(r[5]).toBe('Kota Sukamaju');
    }
    const kinds = new Set(units.map((r) => r[3]));
    for (const k of ['sekretariat', 'bagian', 'dinas', 'badan', 'kecamatan', 'kelurahan', 'inspektorat', 'rsud', 'satpol_pp', 'upt']) expect(kinds.has(k)).toBe(true);
    expect(units.filter((r) => r[3] === 'dinas').length).toBeGreaterThanOrEqual(13);
  });

  it('abk.csv is a semicolon file with a BOM, decimal commas and thousands dots', () => {
    const raw = readFileSync(join(dir, 'abk.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, rows } = readCsv(join(dir, 'abk.csv'), ';');
    expect(header).toEqual(['ID Jabatan', 'Kode Tugas', 'Uraian Tugas', 'Satuan Hasil', 'Volume', 'Norma Waktu']);
    expect(rows.some((r) => /^\d+,\d+$/.test(r[5]))).toBe(true);
    expect(rows.some((r) => /^\d{1,3}(\.\d{3})+$/.test(r[4]))).toBe(true);
    for (const r of rows) expect(jabatan.has(r[0])).toBe(true);
  });

  it('settings.yaml names the region', () => {
    const text = readFileSync(join(dir, 'settings.yaml'), 'utf8');
    expect(text).toMatch(/region:\n {2}code: "3999"\n {2}name: Kota Sukamaju\n {2}time_zone: WIB/);
  });
});

describe('sample: employees', () => {
  it('mixes NIP, date and golongan spellings', () => {
    const nipStyles = new Set(sim.map((r) => (r.NIP.includes(' ') ? 'spaces' : r.NIP.includes('.') ? 'dots' : 'plain')));
    expect([...nipStyles].sort()).toEqual(['dots', 'plain', 'spaces']);
    const dates = new Set(sim.flatMap((r) => [dateStyle(r['Tanggal Lahir']), dateStyle(r['TMT Jabatan']), dateStyle(r['TMT CPNS'])]));
    expect([...dates].sort()).toEqual(['dmy', 'iso', 'long']);
    const golForms = new Set(sim.filter((r) => r['Status Kepegawaian'] === 'PNS').map((r) => (r.Gol.includes('/') ? 'slash' : r.Gol.includes('-') ? 'dash' : /^\d/.test(r.Gol) ? 'digit' : 'joined')));
    expect([...golForms].sort()).toEqual(['dash', 'digit', 'joined', 'slash']);
  });

  it('has valid, unique NIPs that agree with birth date, appointment and sex', () => {
    const seen = new Set<string>();
    for (const r of sim) {
      const nip = nipDigits(r.NIP);
      expect(nip).toMatch(/^\d{18}$/);
      expect(seen.has(nip)).toBe(false);
      seen.add(nip);
      const birth = parseDate(r['Tanggal Lahir']);
      const appt = parseDate(r['TMT CPNS']);
      expect(birth).not.toBeNull();
      expect(appt).not.toBeNull();
      expect(nip.slice(0, 8)).toBe(birth!.replace(/-/g, ''));
      expect(nip[14]).toBe(r['Jenis Kelamin'] === 'L' ? '1' : '2');
      if (r['Status Kepegawaian'] === 'PNS') expect(nip.slice(8, 14)).toBe(appt!.slice(0, 7).replace('-', ''));
      else {
        expect(r['Status Kepegawaian']).toBe('PPPK');
        expect(nip.slice(8, 12)).toBe(appt!.slice(0, 4));
        expect(nip[12]).toBe('2');
      }
      expect(daysBetween(birth!, appt!)).toBeGreaterThanOrEqual(18 * 365.25);
      // nobody older than 58 at the as-of date
      expect(daysBetween(birth!, '2025-12-31')).toBeLessThan(59 * 365.25);
    }
  });

  it('has ~15 % PPPK, golongan consistent with education, ~8 % unwilling with a reason', () => {
    const pppk = sim.filter((r) => r['Status Kepegawaian'] === 'PPPK');
    expect(pppk.length / sim.length).toBeGreaterThan(0.1);
    expect(pppk.length / sim.length).toBeLessThan(0.2);
    const entry: Record<string, string> = { SMA: 'II/a', D3: 'II/c', D4: 'III/a', S1: 'III/a', S2: 'III/b', S3: 'III/c' };
    const order = ['I', 'II', 'III', 'IV'].flatMap((g) => ['a', 'b', 'c', 'd', 'e'].filter((l) => l !== 'e' || g === 'IV').map((l) => `${g}/${l}`));
    let ive = 0;
    for (const r of sim) {
      if (r['Status Kepegawaian'] === 'PNS') {
        const g = parseGolongan(r.Gol);
        expect(g, r.Gol).not.toBeNull();
        expect(order.indexOf(g!)).toBeGreaterThanOrEqual(order.indexOf(entry[r.Pendidikan]));
        if (g === 'IV/e') ive++;
      } else {
        expect(r.Gol).toMatch(/^(V|VI|VII|VIII|IX|X|XI|XII|[5-9]|1[0-2])$/);
      }
      expect(EDU).toContain(r.Pendidikan);
    }
    expect(ive).toBeLessThanOrEqual(2);
    const unwilling = sim.filter((r) => r['Bersedia Mutasi'] === 'Tidak');
    expect(unwilling.length / sim.length).toBeGreaterThan(0.05);
    expect(unwilling.length / sim.length).toBeLessThan(0.11);
    for (const r of unwilling) expect(r['Alasan Tidak Bersedia']).not.toBe('');
    expect(sim.some((r) => r['Bersedia Mutasi'] === '')).toBe(true);
  });

  it('holds education at least the post requirement (except where transferred against the rule)', () => {
    const competencyBreakers = new Set(truth.transfer_audit.breaks.filter((b: { rule: string }) => b.rule === 'competency').map((b: { nip: string }) => b.nip));
    for (const r of sim) {
      const p = jabatan.get(r.Jabatan);
      expect(p, r.Jabatan).toBeDefined();
      if (!competencyBreakers.has(nipDigits(r.NIP))) expect(EDU.indexOf(r.Pendidikan)).toBeGreaterThanOrEqual(EDU.indexOf(p!.required_education));
    }
  });
});

describe('sample: transfers', () => {
  const byNip = (): Map<string, typeof transfers> => {
    const m = new Map<string, typeof transfers>();
    for (const t of transfers) {
      const list = m.get(t.nip) ?? [];
      list.push(t);
      m.set(t.nip, list);
    }
    for (const list of m.values()) list.sort((a, b) => a.date.localeCompare(b.date));
    return m;
  };

  it('forms consistent chains ending in the current position and TMT Jabatan', () => {
    const groups = byNip();
    const emp = new Map(sim.map((r) => [nipDigits(r.NIP), r]));
    for (const t of transfers) {
      expect(emp.has(t.nip)).toBe(true);
      expect(jabatan.has(t.from)).toBe(true);
      expect(jabatan.has(t.to)).toBe(true);
      expect(t.from).not.toBe(t.to);
    }
    for (const [nip, r] of emp) {
      const list = groups.get(nip) ?? [];
      for (let k = 1; k < list.length; k++) {
        expect(list[k].from).toBe(list[k - 1].to);
        expect(list[k].date > list[k - 1].date).toBe(true);
      }
      if (list.length) {
        expect(list[list.length - 1].to).toBe(r.Jabatan);
        expect(parseDate(r['TMT Jabatan'])).toBe(list[list.length - 1].date);
        expect(list[0].date > parseDate(r['TMT CPNS'])!).toBe(true);
      } else {
        expect(parseDate(r['TMT Jabatan'])).toBe(parseDate(r['TMT CPNS']));
      }
    }
  });

  it('has the three rotation waves outside the election ban, from slack to overloaded units', () => {
    const design = new Map(readCsvObjects(join(dir, '_truth', 'unit_design.csv'), ',').map((r) => [r.unit_id, r]));
    const wave = (d: string) => transfers.filter((t) => t.date === d && t.reason === 'rotasi_berkala' && t.decree !== '');
    const sizes = ['2023-07-01', '2024-02-01', '2025-07-01'].map((d) => {
      const list = wave(d);
      for (const t of list) {
        expect(design.get(jabatan.get(t.from)!.unit_id)!.load_class).toBe('slack');
        expect(design.get(jabatan.get(t.to)!.unit_id)!.receiver_wave).toBe(d.slice(0, 7));
      }
      expect(new Set(list.map((t) => t.decree)).size).toBe(1);
      return list.length;
    });
    expect(sizes[0]).toBeGreaterThan(sizes[1]);
    expect(sizes[0]).toBeGreaterThan(sizes[2]);
    expect(sizes[2]).toBeGreaterThan(10);
    expect(sizes).toEqual(truth.waves.map((w: { movers: number }) => w.movers));
  });

  it('has exactly the planted rule breaks when the rules are recomputed from the files', () => {
    const emp = new Map(sim.map((r) => [nipDigits(r.NIP), r]));
    const flagged = new Set<string>();
    const addYears = (iso: string, y: number): string => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCFullYear(d.getUTCFullYear() + y);
      return d.toISOString().slice(0, 10);
    };
    for (const [nip, list] of byNip()) {
      const r = emp.get(nip)!;
      list.forEach((t, k) => {
        const prevStart = k === 0 ? parseDate(r['TMT CPNS'])! : list[k - 1].date;
        if (t.date >= '2024-03-22' && t.date <= '2025-02-20' && !t.approval) flagged.add(`election_ban|${nip}|${t.date}`);
        if (t.date < addYears(prevStart, 2)) flagged.add(`min_tenure|${nip}|${t.date}`);
        if (EDU.indexOf(r.Pendidikan) < EDU.indexOf(jabatan.get(t.to)!.required_education)) flagged.add(`competency|${nip}|${t.date}`);
        if (!t.decree || !t.reason) flagged.add(`documentation|${nip}|${t.date}`);
      });
    }
    const planted = new Set<string>(truth.transfer_audit.breaks.map((b: { rule: string; nip: string; effective_date: string }) => `${b.rule}|${b.nip}|${b.effective_date}`));
    expect([...flagged].sort()).toEqual([...planted].sort());
    const count = (rule: string) => [...planted].filter((k) => k.startsWith(`${rule}|`)).length;
    expect({ election_ban: count('election_ban'), min_tenure: count('min_tenure'), competency: count('competency'), documentation: count('documentation') }).toEqual({
      election_ban: 5, min_tenure: 6, competency: 4, documentation: 5,
    });
    expect(truth.transfer_audit.counts).toMatchObject({ election_ban: 5, min_tenure: 6, competency: 4, documentation: 5, election_approved: 3 });
    // the approved ones sit inside the ban window, carry an approval reference and break nothing
    expect(truth.transfer_audit.must_pass).toHaveLength(3);
    for (const p of truth.transfer_audit.must_pass) {
      const t = transfers.find((x) => x.nip === p.nip && x.date === p.effective_date)!;
      expect(t.date >= '2024-03-22' && t.date <= '2025-02-20').toBe(true);
      expect(t.approval).toMatch(/^100\.2\.2\.6\/\d{4}\/OTDA$/);
      for (const rule of ['election_ban', 'min_tenure', 'competency', 'documentation']) expect(flagged.has(`${rule}|${p.nip}|${p.effective_date}`)).toBe(false);
    }
    // documented transfers: decree number, a decree date a few days before, a known reason
    const reasons = new Set(['rotasi_berkala', 'kebutuhan_organisasi', 'permintaan_sendiri', 'promosi', 'pengembangan_karier', 'lainnya']);
    for (const t of transfers) {
      if (t.decree) {
        expect(t.decree).toMatch(/^821\.2\/\d+\/BKPSDM\/\d{4}$/);
        const lag = daysBetween(t.decreeDate, t.date);
        expect(lag).toBeGreaterThanOrEqual(3);
        expect(lag).toBeLessThanOrEqual(14);
      }
      if (t.reason) expect(reasons.has(t.reason)).toBe(true);
    }
  });

  it('lists exactly the employees with more than 5 years in post at 2025-12-31', () => {
    const expected = sim.filter((r) => daysBetween(parseDate(r['TMT Jabatan'])!, '2025-12-31') / 365.25 > 5).map((r) => nipDigits(r.NIP));
    expect([...truth.transfer_audit.max_tenure.nips].sort()).toEqual(expected.sort());
    expect(truth.transfer_audit.max_tenure.count).toBe(expected.length);
  });
});

describe('sample: workload', () => {
  it('makes Dinas Pendidikan surge every June–July and nobody else', () => {
    const norm = new Map<string, number>();
    for (const r of readCsv(join(dir, 'abk.csv'), ';').rows) norm.set(`${r[0]}|${r[1]}`, Number(r[5].replace(/\./g, '').replace(',', '.')));
    const minutes = new Map<string, number>();
    for (const r of readCsv(join(dir, 'beban_kerja.csv'), ',').rows) {
      const unit = jabatan.get(r[0])?.unit_id;
      const v = Number(r[3]);
      if (!unit || v < 0) continue;
      const key = `${unit === 'DISDIK' ? 'DISDIK' : 'OTHER'}|${r[2]}`;
      minutes.set(key, (minutes.get(key) ?? 0) + v * norm.get(`${r[0]}|${r[1]}`)!);
    }
    for (const year of [2023, 2024, 2025]) {
      const ratio = (who: string): number => {
        const m = (mm: number) => minutes.get(`${who}|${year}-${String(mm).padStart(2, '0')}`)!;
        const others = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12].map(m);
        return (m(6) + m(7)) / 2 / (others.reduce((s, v) => s + v, 0) / others.length);
      };
      expect(ratio('DISDIK')).toBeGreaterThan(1.6);
      expect(ratio('DISDIK')).toBeLessThan(2.4);
      expect(ratio('OTHER')).toBeLessThan(1.15);
    }
  });

  it('sizes ABK workload to the staff, with overloaded and slack units planted', () => {
    const design = readCsvObjects(join(dir, '_truth', 'unit_design.csv'), ',');
    const ej = design.map((r) => Number(r.annual_workload_minutes) / (Number(r.staff_start) * 75_000));
    expect(ej.filter((e) => e > 1.2).length).toBeGreaterThanOrEqual(8);
    expect(ej.filter((e) => e < 0.7).length).toBeGreaterThanOrEqual(5);
    expect(ej.filter((e) => e >= 0.75 && e <= 1.1).length).toBeGreaterThan(design.length / 2);
    // the waves lower the imbalance: spread of unit EJ at the end is smaller than at the start
    const ejEnd = design.map((r) => Number(r.annual_workload_minutes) / (Number(r.staff_end) * 75_000));
    const sd = (x: number[]) => Math.sqrt(x.reduce((s, v) => s + (v - x.reduce((a, b) => a + b) / x.length) ** 2, 0) / x.length);
    expect(sd(ejEnd)).toBeLessThan(sd(ej));
  });
});

describe('sample: performance and planted effects', () => {
  it('has one rating per employee and month, consistent with the PermenPANRB 6/2022 matrix', () => {
    const { header, rows } = readCsv(join(dir, 'kinerja.csv'), ',');
    expect(header).toEqual(['nip', 'periode', 'predikat', 'hasil_kerja', 'perilaku_kerja', 'nilai']);
    expect(rows.length).toBe(sim.length * 36);
    const lvl = (s: string) => ['di bawah ekspektasi', 'sesuai ekspektasi', 'di atas ekspektasi'].indexOf(s);
    const matrix = (res: number, beh: number): string =>
      res === 0 ? (beh === 0 ? 'Sangat Kurang' : 'Butuh Perbaikan') : beh === 0 ? 'Kurang' : res === 2 && beh === 2 ? 'Sangat Baik' : 'Baik';
    const perNip = new Map<string, number>();
    let baik = 0;
    const wrong: string[][] = [];
    for (const r of rows) {
      perNip.set(r[0], (perNip.get(r[0]) ?? 0) + 1);
      const v = Number(r[5]);
      if (matrix(lvl(r[3]), lvl(r[4])) !== r[2] || !(v >= 0 && v <= 120) || !/^\d{4}-\d{2}$/.test(r[1])) wrong.push(r);
      if (r[2] === 'Baik') baik++;
    }
    expect(wrong).toEqual([]);
    expect(baik / rows.length).toBeGreaterThan(0.7);
    expect(perNip.size).toBe(sim.length);
    for (const n of perNip.values()) expect(n).toBe(36);
  });

  it('writes the true ATT(g,t) and event-time effects', () => {
    const e = truth.effects;
    expect(e.employee_event_time_effects.slice(0, 7).map((x: { effect: number }) => x.effect)).toEqual([-6, -6, -6, -3, -3, -3, 0]);
    expect(e.cohorts.map((c: { cohort: string }) => c.cohort)).toEqual(['2023-07', '2024-02', '2025-07']);
    for (const c of e.att_gt) {
      if (c.event_time < 0) expect(c.att).toBe(0);
      else if (c.event_time >= 6) expect(c.att).toBeCloseTo(4, 9);
      else {
        expect(c.att).toBeLessThan(4);
        expect(c.att).toBeGreaterThan(2);
      }
    }
    // the truth equals the mean over the cohort's units of the panel's true effect
    const panel = readCsvObjects(join(dir, '_truth', 'panel_unit_month.csv'), ',');
    for (const c of e.att_gt.filter((x: { event_time: number }) => x.event_time === 0)) {
      const cells = panel.filter((p) => Number(p.cohort) === c.group && Number(p.period) === c.time);
      expect(cells.length).toBe(c.n_units);
      expect(cells.reduce((s, p) => s + Number(p.true_effect), 0) / cells.length).toBeCloseTo(c.att, 5);
    }
  });

  it('shows the planted effect in a simple difference-in-differences of unit mean scores', () => {
    const panel = readCsvObjects(join(dir, '_truth', 'panel_unit_month.csv'), ',');
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    const avg = (cohort: number, from: number, to: number) =>
      mean(panel.filter((p) => Number(p.cohort) === cohort && Number(p.period) >= from && Number(p.period) <= to).map((p) => Number(p.mean_score)));
    // cohort 2023-07 (period 7): post months 13..30 (event time 6+, before cohort 2024-02's later months matter not) vs pre 1..6
    const did = avg(7, 13, 36) - avg(7, 1, 6) - (avg(0, 13, 36) - avg(0, 1, 6));
    expect(did).toBeGreaterThan(3);
    expect(did).toBeLessThan(5);
  });
});

describe('sample: bad rows for the quarantine', () => {
  it('lists six bad rows whose row numbers point at the written values', () => {
    const bad = truth.bad_rows as { file: string; row: number; header: string; value: string; column: string }[];
    expect(bad.map((b) => b.column).sort()).toEqual(['golongan', 'nip', 'nip', 'position_id', 'position_since', 'volume']);
    for (const b of bad) {
      const { header, rows } = readCsv(join(dir, b.file), b.file === 'pegawai.csv' ? ';' : ',');
      const row = rows[b.row - 2];
      expect(row[header.indexOf(b.header)]).toBe(b.value);
    }
    const byCol = (c: string) => bad.filter((b) => b.column === c);
    expect(byCol('position_since')[0].value).toBe('31-02-2023');
    expect(parseDate('31-02-2023')).toBeNull();
    expect(byCol('golongan')[0].value).toBe('III/f');
    expect(parseGolongan('III/f')).toBeNull();
    expect(Number(byCol('volume')[0].value)).toBeLessThan(0);
    expect(jabatan.has(byCol('position_id')[0].value)).toBe(false);
    const nips = byCol('nip').map((b) => b.value.replace(/[ .]/g, ''));
    expect(nips.some((n) => !/^\d{18}$/.test(n))).toBe(true);
    const dup = nips.find((n) => /^\d{18}$/.test(n))!;
    expect(pegawai.filter((r) => nipDigits(r.NIP) === dup)).toHaveLength(2);
  });
});
