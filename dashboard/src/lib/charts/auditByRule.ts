/** Audit: for each rule, the share of transfers that met it, did not, or could not be checked (100 % stacked bars). */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';
import { longByStatus, statusScale, type StatusCounts } from './auditStatus';

export interface AuditRuleDatum extends StatusCounts {
  rule: string;
  severity: string;
}

export function auditByRuleChart(rows: AuditRuleDatum[], { width, t, f }: ChartContext) {
  const label = (r: AuditRuleDatum) => t.audit.rules[r.rule] ?? r.rule;
  const long = longByStatus(rows, t).filter((d) => d.count > 0);
  const tip = (d: (typeof long)[number]) =>
    [
      `${label(d.row)} (${t.audit.severity[d.row.severity] ?? d.row.severity}, ${t.audit.basis[d.row.rule] ?? ''})`,
      `${t.audit.status.passed}: ${f.int(d.row.passed)}`,
      `${t.audit.status.failed}: ${f.int(d.row.failed)}`,
      `${t.audit.status.unknown}: ${f.int(d.row.unknown)}`,
      `${t.audit.cols.rate}: ${f.pct1(d.row.rate)}`,
    ].join('\n');
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: 50 + rows.length * 40,
    marginLeft: narrow ? 150 : 230,
    marginRight: 56,
    marginBottom: 44,
    style: baseStyle,
    ariaLabel: t.audit.byRule,
    x: { label: t.audit.axisShare, domain: [0, 1], tickFormat: f.pct, grid: true, ticks: narrow ? 3 : 5 },
    y: { label: null, domain: rows.map(label), tickFormat: (s: string) => (narrow && s.length > 22 ? `${s.slice(0, 21)}…` : s) },
    color: statusScale(t),
    marks: [
      Plot.barX(long, { x: 'share', y: (d) => label(d.row), fill: 'label', insetTop: 4, insetBottom: 4, title: tip, tip: true }),
      Plot.text(rows, { x: 1, y: label, text: (r: AuditRuleDatum) => f.pct1(r.rate), dx: 6, textAnchor: 'start', fill: INK }),
      Plot.ruleX([0], { stroke: INK }),
    ],
  });
}
