/** Read the optional settings file of an input folder (YAML or JSON) and merge it over the defaults. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_SETTINGS, mergeSettings, type Settings, type SettingsOverride } from '../domain/settings.ts';
import { UserError } from '../errors.ts';

export function loadSettings(path: string | undefined): Settings {
  if (!path) return DEFAULT_SETTINGS;
  let override: unknown;
  try {
    override = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`${basename(path)}: cannot read settings: ${(e as Error).message}`);
  }
  if (override == null) return DEFAULT_SETTINGS;
  if (typeof override !== 'object' || Array.isArray(override)) {
    throw new UserError(`${basename(path)}: settings must be a mapping (key: value), got ${Array.isArray(override) ? 'a list' : typeof override}`);
  }
  const s = mergeSettings(DEFAULT_SETTINGS, override as SettingsOverride);
  const problems: string[] = [];
  const w = s.workload;
  if (!(typeof w.effective_minutes_per_year === 'number' && w.effective_minutes_per_year > 0)) problems.push('workload.effective_minutes_per_year must be a positive number');
  if (!['half_up', 'ceil', 'floor'].includes(w.rounding)) problems.push('workload.rounding must be half_up, ceil or floor');
  if (!Array.isArray(w.ej_grades) || w.ej_grades.length === 0) problems.push('workload.ej_grades must be a non-empty list');
  else w.ej_grades = w.ej_grades.map((g) => ({ ...g, min: g.min === null || (g.min as unknown) === '-inf' ? -Infinity : g.min }));
  if (!(w.slack_below <= w.overloaded_above)) problems.push('workload.slack_below must not exceed workload.overloaded_above');
  if (!['WIB', 'WITA', 'WIT'].includes(s.region.time_zone)) problems.push('region.time_zone must be WIB, WITA or WIT');
  if (!(s.tenure.min_years >= 0 && s.tenure.max_years >= s.tenure.min_years)) problems.push('tenure: need 0 ≤ min_years ≤ max_years');
  for (const win of s.election.windows ?? []) {
    if (Number.isNaN(Date.parse(win.candidate_determination)) || Number.isNaN(Date.parse(win.ban_end))) problems.push(`election.windows: bad date in ${JSON.stringify(win)}`);
  }
  for (const k of ['checked_from', 'checked_until'] as const) {
    const v = s.election[k];
    if (v != null && (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))) problems.push(`election.${k} must be a date YYYY-MM-DD or null`);
  }
  if (s.election.checked_from && s.election.checked_until && s.election.checked_from > s.election.checked_until) problems.push('election: checked_from is after checked_until');
  const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (!positiveInt(s.effects.wave_min_transfers)) problems.push('effects.wave_min_transfers must be a whole number ≥ 1');
  if (!positiveInt(s.effects.max_employees)) problems.push('effects.max_employees must be a whole number ≥ 1');
  const r = s.retirement;
  const age = (v: unknown) => typeof v === 'number' && v >= 40 && v <= 80;
  if (!age(r.default_age)) problems.push('retirement.default_age must be an age between 40 and 80');
  if (!Array.isArray(r.rules) || r.rules.some((x) => !age(x?.age))) problems.push('retirement.rules: every rule needs an age between 40 and 80');
  const inp = s.input;
  if (!['auto', 'id', 'en'].includes(inp.number_locale)) problems.push('input.number_locale must be auto, id or en');
  if (!['dmy', 'mdy'].includes(inp.date_order)) problems.push('input.date_order must be dmy or mdy');
  if (inp.data_date !== null && (inp.data_date as unknown) instanceof Date) inp.data_date = (inp.data_date as unknown as Date).toISOString().slice(0, 10);
  if (inp.data_date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(inp.data_date))) problems.push('input.data_date must be a date YYYY-MM-DD (or null)');
  for (const k of ['reader_time_limit_seconds', 'reader_stall_seconds'] as const) if (!(inp[k] > 0)) problems.push(`input.${k} must be a positive number`);
  for (const k of ['min_loaded_share', 'min_share_of_previous'] as const) {
    if (!(s.publish[k] >= 0 && s.publish[k] <= 1)) problems.push(`publish.${k} must be a share between 0 and 1`);
  }
  const sim = s.simulation;
  if (!Array.isArray(sim.rampup_fallback) || !sim.rampup_fallback.every((v) => typeof v === 'number' && v >= 0 && v <= 1)) problems.push('simulation.rampup_fallback must be a list of shares between 0 and 1');
  if (!Number.isInteger(sim.rampup_min_months) || sim.rampup_min_months < 0) problems.push('simulation.rampup_min_months must be a whole number ≥ 0');
  if (!positiveInt(sim.horizon_months)) problems.push('simulation.horizon_months must be a whole number ≥ 1');
  if (!positiveInt(s.disclosure.min_cell_size)) problems.push('disclosure.min_cell_size must be a whole number ≥ 1');
  if (problems.length) throw new UserError(`${basename(path)}: ${problems.join('; ')}`);
  return s;
}
