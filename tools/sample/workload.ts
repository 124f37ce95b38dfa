/**
 * Monthly task volumes (`beban_kerja.csv`): for every ABK task and month,
 * volume = annual volume / 12 × seasonal factor × (1 + N(0, 0.08²)), rounded stochastically to an integer
 * (so the expected value is kept). Seasonal factors (planted, see README):
 *
 * - Dinas Pendidikan and its branch offices: every June and July ×U(1.8, 2.2) on all their tasks (PPDB, the
 *   new-pupil registration, plus the end of the school year);
 * - finance tasks: December ×1.45 (year-end closing), January ×0.75;
 * - planning tasks: February–April ×1.25 (Musrenbang), August ×1.15 (KUA-PPAS);
 * - local tax tasks: March–April ×1.3 (SPPT PBB), August ×1.15 (PBB due date);
 * - civil registration tasks: January ×1.15, May ×1.1;
 * - every task in the Idul Fitri month (2023-04, 2024-04, 2025-04) ×0.9.
 */
import { mi, miMonth, monthStr } from './calendar.ts';
import type { TaskTag } from './catalog.ts';
import type { Org } from './org.ts';
import { Rng } from './rng.ts';
import type { CsvWriter } from './writers.ts';

const LEBARAN = new Set([mi(2023, 4), mi(2024, 4), mi(2025, 4)]);

export const SEASONALITY = {
  education_june_july: [1.8, 2.2],
  finance: { 12: 1.45, 1: 0.75 },
  planning: { 2: 1.25, 3: 1.25, 4: 1.25, 8: 1.15 },
  tax: { 3: 1.3, 4: 1.3, 8: 1.15 },
  civil: { 1: 1.15, 5: 1.1 },
  idul_fitri: { months: ['2023-04', '2024-04', '2025-04'], factor: 0.9 },
  noise_sd: 0.08,
} as const;

function tagFactor(tag: TaskTag, month: number): number {
  const table = tag === 'finance' ? SEASONALITY.finance : tag === 'planning' ? SEASONALITY.planning : tag === 'tax' ? SEASONALITY.tax : tag === 'civil' ? SEASONALITY.civil : null;
  if (!table) return 1;
  return (table as Record<number, number>)[month] ?? 1;
}

/** Write the monthly volumes of one region; returns the number of rows. */
export function writeWorkload(org: Org, seed: number, firstMonth: number, lastMonth: number, out: CsvWriter): number {
  const rng = new Rng(seed, 'workload', org.region.code);
  const months: number[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) months.push(m);
  const labels = months.map(monthStr);
  const [eduLo, eduHi] = SEASONALITY.education_june_july;
  let rows = 0;
  for (const p of org.positions) {
    const unit = org.units[p.unit];
    for (const t of p.tasks) {
      const prefix = `${p.id},${t.id},`;
      let chunk = '';
      const base = t.annualVolume / 12;
      for (let i = 0; i < months.length; i++) {
        const m = months[i];
        const cal = miMonth(m);
        let f = tagFactor(t.tag, cal);
        if (unit.education && (cal === 6 || cal === 7)) f *= rng.uniform(eduLo, eduHi);
        if (LEBARAN.has(m)) f *= SEASONALITY.idul_fitri.factor;
        f *= 1 + SEASONALITY.noise_sd * rng.normal();
        const v = rng.roundStochastic(Math.max(0, base * f));
        chunk += `${prefix}${labels[i]},${v}\n`;
      }
      out.lines(chunk, months.length);
      rows += months.length;
    }
  }
  return rows;
}
