/** Transfers into (up) and out of (down) one unit per month; counts only. */
import * as Plot from '@observablehq/plot';
import { baseStyle, withinMonths, INK, MUTED, type ChartContext } from './theme';
import { waveMarks, wavesWithin, type WaveDatum } from './waves';

export interface TransfersDatum {
  month: Date;
  transfers_in: number;
  transfers_out: number;
}

export function transfersByMonthChart(rows: TransfersDatum[], { width, t, f }: ChartContext, selected: Date | null, waves: WaveDatum[] = []) {
  const long = rows.flatMap((r) => [
    { month: r.month, dir: t.unit.in, value: r.transfers_in, r },
    { month: r.month, dir: t.unit.out, value: -r.transfers_out, r },
  ]);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.transfers_in, r.transfers_out)));
  const first = rows[0]?.month;
  const last = rows[rows.length - 1]?.month;
  const end = last ? new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)) : undefined;
  const tip = (d: (typeof long)[number]) =>
    `${f.month(d.month)}\n${t.unit.in}: ${f.int(d.r.transfers_in)}\n${t.unit.out}: ${f.int(d.r.transfers_out)}`;
  const mark = withinMonths(selected, rows.map((r) => r.month));
  return Plot.plot({
    width,
    height: 240,
    marginLeft: 44,
    style: baseStyle,
    ariaLabel: t.unit.transfers,
    x: { type: 'utc', label: null, domain: first && end ? [first, end] : undefined, tickFormat: f.monthShort, ticks: width < 600 ? '6 months' : '3 months' },
    y: {
      label: t.axes.transfers,
      domain: [-max, max],
      grid: true,
      ticks: Math.min(2 * max, 8),
      tickFormat: (v: number) => (Number.isInteger(v) ? f.int(Math.abs(v)) : ''),
    },
    color: { domain: [t.unit.in, t.unit.out], range: ['#0067a3', '#c24e00'], legend: true },
    marks: [
      mark ? Plot.ruleX([mark], { stroke: MUTED, strokeDasharray: '4 3' }) : null,
      // the rotation waves, those that moved this unit's staff drawn thick (charts/waves.ts)
      ...waveMarks(wavesWithin(waves, first, last), { t, f }),
      Plot.rectY(long.filter((d) => d.value !== 0), { x: 'month', interval: 'month', y: 'value', fill: 'dir', inset: 1, title: tip, tip: true }),
      Plot.ruleY([0], { stroke: INK }),
    ],
  });
}
