/** One transfer: the EJ of its releasing and receiving units from 12 months before to 12 months after the move. */
import * as Plot from '@observablehq/plot';
import type { Band } from '$lib/types';
import { baseStyle, INK, MUTED, type ChartContext } from './theme';

export interface TransferLoadDatum {
  side: 'from' | 'to';
  unit_id: string;
  unit_name: string | null;
  month: Date;
  ej: number | null;
  band: Band | null;
  current_staff: number | null;
  required_staff: number | null;
}

const SIDE_COLORS = { from: '#0067a3', to: '#c24e00' };

export function transferUnitLoadChart(rows: TransferLoadDatum[], { width, t, f }: ChartContext, moveMonth: Date | null) {
  const label = (r: TransferLoadDatum) => `${t.card.side[r.side]}: ${r.unit_name ?? r.unit_id}`;
  const sides = (['from', 'to'] as const).filter((s) => rows.some((r) => r.side === s));
  const names = sides.map((s) => label(rows.find((r) => r.side === s)!));
  const data = rows.filter((r) => r.ej != null);
  const tip = (r: TransferLoadDatum) =>
    [
      label(r),
      f.month(r.month),
      `${t.cols.ej}: ${f.num2(r.ej)}${r.band ? ` (${t.bands[r.band]})` : ''}`,
      `${t.cols.staff}: ${f.int(r.current_staff)} · ${t.cols.required}: ${f.num1(r.required_staff)}`,
    ].join('\n');
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 48,
    style: baseStyle,
    ariaLabel: t.card.chart,
    x: { type: 'utc', label: null, tickFormat: f.monthShort, ticks: width < 600 ? 4 : 8 },
    y: { label: `↑ ${t.cols.ej}`, grid: true, zero: true, tickFormat: f.num },
    color: { domain: names, range: sides.map((s) => SIDE_COLORS[s]), legend: true },
    marks: [
      // the band thresholds in force (t.limits)
      Plot.ruleY(t.limits ? [t.limits.overloaded_above] : [], { stroke: INK, strokeDasharray: '2 2' }),
      Plot.ruleY(t.limits ? [t.limits.slack_below] : [], { stroke: MUTED, strokeDasharray: '2 4' }),
      moveMonth ? Plot.ruleX([moveMonth], { stroke: MUTED, strokeDasharray: '4 3' }) : null,
      Plot.lineY(data, { x: 'month', y: 'ej', stroke: label, strokeWidth: 2 }),
      Plot.dot(data, { x: 'month', y: 'ej', fill: label, r: 2.5, title: tip, tip: true }),
    ],
  });
}
