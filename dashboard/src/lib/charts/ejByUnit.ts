/**
 * EJ of every unit in one period: a sorted bar chart with a line at each edge of the balanced band in force
 * (t.limits: default 0.90–1.10), bars coloured by the plain band; the grade is secondary (in the tooltip).
 */
import * as Plot from '@observablehq/plot';
import type { Band } from '$lib/types';
import { bandScale, baseStyle, INK, labelChars, truncate, type ChartContext } from './theme';

export interface EjByUnitDatum {
  unit_id: string;
  unit_name: string;
  ej: number | null;
  band: Band;
  grade: string | null;
  label: string;
  current_staff: number;
  required_staff: number;
}

/** Above this many units the chart shows the highest and the lowest EJ only (the table has every unit). */
export const EJ_CHART_MAX_UNITS = 60;

/**
 * The units to draw: all of them up to EJ_CHART_MAX_UNITS, else the half with the highest EJ and the half with the
 * lowest (rows come sorted by EJ, highest first; units without EJ go last and are left out then).
 */
export function ejByUnitSelection<T extends EjByUnitDatum>(rows: T[], max = EJ_CHART_MAX_UNITS): { rows: T[]; truncated: boolean } {
  if (rows.length <= max) return { rows, truncated: false };
  const withEj = rows.filter((r) => r.ej != null);
  const half = Math.floor(max / 2);
  return { rows: [...withEj.slice(0, half), ...withEj.slice(-half)], truncated: true };
}

export function ejByUnitChart(rows: EjByUnitDatum[], { width, t, f, unitHref }: ChartContext) {
  const link = unitHref ? (d: EjByUnitDatum) => unitHref(d.unit_id) : undefined;
  const withEj = rows.filter((r) => r.ej != null);
  const without = rows.filter((r) => r.ej == null);
  const max = Math.max(1.25, (t.limits?.overloaded_above ?? 0) * 1.08, ...withEj.map((r) => r.ej! * 1.08));
  const chars = labelChars(width);
  const names = new Map(rows.map((r) => [r.unit_id, r.unit_name]));
  const tip = (d: EjByUnitDatum) =>
    [
      d.unit_name,
      `${t.bands[d.band]} · ${t.cols.ej}: ${f.num2(d.ej)}`,
      `${t.cols.grade} ${d.grade ?? '–'}${d.label ? ` (${d.label})` : ''}`,
      `${t.cols.staff}: ${f.int(d.current_staff)} · ${t.cols.required}: ${f.num1(d.required_staff)}`,
    ].join('\n');
  return Plot.plot({
    width,
    height: 56 + rows.length * 26,
    marginLeft: Math.min(chars * 6.6 + 12, width * 0.45),
    marginRight: 36,
    style: baseStyle,
    ariaLabel: t.overview.ejByUnit,
    x: { label: t.axes.ej, domain: [0, max], grid: true, tickFormat: f.num1 },
    // keyed by unit id (names repeat across the regions of a province), labelled with the name
    y: { label: null, domain: rows.map((r) => r.unit_id), tickFormat: (id: string) => truncate(names.get(id) ?? id, chars) },
    color: bandScale(rows.map((r) => r.band), t),
    marks: [
      Plot.barX(withEj, { x: 'ej', y: 'unit_id', fill: 'band', title: tip, tip: true, insetTop: 3, insetBottom: 3, href: link }),
      Plot.text(withEj, { x: 'ej', y: 'unit_id', text: (d: EjByUnitDatum) => f.num2(d.ej), dx: 4, textAnchor: 'start', fill: INK }),
      Plot.dot(without, { x: 0, y: 'unit_id', symbol: 'times', stroke: 'band', r: 4, title: tip, tip: true, href: link }),
      Plot.ruleX([0], { stroke: INK }),
      Plot.ruleX(t.limits ? [t.limits.slack_below] : [], { stroke: INK, strokeWidth: 2, strokeDasharray: '3 3' }),
      Plot.ruleX(t.limits ? [t.limits.overloaded_above] : [], { stroke: INK, strokeWidth: 2 }),
    ],
  });
}
