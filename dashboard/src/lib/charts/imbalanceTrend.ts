/** Imbalance indices (Gini, CV, Theil) of unit EJ over time, with the selected month and the rotation waves marked. */
import * as Plot from '@observablehq/plot';
import { baseStyle, withinMonths, INK, MUTED, type ChartContext } from './theme';
import { waveMarks, wavesWithin, type WaveDatum } from './waves';

export interface ImbalanceDatum {
  month: Date;
  gini: number;
  cv: number;
  theil: number;
}

const SERIES = ['gini', 'cv', 'theil'] as const;
const COLORS = ['#0f4c5c', '#c24e00', '#6a3d9a'];

export function imbalanceTrendChart(rows: ImbalanceDatum[], { width, t, f }: ChartContext, selected: Date | null, waves: WaveDatum[] = []) {
  // a wave marker inside the months drawn (a collective rotation decree: mart rotation_wave_transfer)
  const shown = wavesWithin(waves, rows[0]?.month, rows.at(-1)?.month);
  const long = rows.flatMap((r) => SERIES.map((s) => ({ month: r.month, index: t.indices[s], value: r[s] })));
  const tip = (d: { month: Date; index: string; value: number }) => `${f.month(d.month)}\n${d.index}: ${f.num3(d.value)}`;
  const mark = withinMonths(selected, rows.map((r) => r.month));
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 48,
    style: baseStyle,
    ariaLabel: t.overview.trend,
    x: { type: 'utc', label: null, tickFormat: f.monthShort, ticks: width < 600 ? '6 months' : '3 months' },
    y: { label: t.axes.index, grid: true, zero: true, tickFormat: f.num },
    color: { domain: SERIES.map((s) => t.indices[s]), range: COLORS, legend: true },
    marks: [
      mark ? Plot.ruleX([mark], { stroke: MUTED, strokeDasharray: '4 3' }) : null,
      ...waveMarks(shown, { t, f }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.lineY(long, { x: 'month', y: 'value', stroke: 'index', strokeWidth: 2 }),
      Plot.dot(long, { x: 'month', y: 'value', fill: 'index', r: 2.5, title: tip, tip: true }),
    ],
  });
}
