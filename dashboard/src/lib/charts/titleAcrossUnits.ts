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
  unit_id: string;
  required_staff: number;
  current_staff: number;
  difference: number;
  ej: number | null;
  band: Band;
}

/** How many titles the all-titles chart shows (a region has hundreds; the table and the title filter have the rest). */
export const TOP_TITLES = 25;

/**
 * The titles worth a look across units: held in at least two units, ranked by the spread of staff minus need
 * (the most short unit against the most overstaffed one: what moving people within the title could even out),
 * then by the total mismatch. Returns the rows of the first `n` titles and the number of titles considered.
 */
export function topTitleRows<T extends Pick<TitleUnitDatum, 'title' | 'difference'>>(rows: T[], n = TOP_TITLES): { rows: T[]; shown: number; total: number } {
  const by = new Map<string, { min: number; max: number; abs: number; count: number }>();
  for (const r of rows) {
    const s = by.get(r.title) ?? { min: Infinity, max: -Infinity, abs: 0, count: 0 };
    s.min = Math.min(s.min, r.difference);
    s.max = Math.max(s.max, r.difference);
    s.abs += Math.abs(r.difference);
    s.count++;
    by.set(r.title, s);
  }
  const ranked = [...by]
    .filter(([, s]) => s.count >= 2)
    .sort(([a, x], [b, y]) => y.max - y.min - (x.max - x.min) || y.abs - x.abs || (a < b ? -1 : 1))
    .slice(0, n)
    .map(([t]) => t);
  const rank = new Map(ranked.map((t, i) => [t, i]));
  const kept = rows.filter((r) => rank.has(r.title)).sort((a, b) => rank.get(a.title)! - rank.get(b.title)!);
  return { rows: kept, shown: ranked.length, total: by.size };
}

export function titleAcrossUnitsChart(rows: TitleUnitDatum[], { width, t, f, unitHref }: ChartContext, single: boolean) {
  const link = unitHref ? (d: TitleUnitDatum) => unitHref(d.unit_id) : undefined;
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
      height: 76 + rows.length * 28,
      marginLeft: Math.min(chars * 6.6 + 12, width * 0.45),
      style: baseStyle,
      ariaLabel: rows[0] ? t.jabatan.chartOne(rows[0].title) : t.jabatan.chartAll,
      marginBottom: 44,
      // the axis title centred below the tick labels (it collided with them at the right end: issue 16)
      x: { label: t.jabatan.diffAxis, domain: [-m, m], grid: true, tickFormat: f.num1, labelAnchor: 'center', labelOffset: 38, ticks: Math.max(2, Math.floor(width / 90)) },
      y: { label: null, domain: rows.map((r) => r.unit_name), tickFormat: (s: string) => truncate(s, chars) },
      color: bandScale(rows.map((r) => r.band), t),
      marks: [
        Plot.barX(rows, { x: 'difference', y: 'unit_name', fill: 'band', insetTop: 3, insetBottom: 3, title: tip, tip: true, href: link }),
        Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5 }),
      ],
    });
  }
  // titles in the order of their spread (the first row has the largest)
  const titles = [...new Set(rows.map((r) => r.title))];
  return Plot.plot({
    width,
    height: 86 + titles.length * 30,
    marginLeft: Math.min(chars * 6.6 + 12, width * 0.45),
    style: baseStyle,
    ariaLabel: t.jabatan.chartAll,
    marginBottom: 44,
    x: { label: t.jabatan.diffAxis, domain: [-m, m], grid: true, tickFormat: f.num1, labelAnchor: 'center', labelOffset: 38, ticks: Math.max(2, Math.floor(width / 90)) },
    y: { label: null, domain: titles, tickFormat: (s: string) => truncate(s, chars) },
    color: bandScale(rows.map((r) => r.band), t),
    marks: [
      Plot.ruleX([0], { stroke: INK, strokeWidth: 1.5 }),
      Plot.dot(rows, { x: 'difference', y: 'title', fill: 'band', r: 5, stroke: 'white', strokeWidth: 0.8, title: tip, tip: true, href: link }),
    ],
  });
}
