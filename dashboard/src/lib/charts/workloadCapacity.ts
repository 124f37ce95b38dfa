/** One unit over time: workload hours vs capacity hours, per month or (annual view) per rolling year. */
import * as Plot from '@observablehq/plot';
import { baseStyle, withinMonths, INK, MUTED, type ChartContext } from './theme';
import { waveMarks, wavesWithin, type WaveDatum } from './waves';

export interface WorkloadCapacityDatum {
  month: Date;
  workload_minutes: number;
  capacity_minutes: number;
  current_staff: number;
  ej: number | null;
}

export function workloadCapacityChart(rows: WorkloadCapacityDatum[], { width, t, f }: ChartContext, selected: Date | null, annual = false, waves: WaveDatum[] = []) {
  const h = t.unit.hoursUnit;
  const long = rows.flatMap((r) => [
    { month: r.month, series: t.unit.workload, hours: r.workload_minutes / 60, r },
    { month: r.month, series: t.unit.capacity, hours: r.capacity_minutes / 60, r },
  ]);
  const tip = (d: (typeof long)[number]) =>
    `${f.month(d.month)}\n${t.unit.workload}: ${f.int(d.r.workload_minutes / 60)} ${h}\n${t.unit.capacity}: ${f.int(
      d.r.capacity_minutes / 60,
    )} ${h} (${f.int(d.r.current_staff)} ${t.unit.people})\n${t.cols.ej}: ${f.num2(d.r.ej)}`;
  const mark = withinMonths(selected, rows.map((r) => r.month));
  return Plot.plot({
    width,
    height: 300,
    marginLeft: 56,
    style: baseStyle,
    ariaLabel: t.unit.history,
    x: { type: 'utc', label: null, tickFormat: f.monthShort, ticks: width < 600 ? '6 months' : '3 months' },
    y: { label: `↑ ${annual ? t.unit.hoursPerYear : t.unit.hoursPerMonth}`, grid: true, zero: true, tickFormat: f.int },
    color: { domain: [t.unit.workload, t.unit.capacity], range: ['#c24e00', '#0067a3'], legend: true },
    marks: [
      mark ? Plot.ruleX([mark], { stroke: MUTED, strokeDasharray: '4 3' }) : null,
      // the rotation waves, those that moved this unit's staff drawn thick (charts/waves.ts)
      ...waveMarks(wavesWithin(waves, rows[0]?.month, rows.at(-1)?.month), { t, f }),
      Plot.ruleY([0], { stroke: INK }),
      Plot.lineY(long, { x: 'month', y: 'hours', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(long, { x: 'month', y: 'hours', fill: 'series', r: 2.5, title: tip, tip: true }),
    ],
  });
}
