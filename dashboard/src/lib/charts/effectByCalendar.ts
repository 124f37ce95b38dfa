/** Effect by calendar month: the average effect on the units that had gained staff by then, with its 95 % band. */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, type ChartContext } from './theme';
import { EFFECT_DIGITS, type EffectDatum } from './effectTypes';

export function effectByCalendarChart(rows: EffectDatum[], { width, t, f }: ChartContext, outcome: string) {
  const data = rows.filter((r) => r.time_month != null && r.att != null);
  const unit = t.dampak.outcomes[outcome]?.unit ?? '';
  const digits = EFFECT_DIGITS[outcome] ?? 2;
  const tip = (r: EffectDatum) =>
    [
      f.month(r.time_month!),
      `${t.dampak.cols.effect}: ${f.signed(r.att, digits)} ${unit}`,
      `95 %: ${f.signed(r.ci_low, digits)} … ${f.signed(r.ci_high, digits)}`,
      `${t.dampak.cols.units}: ${f.int(r.n_treated)}`,
    ].join('\n');
  return Plot.plot({
    width,
    height: 280,
    marginLeft: 56,
    style: baseStyle,
    ariaLabel: t.dampak.byCalendar,
    x: { type: 'utc', label: null, tickFormat: f.monthShort, ticks: width < 600 ? 4 : 8 },
    y: { label: t.dampak.axisEffect(unit), grid: true, tickFormat: (v: number) => f.signed(v, digits) },
    marks: [
      Plot.areaY(data.filter((r) => r.ci_low != null), { x: 'time_month', y1: 'ci_low', y2: 'ci_high', fill: '#0f4c5c', fillOpacity: 0.18 }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.lineY(data, { x: 'time_month', y: 'att', stroke: '#0f4c5c', strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'time_month', y: 'att', fill: '#0f4c5c', r: 2.5, title: tip, tip: true }),
    ],
  });
}
