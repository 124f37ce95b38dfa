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
  const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
  if (!positiveInt(s.effects.wave_min_transfers)) problems.push('effects.wave_min_transfers must be a whole number ≥ 1');
  if (!positiveInt(s.effects.max_employees)) problems.push('effects.max_employees must be a whole number ≥ 1');
  if (!positiveInt(s.disclosure.min_cell_size)) problems.push('disclosure.min_cell_size must be a whole number ≥ 1');
  if (problems.length) throw new UserError(`${basename(path)}: ${problems.join('; ')}`);
  return s;
}
