/**
 * Shared look of the charts: band colours (Okabe–Ito, readable with colour-blindness, ≥ 3:1 against white),
 * fonts and small helpers. Every chart also says its values in text (tooltip and data table), so colour is
 * never the only carrier of meaning.
 */
import type { Band } from '$lib/types';
import type { Formats, Texts } from '$lib/i18n';

export const BAND_ORDER: Band[] = ['overloaded', 'balanced', 'slack', 'unstaffed', 'idle'];
export const BAND_COLORS: Record<Band, string> = {
  overloaded: '#c24e00',
  balanced: '#00836a',
  slack: '#0067a3',
  unstaffed: '#9e4f86',
  idle: '#767676',
};
export const INK = '#1d1d1f';
export const MUTED = '#5c5c66';

export interface ChartContext {
  width: number;
  t: Texts;
  f: Formats;
  /** the link to a unit's page (keeping month, view and region): marks of a unit become links (Plot's href channel) */
  unitHref?: (unitId: string) => string;
}

export const baseStyle = { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible' } as const;

/** Bands present in the data, in the canonical order, as a Plot color scale with a legend in plain words. */
export function bandScale(bands: Iterable<Band | null | undefined>, t: Texts) {
  const present = new Set([...bands].filter(Boolean) as Band[]);
  const domain = BAND_ORDER.filter((b) => present.has(b));
  return {
    domain,
    range: domain.map((b) => BAND_COLORS[b]),
    legend: true,
    tickFormat: (b: Band) => t.bands[b],
  };
}

/** The selected month when it lies within the months of the data (a rule outside would stretch the axis). */
export function withinMonths(selected: Date | null, months: Date[]): Date | null {
  if (!selected || months.length === 0) return null;
  const t = +selected;
  let min = Infinity;
  let max = -Infinity;
  for (const m of months) {
    min = Math.min(min, +m);
    max = Math.max(max, +m);
  }
  return t >= min && t <= max ? selected : null;
}

export { truncate } from './labels';

/** Label width budget for a y axis of names. */
export function labelChars(width: number): number {
  return width < 480 ? 16 : width < 800 ? 26 : 38;
}
