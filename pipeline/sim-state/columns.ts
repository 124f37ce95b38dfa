/**
 * SimState from the columns of the state queries (queries.ts): plain arrays per column, as DuckDB's column reader
 * or an Arrow table gives them. Pure: the CLI (DuckDB), the endpoint and the browser (Arrow) share it.
 */
import { DEFAULT_SETTINGS, mergeSettings, parseStoredSettings, type Settings, type SettingsOverride } from '#domain/settings.ts';
import { WILLING, type SimState } from '../simulate/types.ts';
import type { StatePart } from './queries.ts';

export type Column = ArrayLike<unknown>;
export type PartColumns = Record<string, Column>;
export type StateColumns = Record<StatePart, PartColumns>;

export class StateLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateLoadError';
  }
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** a '|'-joined list (competency tags); the same text gives the same (shared, never mutated) array: 100,000 people
 *  hold a few thousand distinct lists, and splitting each row again was most of the loading time */
const listCache = new Map<string, string[]>();
const NO_LIST: string[] = [];
const list = (v: unknown): string[] => {
  if (v === null || v === undefined || v === '') return NO_LIST;
  const s = String(v);
  let l = listCache.get(s);
  if (l === undefined) {
    if (listCache.size > 100_000) listCache.clear();
    listCache.set(s, (l = s.split('|')));
  }
  return l;
};
/** `Array.from(c, f)` as a plain loop: several times faster on 100,000 rows (Array.from with a map function is
 *  not optimised like a loop), which counts on the simulator page's first load (issue 13: ready ≤ 2 s) */
function mapCol<T>(c: Column, f: (v: unknown) => T): T[] {
  const n = c.length;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = f(c[i]);
  return out;
}
const DAY_MS = 86_400_000;
/** days since 1970-01-01 → ISO date */
const isoOfDay = new Map<number, string>();
const dayToIso = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const d = Number(v);
  let iso = isoOfDay.get(d);
  if (iso === undefined) isoOfDay.set(d, (iso = new Date(d * DAY_MS).toISOString().slice(0, 10)));
  return iso;
};

function firstRecorded(c: Column): Uint8Array {
  const out = new Uint8Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i] ? 1 : 0;
  return out;
}

function col(part: PartColumns, name: string, partName: string): Column {
  const c = part[name];
  if (!c) throw new StateLoadError(`state part ${partName} has no column ${name}`);
  return c;
}

