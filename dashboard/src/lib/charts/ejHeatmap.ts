/**
 * Unit × month heat map, each cell coloured by its plain band (the balanced band of the settings in force, t.limits,
 * default 0.90–1.10): the same colours as the EJ bar chart, with a legend swatch for every band shown, "no staff"
 * included. A diverging scale pivoted at one threshold painted EJ 1.03 as a shortage (issue 16).
 */
import * as Plot from '@observablehq/plot';
import type { Band } from '$lib/types';
import { bandScale, baseStyle, labelChars, truncate, type ChartContext } from './theme';

export interface HeatmapDatum {
  unit_id: string;
  unit_name: string;
  depth: number;
  month: Date;
  ej: number | null;
  band: Band;
  current_staff: number;
}

export function ejHeatmapChart(rows: HeatmapDatum[], { width, t, f, unitHref }: ChartContext, selected: Date | null) {
  const chars = labelChars(width) - 2;
  // rows are keyed by unit id (names repeat across the regions of a province), labelled with the name
  const units: string[] = [];
  const names = new Map<string, { name: string; depth: number }>();
  for (const r of rows) {
    if (!names.has(r.unit_id)) {
      units.push(r.unit_id);
      names.set(r.unit_id, { name: r.unit_name, depth: r.depth });
    }
  }
  const months = [...new Set(rows.map((r) => +r.month))].sort((a, b) => a - b).map((m) => new Date(m));
  const step = width < 500 ? 12 : width < 900 ? 6 : 3;
  const ticks = months.filter((_, i) => (months.length - 1 - i) % step === 0);
  const tip = (d: HeatmapDatum) =>
    `${d.unit_name}\n${f.month(d.month)}\n${t.cols.ej}: ${f.num2(d.ej)} (${t.bands[d.band]})\n${t.cols.staff}: ${f.int(d.current_staff)}`;
  const label = (id: string) => {
    const u = names.get(id);
    return `${(u?.depth ?? 0) > 0 ? '· ' : ''}${truncate(u?.name ?? id, chars)}`;
  };
  return Plot.plot({
    width,
    height: 70 + units.length * 24,
    marginLeft: Math.min(chars * 6.6 + 20, width * 0.42),
    marginBottom: 36,
    style: baseStyle,
    ariaLabel: t.overview.heatmap,
    x: { type: 'band', label: null, domain: months, ticks, tickFormat: f.monthShort, padding: 0 },
    y: { label: null, domain: units, tickFormat: label, padding: 0 },
    color: bandScale(rows.map((r) => r.band), t),
    marks: [
      Plot.cell(rows, { x: 'month', y: 'unit_id', fill: 'band', inset: 0.5, title: tip, tip: true, href: unitHref ? (d: HeatmapDatum) => unitHref(d.unit_id) : undefined }),
      selected
        ? Plot.cell(units.map((u) => ({ u })), { x: () => selected, y: 'u', fill: 'none', stroke: '#111', strokeWidth: 1.5 })
        : null,
    ],
  });
}
