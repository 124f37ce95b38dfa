/** Effect by rotation wave (cohort): each wave's average post-wave effect with its 95 % interval, and the average. */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';
import { EFFECT_DIGITS, type EffectDatum } from './effectTypes';

export function effectByGroupChart(rows: EffectDatum[], { width, t, f }: ChartContext, outcome: string) {
  const unit = t.dampak.outcomes[outcome]?.unit ?? '';
  const digits = EFFECT_DIGITS[outcome] ?? 2;
  const narrow = width < 520;
  // "Gelombang Juli 2023 (5 unit)", or "Jul 23 (5)" on a phone
  const label = (r: EffectDatum) =>
    r.group == null
      ? t.dampak.overall
      : narrow
        ? `${r.group_month ? f.monthShort(r.group_month) : `t = ${r.group}`} (${f.int(r.n_treated)})`
        : t.dampak.wave(r.group_month ? f.month(r.group_month) : `t = ${r.group}`, f.int(r.n_treated));
  const data = rows.filter((r) => r.att != null).map((r) => ({ ...r, label: label(r), overall: r.group == null }));
  type Row = (typeof data)[number];
  const color = (r: Row) => (r.overall ? INK : '#0f4c5c');
  const tip = (r: (typeof data)[number]) =>
    [r.label, `${t.dampak.cols.effect}: ${f.signed(r.att, digits)} ${unit}`, `95 %: ${f.signed(r.ci_low, digits)} … ${f.signed(r.ci_high, digits)}`].join('\n');
  const lo = Math.min(0, ...data.map((r) => r.ci_low ?? r.att!));
  const hi = Math.max(0, ...data.map((r) => r.ci_high ?? r.att!));
  const pad = (hi - lo) * 0.08 || 1;
  return Plot.plot({
    width,
    height: 60 + data.length * 36,
    marginLeft: narrow ? 96 : 210,
    marginRight: 24,
    marginBottom: 44,
    style: baseStyle,
    ariaLabel: t.dampak.byGroup,
    x: { label: `${t.dampak.cols.effect} (${unit}) →`, domain: [lo - pad, hi + pad], grid: true, tickFormat: (v: number) => f.signed(v, digits) },
    y: { label: null, domain: data.map((r) => r.label) },
    marks: [
      Plot.ruleX([0], { stroke: INK }),
      Plot.ruleY(data.filter((r) => r.ci_low != null), { y: 'label', x1: 'ci_low', x2: 'ci_high', stroke: color, strokeWidth: 2.5 }),
      Plot.dot(data, { x: 'att', y: 'label', r: 5, fill: color, symbol: (r: Row) => (r.overall ? 'diamond' : 'circle'), title: tip, tip: true }),
    ],
  });
}
