/**
 * Monthly performance (`kinerja.csv`): one row per employee and month of the window with the SKP rating
 * (PermenPANRB 6/2022), its two sub-ratings and a numeric score.
 *
 * Score of employee i in month t, holding a post in unit u (the post held on the 1st of the month):
 *
 *   nilai = 86 + α_i + γ_u + δ_t + 4·[u received staff in a rotation wave at g and t ≥ g]
 *              + ramp(t − month of i's latest transfer) + ε,    ε ~ N(0, 4²)
 *
 * α_i ~ N(0, 4²) stable person effect, γ_u ~ N(0, 2.5²) unit effect, δ_t ~ N(0, 1.5²) common month effect,
 * ramp(e) = −6 for e = 0,1,2, −3 for e = 3,4,5, 0 from 6 (every transfer, wave or not). The score is rounded to
 * one decimal and kept in [0, 120] (the bound is never reached in practice). Parallel trends hold by
 * construction: nothing but the planted effects differs systematically between receiving units and others.
 *
 * Sub-ratings: results "above expectation" when nilai + N(0, 2²) ≥ 97, "below" when < 74; behaviour
 * "above" with probability 10 % (35 % when nilai ≥ 95), "below" 1.5 %. The rating follows the PermenPANRB
 * 6/2022 matrix (shared/domain.md). In the 24 months before each of a person's transfers nothing is "below"
 * (Peraturan BKN 5/2019: rated at least Baik before a transfer), so the rating is Baik or Sangat Baik.
 */
import { mi, monthStr } from './calendar.ts';
import type { Org } from './org.ts';
import { Rng } from './rng.ts';
import type { Employee } from './staff.ts';
import { WAVES } from './transfers.ts';
import type { CsvWriter } from './writers.ts';

export const SCORE_MODEL = {
  base: 86,
  person_sd: 4,
  unit_sd: 2.5,
  month_sd: 1.5,
  noise_sd: 4,
  /** added to every staff member of a unit from the month it receives staff in a rotation wave */
  unit_effect: 4,
  /** effect on a transferred employee by event month 0, 1, 2 … after the transfer (0 afterwards) */
  ramp: [-6, -6, -6, -3, -3, -3, 0, 0, 0, 0, 0, 0],
  clip: [0, 120],
  decimals: 1,
} as const;

export function rampAt(e: number): number {
  return e < 0 ? 0 : e < 3 ? -6 : e < 6 ? -3 : 0;
}

/** δ_t for every month 2023-01 .. 2025-12 (the same at every scale) */
export function monthEffects(seed: number): Map<number, number> {
  const rng = new Rng(seed, 'month-effects');
  const out = new Map<number, number>();
  for (let m = mi(2023, 1); m <= mi(2025, 12); m++) out.set(m, Math.round(SCORE_MODEL.month_sd * rng.normal() * 1000) / 1000);
  return out;
}

export const RATINGS = { SB: 'Sangat Baik', B: 'Baik', BP: 'Butuh Perbaikan', K: 'Kurang', SK: 'Sangat Kurang' } as const;
export const SUB = ['di bawah ekspektasi', 'sesuai ekspektasi', 'di atas ekspektasi'] as const;

/** PermenPANRB 6/2022 matrix: results (0 below, 1 as expected, 2 above) × behaviour → rating */
export function ratingOf(results: number, behaviour: number): string {
  if (results === 0) return behaviour === 0 ? RATINGS.SK : RATINGS.BP;
  if (behaviour === 0) return RATINGS.K;
  if (results === 2 && behaviour === 2) return RATINGS.SB;
  return RATINGS.B;
}

/** per unit × month sums over the staff in post on the 1st of the month */
export interface UnitMonthStats {
  months: number;
  /** staff count, index u × months + t */
  n: Int32Array;
  /** sum of the written (rounded) scores */
  scoreSum: Float64Array;
  /** sum of the ramp of staff who arrived in this unit in the rotation wave it receives in */
  waveRampSum: Float64Array;
}

const CELLS: string[] = [];
for (let r = 0; r < 3; r++) for (let b = 0; b < 3; b++) CELLS.push(`${ratingOf(r, b)},${SUB[r]},${SUB[b]},`);

/** Write the performance rows of one region and return the unit × month sums. */
export function writePerformance(
  org: Org,
  employees: Employee[],
  seed: number,
  firstMonth: number,
  lastMonth: number,
  delta: Map<number, number>,
  out: CsvWriter,
): UnitMonthStats {
  const rng = new Rng(seed, 'perf', org.region.code);
  const nm = lastMonth - firstMonth + 1;
  const labels: string[] = [];
  const deltas = new Float64Array(nm);
  for (let i = 0; i < nm; i++) {
    labels.push(monthStr(firstMonth + i));
    deltas[i] = delta.get(firstMonth + i) ?? 0;
  }
  const units = org.units;
  const posUnit = Int32Array.from(org.positions, (p) => p.unit);
  const gamma = Float64Array.from(units, (u) => u.gamma);
  /** month from which a unit's staff get the unit effect (Infinity: never) */
  const treatFrom = Float64Array.from(units, (u) => (u.receiverWave >= 0 ? WAVES[u.receiverWave].month : Infinity));
  const recvWave = Int32Array.from(units, (u) => u.receiverWave);
  const stats: UnitMonthStats = {
    months: nm,
    n: new Int32Array(units.length * nm),
    scoreSum: new Float64Array(units.length * nm),
    waveRampSum: new Float64Array(units.length * nm),
  };
  const { base, noise_sd: noiseSd, unit_effect: unitEffect } = SCORE_MODEL;

  for (const e of employees) {
    let s = 0;
    let j = 0; // next transfer not yet effective
    let chunk = '';
    const prefix = `${e.nip},`;
    for (let i = 0; i < nm; i++) {
      const t = firstMonth + i;
      while (s + 1 < e.start.length && e.start[s + 1] <= t) s++;
      while (j < e.transfers.length && e.transfers[j].month <= t) j++;
      const u = posUnit[e.pos[s]];
      const ramp = s > 0 ? rampAt(t - e.start[s]) : 0;
      let y = base + e.alpha + gamma[u] + deltas[i] + (t >= treatFrom[u] ? unitEffect : 0) + ramp + noiseSd * rng.normal();
      if (y < 0) y = 0;
      else if (y > 120) y = 120;
      const tenths = Math.round(y * 10);
      const k = u * nm + i;
      stats.n[k]++;
      stats.scoreSum[k] += tenths / 10;
      if (s > 0 && ramp !== 0 && e.transfers[s - 1].wave >= 0 && e.transfers[s - 1].wave === recvWave[u]) stats.waveRampSum[k] += ramp;

      const z = y + 2 * rng.normal();
      let res = z >= 97 ? 2 : z < 74 ? 0 : 1;
      const ub = rng.next();
      let beh = ub < (y >= 95 ? 0.35 : 0.1) ? 2 : ub > 0.985 ? 0 : 1;
      // the 24 months before a transfer are rated at least Baik
      if (j < e.transfers.length && e.transfers[j].month - t <= 24) {
        if (res === 0) res = 1;
        if (beh === 0) beh = 1;
      }
      chunk += `${prefix}${labels[i]},${CELLS[res * 3 + beh]}${(tenths / 10) | 0}.${tenths % 10}\n`;
    }
    out.lines(chunk, nm);
  }
  return stats;
}
