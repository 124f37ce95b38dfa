/**
 * How far DuckDB is with the statement running on a connection (its own progress estimate: rows processed of
 * the rows to process), polled while a long step runs, so a national build shows movement instead of a silent
 * minute. DuckDB tracks progress only with `enable_progress_bar` on (its own printing stays off).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export const PROGRESS_SETTINGS = 'SET enable_progress_bar = true; SET enable_progress_bar_print = false;';

/** Calls `report(percent)` while the connection's statement advances; returns the function that stops watching. */
export function watchQueryProgress(conn: DuckDBConnection, report: (percent: number) => void, everyMs = 500): () => void {
  let last = -1;
  const timer = setInterval(() => {
    const p = conn.progress.percentage;
    // -1 until DuckDB has an estimate (and between statements); report only changes
    if (p >= 0 && Math.floor(p) !== last) {
      last = Math.floor(p);
      report(Math.min(100, Math.max(0, p)));
    }
  }, everyMs);
  return () => clearInterval(timer);
}
