/**
 * The warm-up's parameter sets (lib/server/endpoints.ts `warm`) with their tokens replaced by the warehouse's values:
 * `$latest` the latest month, `$window_from` / `$window_to` the analysis window's first and last year, `$window_year`
 * each year of the window in turn. Pure, so it is unit-tested (test/unit/warm-sets.test.ts).
 */
import { analysisWindow } from '../params.ts';

export const LATEST_MONTH = '$latest';
export const WINDOW_FROM = '$window_from';
export const WINDOW_TO = '$window_to';
export const WINDOW_YEAR = '$window_year';

/** A declared warm-up set with its tokens replaced: none when a token has no value, one per year for WINDOW_YEAR. */
export function expandWarmSet(set: Record<string, string>, latest: string | null): Record<string, string>[] {
  const window = latest ? analysisWindow([latest]) : null;
  const values = Object.values(set);
  if (values.includes(LATEST_MONTH) && !latest) return [];
  if (values.some((v) => v === WINDOW_FROM || v === WINDOW_TO || v === WINDOW_YEAR) && !window) return [];
  const years = values.includes(WINDOW_YEAR) && window ? Array.from({ length: window.to - window.from + 1 }, (_, i) => String(window.from + i)) : [null];
  return years.map((year) =>
    Object.fromEntries(
      Object.entries(set).map(([k, v]) => [
        k,
        v === LATEST_MONTH ? latest! : v === WINDOW_FROM ? String(window!.from) : v === WINDOW_TO ? String(window!.to) : v === WINDOW_YEAR ? year! : v,
      ]),
    ),
  );
}
