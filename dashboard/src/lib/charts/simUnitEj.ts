/**
 * Simulator: every unit's EJ before (grey) and after (coloured by band) a plan, joined by a line; the units the plan
 * touches are drawn bold. Fed plain arrays by the page (no data fetching here).
 */
import * as Plot from '@observablehq/plot';
import type { Band } from '$lib/types';
import { BAND_COLORS, baseStyle, INK, MUTED, type ChartContext } from './theme';

export interface UnitEjDatum {
  unit: string;
  before: number | null;
  after: number | null;
  band: Band;
  touched: boolean;
}

export function simUnitEjChart(rows: UnitEjDatum[], { width, f }: ChartContext, labels: { ej: string; before: string; after: string }) {
  const data = rows.filter((r) => r.before !== null || r.after !== null).sort((a, b) => (b.after ?? -1) - (a.after ?? -1));
  const shown = data.length > 60 ? [...data.filter((r) => r.touched), ...data.filter((r) => !r.touched).slice(0, 60 - data.filter((r) => r.touched).length)] : data;
  const tip = (r: UnitEjDatum) => `${r.unit}\n${labels.before}: ${f.num2(r.before)}\n${labels.after}: ${f.num2(r.after)}`;
  return Plot.plot({
    width,
    height: Math.max(200, shown.length * 14 + 40),
    marginLeft: Math.min(260, width * 0.4),
    style: baseStyle,
    ariaLabel: labels.ej,
    x: { label: labels.ej, grid: true },
    y: { domain: shown.map((r) => r.unit), label: null, tickFormat: (u: string) => (u.length > 38 ? `${u.slice(0, 37)}…` : u) },
    marks: [
      Plot.ruleX([1], { stroke: INK, strokeDasharray: '3,3' }),
      Plot.link(shown, { x1: 'before', x2: 'after', y1: 'unit', y2: 'unit', stroke: MUTED, strokeWidth: (r: UnitEjDatum) => (r.touched ? 2.5 : 1) }),
      Plot.dot(shown, { x: 'before', y: 'unit', fill: '#b8b8c0', r: 3 }),
      Plot.dot(shown, { x: 'after', y: 'unit', fill: (r: UnitEjDatum) => BAND_COLORS[r.band], r: (r: UnitEjDatum) => (r.touched ? 5 : 3), stroke: (r: UnitEjDatum) => (r.touched ? INK : 'none'), title: tip, tip: true }),
    ],
  });
}
