/**
 * The spellings the sample deliberately mixes, as the data contract accepts them (docs/data-contract.md,
 * "Values"): NIPs with spaces, dots or plain; dates as `2024-01-12`, `12-01-2024` or `12 Januari 2024`;
 * golongan as `III/a`, `III-A`, `3A` or `IIIa`; Indonesian numbers with thousands dots and decimal commas.
 */
import { formatDate } from './calendar.ts';
import type { DateStyle } from './calendar.ts';
import { formatNip } from './nip.ts';
import type { NipStyle } from './nip.ts';
import type { Rng } from './rng.ts';
import { ROMAN } from './staff.ts';

export function pickNipStyle(rng: Rng): NipStyle {
  const r = rng.next();
  return r < 0.75 ? 'spaces' : r < 0.9 ? 'dots' : 'plain';
}

export function pickDateStyle(rng: Rng): DateStyle {
  const r = rng.next();
  return r < 0.34 ? 'long' : r < 0.67 ? 'dmy' : 'iso';
}

export function nipText(rng: Rng, nip: string): string {
  return formatNip(nip, pickNipStyle(rng));
}
export function dateText(rng: Rng, day: number): string {
  return formatDate(day, pickDateStyle(rng));
}

/** `III/a` → one of `III/a`, `III-A`, `3A`, `IIIa`; PPPK `IX` → `IX` (or `9` now and then) */
export function golonganText(rng: Rng, canonical: string): string {
  const slash = canonical.indexOf('/');
  if (slash < 0) return rng.chance(0.15) ? String(ROMAN.indexOf(canonical) + 1) : canonical;
  const roman = canonical.slice(0, slash);
  const letter = canonical.slice(slash + 1);
  const r = rng.next();
  if (r < 0.55) return canonical;
  if (r < 0.7) return `${roman}-${letter.toUpperCase()}`;
  if (r < 0.85) return `${ROMAN.indexOf(roman) + 1}${letter.toUpperCase()}`;
  return `${roman}${letter}`;
}

/** Indonesian thousands separator: 1250 → `1.250` */
export function idThousands(n: number): string {
  const s = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += '.';
    out += s[i];
  }
  return (n < 0 ? '-' : '') + out;
}

/** Indonesian decimal: 7.5 → `7,5`, 30 → `30` */
export function idDecimal(x: number): string {
  return Number.isInteger(x) ? idThousands(x) : `${idThousands(Math.trunc(x))},${String(x).split('.')[1]}`;
}
