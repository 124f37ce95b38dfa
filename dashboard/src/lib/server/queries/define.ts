/**
 * A query module declares one data need: its endpoint name, its validated parameters and its SQL.
 * Parameters are bound by name (`$month`, `$id`, …) through a prepared statement; the SQL never contains
 * client text. Only server code writes SQL; pages ask the endpoints under /api for named data.
 */
import type { ParamSpecs } from '../params';
import type { QueryResult } from '../db';

export interface QueryDef {
  /** endpoint name, part of the ETag and the CSV file name */
  name: string;
  /** one line saying what the rows are (shown in the API index) */
  description: string;
  params: ParamSpecs;
  sql: string;
  /** extra values bound by the server (never from the client), e.g. defaults from pipeline/domain settings */
  constants?: Record<string, string | number>;
  /** applied to the rows before they are encoded (Arrow and CSV alike): e.g. the disclosure control of an
   *  anonymous endpoint (dashboard/src/lib/server/disclosure.ts) */
  transform?: (result: QueryResult) => QueryResult;
  /** values bound by the server that are known only at run time (e.g. the installation's person-reference key);
   *  not part of the cache key, so they must not change what a given set of parameters answers */
  runtime?: () => Record<string, string | number>;
}

export function defineQuery(def: QueryDef): QueryDef {
  return def;
}

/** SQL filter of the rows of `unit` (or its alias) to the requested region ($region NULL = all regions) */
export const inRegion = (unit = 'unit'): string =>
  `(CAST($region AS VARCHAR) IS NULL OR ${unit}.region_code = CAST($region AS VARCHAR))`;

/** a unit's name to show: its label (with the region, in a warehouse of several) unless one region is asked for */
export const unitLabel = (unit = 'unit'): string =>
  `CASE WHEN CAST($region AS VARCHAR) IS NULL THEN ${unit}.unit_label ELSE ${unit}.unit_name END`;

/** SQL for "the requested month, or the latest month with data" ($month is a `YYYY-MM-01` string or NULL). */
export const SELECTED_MONTH = `coalesce(CAST($month AS DATE), (SELECT max(month) FROM unit_load_monthly))`;

/**
 * The unit rows of the requested view ($view: `annual` → unit_load_annual, `month` → unit_load_monthly), one column
 * list for both, so every query of a page reads the same numbers for the same view (issue 16). window_months: the
 * months in the annual window (1 in the month view).
 */
export const UNIT_LOAD = `(
  SELECT unit_id, "month", window_months, workload_minutes, required_staff, required_staff_rounded, current_staff, ej, grade,
    label_id, label_en, band, wisn_ratio, wisn_difference FROM unit_load_annual WHERE $view = 'annual'
  UNION ALL
  SELECT unit_id, "month", 1, workload_minutes, required_staff, required_staff_rounded, current_staff, ej, grade,
    label_id, label_en, band, wisn_ratio, wisn_difference FROM unit_load_monthly WHERE $view = 'month')`;

/** The position rows of the requested view (position_load_annual / position_load_monthly), as UNIT_LOAD. */
export const POSITION_LOAD = `(
  SELECT position_id, unit_id, "month", window_months, workload_minutes, required_staff, current_staff, ej, grade, band
  FROM position_load_annual WHERE $view = 'annual'
  UNION ALL
  SELECT position_id, unit_id, "month", 1, workload_minutes, required_staff, current_staff, ej, grade, band
  FROM position_load_monthly WHERE $view = 'month')`;

/** The imbalance level of the units in the requested view (imbalance_region_monthly.level). */
export const UNIT_LEVEL = `CASE WHEN $view = 'annual' THEN 'unit_annual' ELSE 'unit' END`;

/** the effective minutes of the view's period: WKE a year (annual) or WKE / 12 (month); the warehouse's macros */
export const VIEW_WKE = `CASE WHEN $view = 'annual' THEN setting_wke() ELSE monthly_wke() END`;
