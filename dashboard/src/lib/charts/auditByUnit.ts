/** Audit: transfers into each receiving unit, stacked by the result of the selected check (units with most breaches first). */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, labelChars, truncate, type ChartContext } from './theme';
import { longByStatus, statusScale, type StatusCounts } from './auditStatus';

export interface AuditUnitDatum extends StatusCounts {
  unit_id: string;
  unit_name: string;
}

/** how many units the chart shows (the table has them all) */
export const TOP_UNITS = 20;

export function auditByUnitChart(rows: AuditUnitDatum[], { width, t, f }: ChartContext) {
  const shown = rows.slice(0, TOP_UNITS);
  const long = longByStatus(shown, t).filter((d) => d.count > 0);
  const chars = labelChars(width);
  const tip = (d: (typeof long)[number]) =>
    [
      d.row.unit_name,
      `${t.audit.cols.transfers}: ${f.int(d.row.transfers)}`,
      `${t.audit.status.passed}: ${f.int(d.row.passed)}`,
      `${t.audit.status.failed}: ${f.int(d.row.failed)}`,
      `${t.audit.status.unknown}: ${f.int(d.row.unknown)}`,
      `${t.audit.cols.rate}: ${f.pct1(d.row.rate)}`,
    ].join('\n');
  return Plot.plot({
    width,
    height: 60 + shown.length * 26,
    marginLeft: Math.min(chars * 6.6 + 12, width * 0.45),
    marginRight: width < 560 ? 40 : 130,
    style: baseStyle,
    ariaLabel: t.audit.byUnit,
    x: { label: t.audit.axisCount, grid: true, tickFormat: (v: number) => (Number.isInteger(v) ? f.int(v) : '') },
    y: { label: null, domain: shown.map((r) => r.unit_name), tickFormat: (s: string) => truncate(s, chars) },
    color: statusScale(t),
    marks: [
      Plot.barX(long, { x: 'count', y: (d) => d.row.unit_name, fill: 'label', insetTop: 3, insetBottom: 3, title: tip, tip: true }),
      // the number not met at the end of each bar (the colour alone would be a thin sliver)
      Plot.text(shown.filter((r) => r.failed > 0), {
        x: 'transfers',
        y: 'unit_name',
        text: (r: AuditUnitDatum) => (width < 560 ? f.int(r.failed) : `${f.int(r.failed)} ${t.audit.status.failed.toLowerCase()}`),
        dx: 5,
        textAnchor: 'start',
        fill: INK,
      }),
      Plot.ruleX([0], { stroke: INK }),
    ],
  });
}
