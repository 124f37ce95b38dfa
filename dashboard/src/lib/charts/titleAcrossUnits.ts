/**
 * One position title across units: staff in post minus required staff per unit (bars, for one title), or
 * one dot per position for every title (all titles). Left of 0: understaffed; right: overstaffed.
 */
import * as Plot from '@observablehq/plot';
import type { Band } from '$lib/types';
import { bandScale, baseStyle, INK, labelChars, truncate, type ChartContext } from './theme';

export interface TitleUnitDatum {
  title: string;
  unit_name: string;
  position_id: string;
  required_staff: number;
  current_staff: number;
  difference: number;
  ej: number | null;
  band: Band;
}

export function titleAcrossUnitsChart(rows: TitleUnitDatum[], { width, t, f }: ChartContext, single: boolean) {
  const chars = labelChars(width);
  const m = Math.max(1, ...rows.map((r) => Math.abs(r.difference))) * 1.15;
  const tip = (d: TitleUnitDatum) =>
    [
      `${d.title} — ${d.unit_name}`,
      `${t.cols.staff}: ${f.int(d.current_staff)} · ${t.cols.required}: ${f.num1(d.required_staff)}`,
      `${t.jabatan.difference}: ${f.num1(d.difference)}`,
      `${t.cols.ej}: ${f.num2(d.ej)} (${t.bands[d.band]})`,
    ].join('\n');
  if (single) {
    return Plot.plot({
      width,
      height: 60 + rows.length * 28,
      marginLeft: Math.min(chars * 6.6 + 12, width * 0.45),
      style: baseStyle,
      ariaLabel: rows[0] ? t.jabatan.chartOne(rows[0].title) : t.jabatan.chartAll,
      x: { label: t.jabatan.diffAxis, domain: [-m, m], grid: true, tickFormat: f.num1 },
      y: { label: null, domain: rows.map((r) => r.unit_name), tickFormat: (s: string) => truncate(s, chars) },
      color: bandScale(rows.map((r) => r.band), t),
      marks: [
        Plot.barX(rows, { x: 'difference', y: 'unit_name', fill: 'band', insetTop: 3, insetBottom: 3, title: tip, tip: true }),
        Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5 }),
      ],
    });
  }
  const titles = [...new Set(rows.map((r) => r.title))];
  return Plot.plot({
    width,
    height: 70 + titles.length * 30,
    marginLeft: Math.min(chars * 6.6 + 12, width * 0.45),
    style: baseStyle,
    ariaLabel: t.jabatan.chartAll,
    x: { label: t.jabatan.diffAxis, domain: [-m, m], grid: true, tickFormat: f.num1 },
    y: { label: null, domain: titles, tickFormat: (s: string) => truncate(s, chars) },
    color: bandScale(rows.map((r) => r.band), t),
    marks: [
      Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'difference', y: 'title', fill: 'band', r: 5, stroke: 'white', strokeWidth: 0.8, title: tip, tip: true }),
    ],
  });
}
