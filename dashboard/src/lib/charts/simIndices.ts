/** Simulator: the imbalance indices before and after a plan, side by side per index (grouped bars). */
import * as Plot from '@observablehq/plot';
import { baseStyle, type ChartContext } from './theme';

export interface IndexDatum {
  index: string;
  when: string;
  value: number;
}

export function simIndicesChart(rows: IndexDatum[], { width, f }: ChartContext, label: string) {
  return Plot.plot({
    width,
    height: 240,
    marginBottom: 40,
    style: baseStyle,
    ariaLabel: label,
    fx: { label: null, padding: 0.15 },
    x: { axis: null },
    y: { grid: true, label: null },
    color: { domain: [...new Set(rows.map((r) => r.when))], range: ['#b8b8c0', '#0067a3'], legend: true },
    marks: [
      Plot.barY(rows, { fx: 'index', x: 'when', y: 'value', fill: 'when', title: (r: IndexDatum) => `${r.index} · ${r.when}: ${f.num3(r.value)}`, tip: true }),
      Plot.ruleY([0]),
    ],
  });
}
