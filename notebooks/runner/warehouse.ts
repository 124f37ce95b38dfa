/** The warehouse a notebook reads: opened read-only, rows as plain JS values, the settings of its build. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_SETTINGS, mergeSettings, type Settings, type SettingsOverride } from '#domain/settings.ts';

export interface Warehouse {
  conn: DuckDBConnection;
  settings: Settings;
  builtAt: string | null;
  schemaVersion: number | null;
  close(): void;
}

/** DuckDB values as plain JS: BIGINT → number, DATE/TIMESTAMP → Date (UTC), DECIMAL → number, LIST → array. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

export type Row = Record<string, unknown>;

export async function query(conn: DuckDBConnection, sql: string, params?: Record<string, unknown> | unknown[]): Promise<Row[]> {
  const r = await conn.runAndReadAll(sql, params as never);
  return r.getRowObjectsJS().map((o) => plain(o) as Row);
}

export async function openWarehouse(path: string): Promise<Warehouse> {
  const inst = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const conn = await inst.connect();
  // the settings the build used (build_info.settings), over the defaults: a warehouse built before a setting existed
  // reads that setting's default
  const info = (await query(conn, 'SELECT settings, CAST(built_at AS VARCHAR) AS built_at, schema_version FROM build_info'))[0];
  let override: SettingsOverride = {};
  try {
    override = JSON.parse(String(info?.settings ?? '{}')) as SettingsOverride;
  } catch {
    /* an unreadable settings field: the defaults */
  }
  const settings = mergeSettings(DEFAULT_SETTINGS, override);
  // JSON has no -Infinity: the last grade's open lower bound is stored as null
  settings.workload.ej_grades = settings.workload.ej_grades.map((g) => ({ ...g, min: g.min === null ? -Infinity : g.min }));
  return {
    conn,
    settings,
    builtAt: (info?.built_at as string | undefined) ?? null,
    schemaVersion: (info?.schema_version as number | undefined) ?? null,
    close: () => {
      conn.closeSync();
      inst.closeSync();
    },
  };
}
