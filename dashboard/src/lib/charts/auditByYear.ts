/** Audit: transfers per year (effective date), stacked by the result of the selected check. */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';
import { longByStatus, statusScale, type StatusCounts } from './auditStatus';

export interface AuditYearDatum extends StatusCounts {
  year: number;
}

export function auditByYearChart(rows: AuditYearDatum[], { width, t, f }: ChartContext, ruleLabel: string, selectedYear: number | null) {
  const long = longByStatus(rows, t).filter((d) => d.count > 0);
  const tip = (d: (typeof long)[number]) =>
    [
      `${d.row.year} — ${ruleLabel}`,
      `${t.audit.cols.transfers}: ${f.int(d.row.transfers)}`,
      `${t.audit.status.passed}: ${f.int(d.row.passed)}`,
      `${t.audit.status.failed}: ${f.int(d.row.failed)}`,
      `${t.audit.status.unknown}: ${f.int(d.row.unknown)}`,
      `${t.audit.cols.rate}: ${f.pct1(d.row.rate)}`,
    ].join('\n');
  const years = rows.map((r) => r.year);
  const every = Math.max(1, Math.ceil(years.length / Math.max(4, Math.floor(width / 56))));
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 48,
    style: baseStyle,
    ariaLabel: t.audit.byYear,
    x: { label: null, type: 'band', domain: years, tickFormat: (y: number) => (years.indexOf(y) % every === 0 ? String(y) : ''), padding: 0.15 },
    y: { label: t.audit.axisTransfers, grid: true, tickFormat: (v: number) => (Number.isInteger(v) ? f.int(v) : '') },
    color: statusScale(t),
    marks: [
      selectedYear != null && years.includes(selectedYear)
        ? Plot.barY([selectedYear], { x: (y: number) => y, y1: 0, y2: Math.max(...rows.map((r) => r.transfers)) * 1.04, fill: '#eef0f3' })
        : null,
      Plot.barY(long, { x: (d) => d.row.year, y: 'count', fill: 'label', title: tip, tip: true }),
      Plot.ruleY([0], { stroke: INK }),
    ],
  });
}
