/**
 * Page-side data access: fetch a named endpoint (Arrow IPC stream), decode it with apache-arrow and hand the
 * pages plain row objects. Runs in universal `load` functions: on the server SvelteKit calls the endpoint
 * directly and inlines the bytes into the page; in the browser it is an ordinary HTTP request (revalidated by
 * ETag). Errors do not throw: a dataset carries its error so each chart can say what is missing.
 */
import { DataType, tableFromIPC, type Table } from 'apache-arrow';

export type Fetch = typeof fetch;

export interface DataError {
  status: number;
  /** `warehouse_unavailable`, `warehouse_outdated`, `bad_request`, `query_failed`, `network` */
  code: string;
  message: string;
  /** warehouse_outdated: the schema version found (null: none) and the one this dashboard reads, the rebuild command */
  schema?: { found: number | null; expected: number; rebuild: string };
}

export interface Dataset<T> {
  rows: T[];
  error: DataError | null;
  /** the same data as CSV (for the download link) */
  csv: string;
}

export type Params = Record<string, string | null | undefined>;

export function apiUrl(path: string, params: Params = {}, format?: 'csv'): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') qs.set(k, v);
  if (format) qs.set('format', format);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Arrow table → plain objects. Dates (DateDay / Timestamp) become Date; lists become arrays. */
export function tableRows<T>(table: Table): T[] {
  const cols = table.schema.fields.map((f) => ({
    name: f.name,
    vector: table.getChild(f.name)!,
    isDate: DataType.isDate(f.type) || DataType.isTimestamp(f.type),
    isList: DataType.isList(f.type),
  }));
  const rows: T[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const c of cols) {
      let v = c.vector.get(i) as unknown;
      if (v != null && c.isDate) v = new Date(v as number);
      else if (v != null && c.isList) v = [...(v as Iterable<unknown>)];
      else if (typeof v === 'bigint') v = Number(v);
      row[c.name] = v ?? null;
    }
    rows[i] = row as T;
  }
  return rows;
}

export async function loadData<T>(fetch: Fetch, path: string, params: Params = {}): Promise<Dataset<T>> {
  const url = apiUrl(path, params);
  const csv = apiUrl(path, params, 'csv');
  try {
    const res = await fetch(url);
    if (!res.ok) {
      const error: DataError = { status: res.status, code: 'http_error', message: `HTTP ${res.status}` };
      try {
        const body = (await res.json()) as { error?: string; reason?: string; message?: string; schema_version?: number | null; expected?: number; rebuild?: string };
        // a month (or region) the warehouse does not hold: the page already says so (MonthNotices); its charts
        // show their empty state rather than an error
        if (res.status === 400 && body.reason === 'outside_warehouse') return { rows: [], error: null, csv };
        error.code = body.error ?? error.code;
        error.message = body.message ?? error.message;
        if (body.error === 'warehouse_outdated' && typeof body.expected === 'number') {
          error.schema = { found: body.schema_version ?? null, expected: body.expected, rebuild: body.rebuild ?? '' };
        }
      } catch {
        /* not JSON */
      }
      return { rows: [], error, csv };
    }
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    return { rows: tableRows<T>(table), error: null, csv };
  } catch (err) {
    return { rows: [], error: { status: 0, code: 'network', message: (err as Error).message }, csv };
  }
}
