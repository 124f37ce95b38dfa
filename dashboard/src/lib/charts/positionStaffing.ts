/** Positions of one unit: required staff (hollow circle) vs staff in post (dot), linked. */
import * as Plot from '@observablehq/plot';
import { BAND_COLORS, baseStyle, INK, labelChars, truncate, type ChartContext } from './theme';

export interface PositionStaffingDatum {
  position_id: string;
  title: string;
  required_staff: number;
  required_staff_rounded: number;
  current_staff: number;
  /** rounded required − current: > 0 short, < 0 surplus (staffing_need.shortfall) */
  shortfall: number;
  missing_competencies?: string[] | null;
}

export function positionStaffingChart(rows: PositionStaffingDatum[], { width, t, f }: ChartContext) {
  const counts = new Map<string, number>();
  rows.forEach((r) => counts.set(r.title, (counts.get(r.title) ?? 0) + 1));
  const data = rows.map((r) => ({ ...r, label: (counts.get(r.title) ?? 0) > 1 ? `${r.title} (${r.position_id})` : r.title }));
  const chars = labelChars(width);
  const color = (d: { shortfall: number }) => (d.shortfall > 0 ? BAND_COLORS.overloaded : d.shortfall < 0 ? BAND_COLORS.slack : BAND_COLORS.balanced);
  const tip = (d: (typeof data)[number]) =>
    [
      d.label,
      `${t.cols.required}: ${f.num1(d.required_staff)} (≈ ${f.int(d.required_staff_rounded)})`,
      `${t.cols.staff}: ${f.int(d.current_staff)}`,
      `${t.unit.shortfallCol}: ${f.int(d.shortfall)}`,
      d.missing_competencies?.length ? `${t.unit.missing}: ${d.missing_competencies.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join('\n');
  const max = Math.max(1, ...data.map((d) => Math.max(d.required_staff, d.current_staff))) * 1.1;
  const marginLeft = Math.min(chars * 6.6 + 12, width * 0.45);
  // about one tick per 60 px of plot: "1.000" labels do not overlap on a phone (issue 16)
  const ticks = Math.max(2, Math.min(Math.ceil(max), 10, Math.floor((width - marginLeft - 20) / 60)));
  return Plot.plot({
    width,
    height: 76 + data.length * 30,
    marginLeft,
    marginBottom: 44,
    style: baseStyle,
    ariaLabel: t.unit.positions,
    x: {
      label: t.axes.people,
      domain: [0, max],
      grid: true,
      ticks,
      // the axis title centred under the ticks, not beside the last one
      labelAnchor: 'center',
      labelOffset: 38,
      tickFormat: (v: number) => (Number.isInteger(v) ? f.int(v) : ''),
    },
    y: { label: null, domain: data.map((d) => d.label), tickFormat: (s: string) => truncate(s, chars) },
    marks: [
      Plot.ruleX([0], { stroke: INK }),
      Plot.link(data, { x1: 'required_staff', x2: 'current_staff', y1: 'label', y2: 'label', stroke: color, strokeWidth: 3 }),
      Plot.dot(data, { x: 'required_staff', y: 'label', r: 6, fill: 'white', stroke: INK, strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'current_staff', y: 'label', r: 5.5, fill: color, title: tip, tip: true }),
    ],
  });
}