/** Build the state. `settings` in meta is build_info.settings (JSON text) merged over the defaults. */
export function stateFromColumns(p: StateColumns): SimState {
  const month = str(col(p.meta, 'month', 'meta')[0]);
  if (!/^\d{4}-\d{2}$/.test(month)) throw new StateLoadError('the warehouse has no month of position load');
  const rowsInMonth = Number(col(p.meta, 'rows_in_month', 'meta')[0] ?? 0);
  if (!(rowsInMonth > 0)) throw new StateLoadError(`the warehouse has no position load for ${month}`);
  const settingsText = strOrNull(col(p.meta, 'settings', 'meta')[0]);
  // the settings in force (parseStoredSettings restores the grade table's open bound); keys the build did not store
  // (simulation.*, from a warehouse built before they existed) take their defaults
  const settings: Settings = mergeSettings(DEFAULT_SETTINGS, settingsText ? (parseStoredSettings(settingsText) as SettingsOverride) : undefined);

  const uId = mapCol(col(p.units, 'unit_id', 'units'), str);
  const uName = mapCol(col(p.units, 'unit_name', 'units'), str);
  const uRegion = mapCol(col(p.units, 'region_code', 'units'), (v) => str(v) || settings.region.code);
  const regions = [...new Set(uRegion)].sort();
  const regionIndex = new Map(regions.map((r, i) => [r, i]));
  const unitIndex = new Map(uId.map((u, i) => [u, i]));

  const pc = p.positions;
  const pId = mapCol(col(pc, 'position_id', 'positions'), str);
  const P = pId.length;
  const pUnit = new Int32Array(P);
  const pUnitCol = col(pc, 'unit_id', 'positions');
  for (let i = 0; i < P; i++) {
    const u = unitIndex.get(str(pUnitCol[i]));
    if (u === undefined) throw new StateLoadError(`position ${pId[i]} belongs to unknown unit ${str(pUnitCol[i])}`);
    pUnit[i] = u;
  }

  const ec = p.people;
  const nip = mapCol(col(ec, 'nip', 'people'), str);
  const N = nip.length;
  const position = new Int32Array(N);
  const posCol = col(ec, 'position_index', 'people');
  for (let i = 0; i < N; i++) {
    const q = Number(posCol[i]);
    if (!(q >= 0 && q < P)) throw new StateLoadError(`person ${i + 1} holds unknown position ${q}`);
    position[i] = q;
  }
  const willingCol = col(ec, 'willing_to_move', 'people');
  const willing = new Uint8Array(N);
  for (let i = 0; i < N; i++) willing[i] = str(willingCol[i]) === 'no' ? WILLING.no : str(willingCol[i]) === 'yes' ? WILLING.yes : WILLING.unknown;
  const firstCol = col(ec, 'first_recorded', 'people');

  // ramp-up: the warehouse's estimate when it covers enough months, else the setting (shared/domain.md; issue 13)
  const rMonths = mapCol(col(p.rampup, 'months_since_transfer', 'rampup'), Number);
  const rShare = mapCol(col(p.rampup, 'share_of_full_productivity', 'rampup'), Number);
  const fromWarehouse = rMonths.length >= settings.simulation.rampup_min_months && rMonths.every((m, i) => m === i) && rShare.every(Number.isFinite);
  // the estimate's month-to-month noise around 1 is not a relapse: a person who reached a share keeps it (running
  // maximum), capped at a full FTE
  let best = 0;
  const curve = fromWarehouse ? rShare.map((v) => (best = Math.max(best, Math.min(1, Math.max(0, v))))) : settings.simulation.rampup_fallback;
  const rampup = Float64Array.from(curve);

  return {
    month,
    settings,
    regions,
    units: { id: uId, name: uName, region: Int32Array.from(uRegion, (r) => regionIndex.get(r)!) },
    positions: {
      id: pId,
      title: mapCol(col(pc, 'title', 'positions'), str),
      unit: pUnit,
      kind: mapCol(col(pc, 'kind', 'positions'), str),
      class: Int32Array.from(col(pc, 'class', 'positions'), (v) => Number(v ?? 0)),
      requiredEducation: mapCol(col(pc, 'required_education', 'positions'), strOrNull),
      requiredMajor: mapCol(col(pc, 'required_major', 'positions'), strOrNull),
      requiredCompetencies: mapCol(col(pc, 'required_competencies', 'positions'), list),
      workload: Float64Array.from(col(pc, 'workload_minutes', 'positions'), (v) => Number(v ?? 0)),
      abkMonthly: Float64Array.from(col(pc, 'abk_monthly_minutes', 'positions'), (v) => Number(v ?? 0)),
    },
    people: {
      nip,
      name: mapCol(col(ec, 'name', 'people'), str),
      position,
      since: mapCol(col(ec, 'since_day', 'people'), dayToIso),
      spellStart: mapCol(col(ec, 'spell_start_day', 'people'), dayToIso),
      firstRecorded: firstRecorded(firstCol),
      appointment: mapCol(col(ec, 'appointment_day', 'people'), dayToIso),
      status: mapCol(col(ec, 'status', 'people'), str),
      educationLevel: mapCol(col(ec, 'education_level', 'people'), strOrNull),
      educationMajor: mapCol(col(ec, 'education_major', 'people'), strOrNull),
      competencies: mapCol(col(ec, 'competencies', 'people'), list),
      willing,
    },
    rampup,
    rampupSource: fromWarehouse ? 'warehouse' : 'setting',
  };
}
