/**
 * Ramp-up after a transfer: the moved people's SKP score relative to settled colleagues, by months since the move
 * (transfer_rampup), with its simultaneous 95 % band; the tooltip gives the implied share of full performance.
 */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';

export interface RampupDatum {
  months_since_transfer: number;
  effect: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  share_of_full_productivity: number | null;
  baseline_score: number | null;
  n_treated: number | null;
}

export function rampupChart(rows: RampupDatum[], { width, t, f }: ChartContext) {
  const data = rows.filter((r) => r.effect != null);
  const tip = (r: RampupDatum) =>
    [
      `${t.dampak.cols.months}: ${f.int(r.months_since_transfer)}`,
      `${t.dampak.cols.effect}: ${f.signed(r.effect, 1)}`,
      `95 %: ${f.signed(r.ci_low, 1)} … ${f.signed(r.ci_high, 1)}`,
      `${t.dampak.share}: ${f.pct(r.share_of_full_productivity)}`,
      `${t.dampak.cols.people}: ${f.int(r.n_treated)}`,
    ].join('\n');
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 56,
    // room for the x-axis title on its own line below the tick labels (issue 16: titles ran over the ticks)
    marginBottom: 48,
    style: baseStyle,
    ariaLabel: t.dampak.rampup,
    x: { labelOffset: 40, label: t.dampak.axisMonthsSince, ticks: width < 600 ? 6 : 12 },
    y: { label: t.dampak.axisPoints, grid: true, tickFormat: (v: number) => f.signed(v, 0) },
    marks: [
      Plot.areaY(data.filter((r) => r.ci_low != null), { x: 'months_since_transfer', y1: 'ci_low', y2: 'ci_high', fill: '#c24e00', fillOpacity: 0.16 }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.lineY(data, { x: 'months_since_transfer', y: 'effect', stroke: '#c24e00', strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'months_since_transfer', y: 'effect', fill: '#c24e00', r: 3, title: tip, tip: true }),
    ],
  });
}
