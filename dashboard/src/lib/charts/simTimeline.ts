/**
 * Simulator: the transition month by month — the Gini across units (thick line) and the EJ of each unit the plan
 * touches (thin lines), from the base month to the end of the horizon.
 */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';

export interface TimelineDatum {
  month: Date;
  series: string;
  value: number | null;
}

export function simTimelineChart(gini: TimelineDatum[], units: TimelineDatum[], { width, f }: ChartContext, labels: { gini: string; ej: string; title: string }) {
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 48,
    marginRight: 140,
    style: baseStyle,
    ariaLabel: labels.title,
    x: { type: 'utc', label: null, tickFormat: (d: Date) => f.monthTick(d) },
    y: { grid: true, label: labels.ej },
    marks: [
      Plot.ruleY([1], { stroke: INK, strokeDasharray: '3,3' }),
      Plot.lineY(units.filter((d) => d.value !== null), { x: 'month', y: 'value', z: 'series', stroke: 'series', strokeWidth: 1.2 }),
      Plot.text(units.filter((d) => d.value !== null), Plot.selectLast({ x: 'month', y: 'value', z: 'series', text: (d: TimelineDatum) => (d.series.length > 22 ? `${d.series.slice(0, 21)}…` : d.series), textAnchor: 'start', dx: 4, fill: 'series' })),
      Plot.dot(units.filter((d) => d.value !== null), { x: 'month', y: 'value', fill: 'series', r: 2, title: (d: TimelineDatum) => `${d.series}\n${f.month(d.month)}: ${f.num2(d.value)}`, tip: true }),
      Plot.lineY(gini, { x: 'month', y: 'value', stroke: INK, strokeWidth: 3, strokeDasharray: '6,3' }),
      Plot.dot(gini, { x: 'month', y: 'value', fill: INK, r: 2.5, title: (d: TimelineDatum) => `${labels.gini} · ${f.month(d.month)}: ${f.num3(d.value)}`, tip: true }),
    ],
  });
}
