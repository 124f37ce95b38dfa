/** Distribution of SKP performance ratings (PermenPANRB 6/2022 scale) among the staff of one unit. */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';

export interface RatingDatum {
  rating_rank: number;
  label: string;
  /** null when suppressed (UU 27/2022, pipeline/domain/disclosure.ts): drawn as no bar, labelled `hidden` */
  employees: number | null;
  /** the label of a suppressed count ("< 5" or "·") */
  hidden?: string | null;
}

// lowest rating lightest, highest darkest (one hue; order is carried by position and label too)
const SHADES = ['#b9d3dc', '#8db6c4', '#5a93a8', '#2e6f87', '#0f4c5c'];

export function ratingDistributionChart(rows: RatingDatum[], { width, t, f }: ChartContext) {
  const chars = 20;
  const count = (d: RatingDatum) => (d.employees === null ? (d.hidden ?? '·') : f.int(d.employees));
  const tip = (d: RatingDatum) => `${d.label}: ${count(d)} ${t.unit.people}`;
  return Plot.plot({
    width,
    height: 60 + rows.length * 30,
    marginLeft: Math.min(chars * 6.6 + 12, width * 0.45),
    marginRight: 30,
    style: baseStyle,
    ariaLabel: t.unit.performance,
    x: { label: t.axes.employees, grid: true, tickFormat: (v: number) => (Number.isInteger(v) ? f.int(v) : '') },
    y: { label: null, domain: [...rows].sort((a, b) => b.rating_rank - a.rating_rank).map((d) => d.label) },
    marks: [
      Plot.barX(rows, {
        x: (d: RatingDatum) => d.employees ?? 0,
        y: 'label',
        fill: (d: RatingDatum) => SHADES[d.rating_rank - 1] ?? SHADES[2],
        insetTop: 3,
        insetBottom: 3,
        title: tip,
        tip: true,
      }),
      Plot.text(rows, { x: (d: RatingDatum) => d.employees ?? 0, y: 'label', text: count, dx: 4, textAnchor: 'start', fill: INK }),
      Plot.ruleX([0], { stroke: INK }),
    ],
  });
}
