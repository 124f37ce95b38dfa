/**
 * The answer key's effect part: the true ATT(g,t) of the outcome "unit mean score", computed from the planted
 * components (never from the noisy scores), and its aggregations weighted like R's `did::aggte` (cohort
 * weights proportional to the number of units in the cohort).
 *
 * For a receiving unit u of cohort g (the month of the wave it receives staff in) and month t:
 *   TE(u,t) = 4·[t ≥ g] + (1 / N(u,t)) · Σ over the wave-g arrivals i still in u of ramp(t − g)
 * where N(u,t) is the staff of u on the 1st of month t. ATT(g,t) = mean over the units of cohort g of TE(u,t)
 * (0 before g). Scattered individual transfers also carry the ramp, but they would have happened without the
 * wave, so they are not part of the effect; person effects move with people and are mean-zero.
 */
import { monthStr } from './calendar.ts';

export interface CohortAccumulator {
  /** wave month (month index) */
  g: number;
  units: number;
  /** Σ over the cohort's units of TE(u,t), by month offset from the first month */
  sum: Float64Array;
}

export interface AttCell {
  cohort: string;
  month: string;
  /** 1-based period numbers as used by a panel whose first month is period 1 */
  group: number;
  time: number;
  event_time: number;
  att: number;
  n_units: number;
}

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function attTable(cohorts: CohortAccumulator[], firstMonth: number, months: number): AttCell[] {
  const out: AttCell[] = [];
  for (const c of cohorts) {
    if (c.units === 0) continue;
    for (let i = 0; i < months; i++) {
      const t = firstMonth + i;
      out.push({
        cohort: monthStr(c.g),
        month: monthStr(t),
        group: c.g - firstMonth + 1,
        time: i + 1,
        event_time: t - c.g,
        att: r6(c.sum[i] / c.units),
        n_units: c.units,
      });
    }
  }
  return out;
}

export interface Aggregations {
  weights: { cohort: string; n_units: number }[];
  simple: number;
  dynamic: { event_time: number; att: number }[];
  dynamic_overall: number;
  group: { cohort: string; att: number }[];
  group_overall: number;
  calendar: { month: string; att: number }[];
  calendar_overall: number;
}

/** did-style aggregations of the true ATT(g,t) (post-treatment cells only; pre-treatment truth is 0) */
export function aggregate(cells: AttCell[]): Aggregations {
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  const size = new Map(cells.map((c) => [c.cohort, c.n_units]));
  const post = cells.filter((c) => c.event_time >= 0);
  const wsum = (list: AttCell[]): number => list.reduce((s, c) => s + c.n_units, 0);
  const wmean = (list: AttCell[]): number => (list.length ? list.reduce((s, c) => s + c.att * c.n_units, 0) / wsum(list) : 0);

  const simple = wmean(post);
  const events = [...new Set(cells.map((c) => c.event_time))].sort((a, b) => a - b);
  const dynamic = events.map((e) => ({ event_time: e, att: r6(wmean(cells.filter((c) => c.event_time === e))) }));
  const dynPost = dynamic.filter((d) => d.event_time >= 0);
  const group = cohorts.map((g) => {
    const list = post.filter((c) => c.cohort === g);
    return { cohort: g, att: r6(list.reduce((s, c) => s + c.att, 0) / Math.max(1, list.length)) };
  });
  const groupOverall = group.reduce((s, g) => s + g.att * (size.get(g.cohort) ?? 0), 0) / Math.max(1, group.reduce((s, g) => s + (size.get(g.cohort) ?? 0), 0));
  const months = [...new Set(post.map((c) => c.month))].sort();
  const calendar = months.map((m) => ({ month: m, att: r6(wmean(post.filter((c) => c.month === m))) }));
  return {
    weights: cohorts.map((g) => ({ cohort: g, n_units: size.get(g) ?? 0 })),
    simple: r6(simple),
    dynamic,
    dynamic_overall: r6(dynPost.reduce((s, d) => s + d.att, 0) / Math.max(1, dynPost.length)),
    group,
    group_overall: r6(groupOverall),
    calendar,
    calendar_overall: r6(calendar.reduce((s, c) => s + c.att, 0) / Math.max(1, calendar.length)),
  };
}
