/**
 * Axis labels of names (units, positions) cut to a width budget. No $lib imports: unit-tested on its own.
 */

/** between a unit's name and its region in unit.unit_label (core/unit.sql) */
export const REGION_SEPARATOR = ' · ';

/** the usual abbreviations: Kabupaten → Kab., Provinsi → Prov. */
export const shortRegion = (region: string): string => region.replace(/^Kabupaten /, 'Kab. ').replace(/^Provinsi /, 'Prov. ');

/** Shorten long labels for narrow screens (full text stays in tooltips and tables). */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  // a unit of a warehouse of several regions is labelled "<name> · <region>" (core/unit.sql): the region is what
  // tells the many "Dinas Pendidikan" apart, so it is kept (shortened) and the name is cut instead
  const at = s.lastIndexOf(REGION_SEPARATOR);
  if (at > 0) {
    const region = REGION_SEPARATOR + shortRegion(s.slice(at + REGION_SEPARATOR.length));
    const room = max - region.length;
    const name = s.slice(0, at);
    if (room >= 6) return (name.length <= room ? name : `${name.slice(0, room - 1)}…`) + region;
  }
  return `${s.slice(0, Math.max(1, max - 1))}…`;
}
