/**
 * The overall effect by two methods side by side: Callaway & Sant'Anna (the simple aggregation) and the naive
 * two-way fixed-effects regression, which can be biased under staggered timing (Goodman-Bacon 2021).
 */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';
import { EFFECT_DIGITS, type EffectDatum } from './effectTypes';

export function estimatorComparisonChart(rows: EffectDatum[], { width, t, f }: ChartContext, outcome: string) {
  const unit = t.dampak.outcomes[outcome]?.unit ?? '';
  const digits = EFFECT_DIGITS[outcome] ?? 2;
  const pick = (a: string) => rows.find((r) => r.aggregation === a && r.att != null);
  const data = [
    { method: t.dampak.cs, r: pick('simple'), color: '#0f4c5c' },
    { method: t.dampak.twfe, r: pick('twfe'), color: '#c24e00' },
  ].filter((d): d is { method: string; r: EffectDatum; color: string } => !!d.r);
  const tip = (d: (typeof data)[number]) =>
    [d.method, `${t.dampak.cols.effect}: ${f.signed(d.r.att, digits)} ${unit}`, `95 %: ${f.signed(d.r.ci_low, digits)} … ${f.signed(d.r.ci_high, digits)}`].join('\n');
  const lo = Math.min(0, ...data.map((d) => d.r.ci_low ?? d.r.att!));
  const hi = Math.max(0, ...data.map((d) => d.r.ci_high ?? d.r.att!));
  const pad = (hi - lo) * 0.1 || 1;
  const narrow = width < 560;
  return Plot.plot({
    width,
    height: 140,
    marginBottom: 44,
    marginLeft: narrow ? 150 : 290,
    marginRight: 24,
    style: baseStyle,
    ariaLabel: t.dampak.compare,
    x: { label: `${t.dampak.cols.effect} (${unit}) →`, domain: [lo - pad, hi + pad], grid: true, tickFormat: (v: number) => f.signed(v, digits) },
    y: { label: null, domain: data.map((d) => d.method), tickFormat: (s: string) => (narrow && s.length > 22 ? `${s.slice(0, 21)}…` : s) },
    marks: [
      Plot.ruleX([0], { stroke: INK }),
      Plot.ruleY(data.filter((d) => d.r.ci_low != null), { y: 'method', x1: (d) => d.r.ci_low, x2: (d) => d.r.ci_high, stroke: 'color', strokeWidth: 2.5 }),
      Plot.dot(data, { x: (d) => d.r.att, y: 'method', r: 6, fill: 'color', title: tip, tip: true }),
      Plot.text(data, { x: (d) => d.r.att, y: 'method', text: (d) => f.signed(d.r.att, digits), dy: -12, fill: INK }),
    ],
  });
}
