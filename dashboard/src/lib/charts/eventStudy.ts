/**
 * Event study: the average effect on receiving units by months since their rotation wave (dynamic aggregation of
 * Callaway & Sant'Anna's ATT(g,t)), with its simultaneous 95 % band. Months before the wave (grey) are placebo
 * comparisons: near zero when the parallel-trends assumption is plausible.
 */
import * as Plot from '@observablehq/plot';
import { baseStyle, INK, MUTED, type ChartContext } from './theme';
import { EFFECT_DIGITS, type EffectDatum } from './effectTypes';

const POST = '#0f4c5c';
const PRE = '#767676';

export function eventStudyChart(rows: EffectDatum[], { width, t, f }: ChartContext, outcome: string) {
  const data = rows.filter((r) => r.event_time != null && r.att != null);
  const unit = t.dampak.outcomes[outcome]?.unit ?? '';
  const digits = EFFECT_DIGITS[outcome] ?? 2;
  const phase = (r: EffectDatum) => (r.event_time! < 0 ? t.dampak.before : t.dampak.after);
  const tip = (r: EffectDatum) =>
    [
      `${t.dampak.cols.eventTime}: ${f.int(r.event_time)}`,
      `${t.dampak.cols.effect}: ${f.signed(r.att, digits)} ${unit}`,
      `95 %: ${f.signed(r.ci_low, digits)} … ${f.signed(r.ci_high, digits)}`,
      `${t.dampak.cols.units}: ${f.int(r.n_treated)}`,
    ].join('\n');
  const band = (pre: boolean) => data.filter((r) => r.ci_low != null && r.ci_high != null && r.event_time! < 0 === pre);
  return Plot.plot({
    width,
    height: 320,
    marginLeft: 56,
    // room for the x-axis title on its own line below the tick labels (issue 16: titles ran over the ticks)
    marginBottom: 48,
    style: baseStyle,
    ariaLabel: t.dampak.eventStudy,
    x: { labelOffset: 40, label: t.dampak.axisEvent, grid: false },
    y: { label: t.dampak.axisEffect(unit), grid: true, tickFormat: (v: number) => f.signed(v, digits) },
    color: { domain: [t.dampak.before, t.dampak.after], range: [PRE, POST], legend: true },
    marks: [
      Plot.areaY(band(true), { x: 'event_time', y1: 'ci_low', y2: 'ci_high', fill: PRE, fillOpacity: 0.18 }),
      Plot.areaY(band(false), { x: 'event_time', y1: 'ci_low', y2: 'ci_high', fill: POST, fillOpacity: 0.18 }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.ruleX([-0.5], { stroke: MUTED, strokeDasharray: '4 3' }),
      Plot.lineY(data, { x: 'event_time', y: 'att', stroke: phase, strokeWidth: 1.5 }),
      Plot.dot(data, { x: 'event_time', y: 'att', fill: phase, r: 2.8, title: tip, tip: true }),
    ],
  });
}
