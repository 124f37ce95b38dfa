/**
 * The `input` settings the staging models read, as SQL macros replacing the defaults of
 * pipeline/models/macros/normalise_columns.sql (kept apart from settings-sql.ts, which holds the metric settings).
 */
import type { Settings } from '../domain/settings.ts';

export function inputSettingsSql(s: Settings): string {
  const d = s.input.data_date;
  if (d !== null && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`input.data_date must be YYYY-MM-DD, got ${d}`);
  // unset: the day of the build (current_date), so a date in the future is still caught
  return `CREATE OR REPLACE MACRO setting_data_date() AS ${d === null ? 'current_date' : `DATE '${d}'`};`;
}
