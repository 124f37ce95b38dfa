/**
 * Rotation-wave markers for the time-trend charts (Ringkasan's imbalance trend, the unit page's workload and transfer
 * charts): one vertical line per wave (a collective rotasi_berkala decree, mart rotation_wave_transfer) inside the
 * months drawn, with a tooltip naming the month and the people moved. On a unit's chart the waves that moved this
 * unit's staff are drawn thick and labelled, the region's other waves thin: they are city-wide, so they may explain
 * a neighbour's change, but they did not touch this unit.
 */
import * as Plot from '@observablehq/plot';
import type { ChartContext } from './theme';

export const WAVE_COLOR = '#00836a';

export interface WaveDatum {
  month: Date;
  /** people the wave moved in the region */
  moved: number;
  /** moves into / out of the unit of the chart; absent on a chart of the whole region */
  arrivals?: number;
  departures?: number;
}

/** A wave moved the chart's unit's staff (always true on a chart of the whole region). */
export const touchesUnit = (w: WaveDatum) => w.arrivals === undefined || w.arrivals + (w.departures ?? 0) > 0;

/** The waves inside [first, last] (a marker outside would stretch the time axis). */
export function wavesWithin(waves: WaveDatum[], first: Date | undefined, last: Date | undefined): WaveDatum[] {
  return first && last ? waves.filter((w) => +w.month >= +first && +w.month <= +last) : [];
}

/**
 * Plot marks for the waves (already limited to the chart's months): the lines (class `wave-unit` for the waves that
 * touched the unit, `wave-other` for the others), a label over each line that touched it, and a wider transparent
 * line under each (`wave-hit`) carrying the same tooltip as the lines, easier to point at than a 1.5 px line.
 */
export function waveMarks(waves: WaveDatum[], { t, f }: Pick<ChartContext, 't' | 'f'>): Plot.Markish[] {
  if (waves.length === 0) return [];
  const tip = (w: WaveDatum) =>
    `${t.waves.tip(f.month(w.month), f.int(w.moved))}` +
    (w.arrivals === undefined ? '' : `\n${touchesUnit(w) ? t.waves.unitMoves(f.int(w.arrivals), f.int(w.departures ?? 0)) : t.waves.unitNone}`);
  const mine = waves.filter(touchesUnit);
  const other = waves.filter((w) => !touchesUnit(w));
  const unitChart = waves.some((w) => w.arrivals !== undefined);
  return [
    Plot.ruleX(waves, { x: 'month', stroke: WAVE_COLOR, strokeOpacity: 0, strokeWidth: 10, title: tip, className: 'wave-hit' }),
    Plot.ruleX(other, { x: 'month', stroke: WAVE_COLOR, strokeWidth: 1, strokeOpacity: 0.5, title: tip, className: 'wave wave-other' }),
    Plot.ruleX(mine, { x: 'month', stroke: WAVE_COLOR, strokeWidth: unitChart ? 2.5 : 1.5, title: tip, className: 'wave wave-unit' }),
    Plot.text(mine, { x: 'month', text: () => t.waves.mark, frameAnchor: 'top', dy: -2, textAnchor: 'start', dx: 3, fill: WAVE_COLOR, className: 'wave-label' }),
  ];
}

/** The caption sentence of a unit's chart: the months of the waves that moved its staff and of the others. */
export function unitWaveCaption(waves: WaveDatum[], { t, f }: Pick<ChartContext, 't' | 'f'>): string {
  if (waves.length === 0) return '';
  return t.waves.unitCaption(waves.filter(touchesUnit).map((w) => f.month(w.month)), waves.filter((w) => !touchesUnit(w)).map((w) => f.month(w.month)));
}
