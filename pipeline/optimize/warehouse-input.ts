/**
 * Node only (DuckDB): the optimiser's input for one month, read from a built warehouse — positions with that month's
 * workload (position_load_monthly), the people in post (employee), the units and the settings the warehouse was built
 * with (build_info). The browser gets the same facts from the simulator's state instead.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_SETTINGS, mergeSettings } from '#domain/settings.ts';
import { UserError } from '../errors.ts';
import type { OptimizeInput, Willingness } from './types.ts';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function readOptimizeInput(conn: DuckDBConnection, month?: string): Promise<OptimizeInput> {
  const rows = async (sql: string, params?: Record<string, string>) => (await conn.runAndReadAll(sql, params)).getRowObjectsJson();
  const months = (await rows(`SELECT strftime(max("month"), '%Y-%m-%d') AS last, list(DISTINCT strftime("month", '%Y-%m')) AS all FROM position_load_monthly`))[0]!;
  if (months.last === null) throw new UserError('the warehouse has no monthly workload (position_load_monthly is empty)');
  let m = String(months.last);
  if (month !== undefined) {
    if (!/^\d{4}-\d{2}$/.test(month)) throw new UserError(`--month: expected YYYY-MM, got ${JSON.stringify(month)}`);
    if (!list(months.all).includes(month)) throw new UserError(`--month ${month}: not in the warehouse (months ${[...list(months.all)].sort()[0]} … ${m.slice(0, 7)})`);
    m = `${month}-01`;
  }
  const info = (await rows(`SELECT CAST(settings AS VARCHAR) AS settings FROM build_info LIMIT 1`))[0];
  const settings = mergeSettings(DEFAULT_SETTINGS, info?.settings ? JSON.parse(String(info.settings)) : undefined);
  const units = (await rows(`SELECT unit_id, unit_label, region_code FROM unit ORDER BY unit_id`)).map((r) => ({
    id: String(r.unit_id),
    name: String(r.unit_label),
    regionCode: str(r.region_code) ?? settings.region.code,
  }));
  const positions = (
    await rows(
      `SELECT p.position_id, p.unit_id, p.position_kind, p."class", p.required_education, p.required_competencies,
              coalesce(l.workload_minutes, 0) AS workload_minutes
       FROM position p LEFT JOIN position_load_monthly l ON l.position_id = p.position_id AND l."month" = CAST($m AS DATE)
       ORDER BY p.position_id`,
      { m },
    )
  ).map((r) => ({
    id: String(r.position_id),
    unitId: String(r.unit_id),
    kind: String(r.position_kind),
    class: Number(r.class),
    requiredEducation: str(r.required_education),
    requiredCompetencies: list(r.required_competencies),
    workloadMinutes: Number(r.workload_minutes),
  }));
  const people = (
    await rows(
      `SELECT nip, name, position_id, education_level, competencies, strftime(position_since, '%Y-%m-%d') AS since, willing_to_move
       FROM employee ORDER BY nip`,
    )
  ).map((r) => ({
    id: String(r.nip),
    name: String(r.name),
    positionId: String(r.position_id),
    educationLevel: str(r.education_level),
    competencies: list(r.competencies),
    positionSince: str(r.since),
    willing: (['yes', 'no'].includes(String(r.willing_to_move)) ? r.willing_to_move : 'unknown') as Willingness,
  }));
  return { month: m, settings, units, positions, people };
}
