/**
 * Runs the publik queries and builds the report (the same code for the /publik page and `seimbang export-public`):
 * `collectPublik(run)` takes any way of running SQL on the warehouse, the server's pooled read-only generation or
 * the CLI's own connection.
 */
import type { QueryResult } from '../db';
import { PUBLIK_QUERIES } from '../queries/publik';
import { buildPublikReport, type PublikReport, type RawPublik, type Row } from '../../publik/report';
import { DEFAULT_SETTINGS } from '#domain/settings.ts';

export type RunSql = (sql: string, params: Record<string, string | number | null>) => Promise<QueryResult>;

export function rowsOf(result: QueryResult): Row[] {
  return Array.from({ length: result.rowCount }, (_, r) => Object.fromEntries(result.names.map((n, c) => [n, result.columns[c]?.[r] ?? null])));
}

export async function collectPublik(run: RunSql): Promise<PublikReport> {
  const raw: Partial<Record<keyof RawPublik, Row[]>> = {};
  for (const [key, def] of Object.entries(PUBLIK_QUERIES)) {
    const constants = key === 'settings' ? { default_k: DEFAULT_SETTINGS.disclosure.min_cell_size } : (def.constants ?? {});
    raw[key as keyof RawPublik] = rowsOf(await run(def.sql, constants));
  }
  const settings = raw.settings?.[0];
  if (!settings) throw new Error('the warehouse has no build_info row');
  return buildPublikReport({ ...(raw as Record<keyof RawPublik, Row[]>), settings } as RawPublik);
}
