// The estimator's notes on the Dampak page: every sentence the estimator writes is recognised and rewritten in
// Bahasa Indonesia (and plain English) with month names; an unknown sentence is shown as written, marked English.
import { describe, expect, it } from 'vitest';
import { balancePanel, estimateEffects, preparePanel, type PanelRow } from '../../pipeline/effects/index.ts';
import { effectNotes, monthIndex } from '../../dashboard/src/lib/effectNotes.ts';

/** 'YYYY-MM' labels, so the expected texts are plain to read */
const ym = (d: Date) => d.toISOString().slice(0, 7);
// cohorts 7, 14, 31 are July 2022, February 2023 and July 2024: month 1 is January 2022
const monthOf = monthIndex([7, 14, 31], ['2022-07', '2023-02', '2024-07'], ym);
const id = { lang: 'id', level: 'unit', monthOf } as const;
const en = { lang: 'en', level: 'unit', monthOf } as const;

/** n units per cohort over periods 1..T, y = a small unit-specific trend */
function panel(T: number, cohorts: Record<number, number>): PanelRow[] {
  const rows: PanelRow[] = [];
  let u = 0;
  for (const [g, n] of Object.entries(cohorts)) {
    for (let k = 0; k < n; k++, u++) {
      for (let t = 1; t <= T; t++) rows.push({ id: `u${u}`, time: t, cohort: Number(g), y: u * 0.1 + t + (k % 3) });
    }
  }
  return rows;
}

describe('month index', () => {
  it('counts months from the first month of the data', () => {
    expect(monthOf(1)).toBe('2022-01');
    expect(monthOf(14)).toBe('2023-02');
    expect(monthOf(36)).toBe('2024-12');
    expect(monthOf(0)).toBeNull();
    expect(monthIndex([], [], ym)(3)).toBeNull();
  });
});

describe('hand-checked sentences', () => {
  it('small waves name their months', () => {
    const w = 'Some groups have very few units (fewer than 5), which may cause estimation problems: 14, 31.';
    expect(effectNotes([w], id)).toEqual([{
      lang: 'id',
      text: 'Gelombang 2023-02 dan 2024-07 hanya melibatkan kurang dari 5 unit penerima, sehingga efek untuk gelombang itu kurang andal.',
    }]);
    expect(effectNotes([w], en)[0]!.text).toBe(
      'The waves of 2023-02 and 2024-07 involved fewer than 5 receiving units each, so the effects for those waves are less reliable.');
  });

  it('a small never-treated group (cohort 0) is named as such', () => {
    const [n] = effectNotes(['Some groups have very few units (fewer than 5), which may cause estimation problems: 0.'], id);
    expect(n!.text).toBe('Kelompok yang tidak pernah menerima pegawai dalam gelombang berisi kurang dari 5 unit.');
  });

  it('the employee panel speaks of people and transfers', () => {
    const [n] = effectNotes(['Dropped 11 units that were already treated in the first period.'], { ...id, level: 'employee' });
    expect(n!.text).toBe('11 pegawai sudah dimutasi pada bulan pertama data. Tidak ada bulan sebelum mutasi untuk dibandingkan, jadi mereka tidak ikut dihitung.');
  });

  it('the band and cell notes (written by pipeline/effects/index.ts and attgt.ts)', () => {
    const notes = effectNotes([
      'Group effects: simultaneous band narrower than pointwise; using pointwise intervals.',
      'Event study: simultaneous critical value is not available; using pointwise intervals.',
      'ATT(g,t): simultaneous critical value 7.25 is very large and may be unreliable.',
      'ATT(14,20) not estimated: no control units.',
      'ATT(14,20) not estimated: overlap condition violated (treated share ≥ 0.995).',
    ], id);
    expect(notes.map((n) => n.text)).toEqual([
      'Efek per gelombang: pita serentak ternyata lebih sempit daripada selang per titik, jadi yang ditampilkan selang per titik (yang lebih hati-hati).',
      'Efek menurut bulan sejak gelombang: pita serentak tidak dapat dihitung; yang ditampilkan selang kepercayaan per titik.',
      'Efek per gelombang dan bulan: nilai kritis pita serentak sangat besar (7,25); pita itu mungkin kurang andal.',
      'Efek kelompok 2023-02 pada 2023-08 tidak dihitung: tidak ada pembanding.',
      'Efek kelompok 2023-02 pada 2023-08 tidak dihitung: hampir semuanya termasuk kelompok itu, sehingga pembandingnya terlalu sedikit.',
    ]);
  });

  it('an unknown sentence is shown as written, marked English', () => {
    expect(effectNotes(['Something new happened.'], id)).toEqual([{ text: 'Something new happened.', lang: 'en' }]);
  });
});

describe("the estimator's own notes are all recognised", () => {
  const recognised = (warnings: string[]) => {
    expect(warnings.length).toBeGreaterThan(0);
    for (const lang of ['id', 'en'] as const) {
      for (const n of effectNotes(warnings, { lang, level: 'unit', monthOf: (t) => `M${t}` })) {
        expect(n.lang, n.text).toBe(lang);
        expect(n.text).not.toMatch(/\b(units?|cohort|period)s? \(?\d/); // no raw indices left
      }
    }
  };

  it('dropped, late and small cohorts', () => {
    const rows = [...panel(6, { 0: 6, 1: 2, 3: 6, 5: 3, 9: 4 })];
    const w = preparePanel(balancePanel(rows)).warnings;
    expect(w.join(' ')).toMatch(/Dropped 2 units/);
    expect(w.join(' ')).toMatch(/4 units first treated after the last period/);
    expect(w.join(' ')).toMatch(/very few units/);
    recognised(w);
  });

  it('no never-treated group, with either control group', () => {
    const rows = panel(5, { 2: 6, 3: 6, 4: 6 });
    recognised(preparePanel(balancePanel(rows), 'nevertreated').warnings);
    recognised(preparePanel(balancePanel(rows), 'notyettreated').warnings);
  });

  it('a whole estimate', () => {
    const r = estimateEffects(panel(6, { 0: 6, 1: 2, 3: 6, 5: 3 }), { biters: 99, seed: 1 });
    recognised(r.warnings);
  });
});
