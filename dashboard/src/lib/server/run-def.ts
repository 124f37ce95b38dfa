/** Run a query module from server code (a page's server load or form action) with validated values. */
import { query, type ParamValue, type QueryResult } from './db';
import type { QueryDef } from './queries/define';

export async function runDef(def: QueryDef, values: Record<string, ParamValue>): Promise<QueryResult> {
  return query(def.sql, { ...(def.constants ?? {}), ...(def.runtime?.() ?? {}), ...values });
}

/** column-major result → plain row objects (bigint → number, for the page data) */
export function rowsOf<T>(r: QueryResult): T[] {
  const out: T[] = [];
  for (let i = 0; i < r.rowCount; i++) {
    const row: Record<string, unknown> = {};
    r.names.forEach((n, c) => {
      const v = r.columns[c]?.[i] ?? null;
      row[n] = typeof v === 'bigint' ? Number(v) : v;
    });
    out.push(row as T);
  }
  return out;
}
