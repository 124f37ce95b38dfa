/**
 * Panel input for the staggered difference-in-differences estimators: validation (balanced, one row per
 * id × period, cohort constant within id) and the sample preparation that R's `did::att_gt` performs before
 * estimating (`pre_process_did2`, balanced panel, no covariates, no anticipation):
 *
 * - cohort 0 means never treated; a cohort later than the last observed period is also never treated;
 * - with no never-treated units: `nevertreated` control → the last cohort is used as the never-treated group
 *   and periods from its treatment onwards are dropped (did warns); `notyettreated` → those periods are
 *   dropped and the last cohort only serves as a control;
 * - units treated in (or before) the first period are dropped (did warns);
 * - groups of fewer than 5 units are reported; a never-treated group of fewer than 5 units with the
 *   `nevertreated` control is an error (did stops).
 */

export type ControlGroup = 'nevertreated' | 'notyettreated';

/** One observation: unit `id`, period `time`, first treated period `cohort` (0 = never treated), outcome `y`. */
export interface PanelRow {
  id: string | number;
  time: number;
  cohort: number;
  y: number | null;
}

/** Thrown for input the user can fix (unbalanced panel, bad values, no usable groups). */
export class EffectsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EffectsInputError';
  }
}

/** A validated balanced panel, before any of did's sample rules are applied. */
export interface BalancedPanel {
  /** unit labels, in the order of `cohort` and the columns of `y` */
  ids: (string | number)[];
  /** sorted distinct periods */
  times: number[];
  /** cohort per unit as given (0 = never treated) */
  cohort: Float64Array;
  /** outcome, `y[t][i]` for period index t and unit i */
  y: Float64Array[];
}

/** The estimation sample: did's sample rules applied, units ordered by (cohort, id). */
export interface Panel {
  ids: (string | number)[];
  /** periods kept, ascending */
  times: number[];
  /** cohort per unit; `Infinity` = never treated (or used as such) */
  cohort: Float64Array;
  /** outcome, `y[t][i]` for period index t (into `times`) and unit i */
  y: Float64Array[];
  /** number of units (rows of every influence function) */
  n: number;
  /** treated cohorts for which ATT(g,t) are estimated, ascending */
  groups: number[];
  control: ControlGroup;
  /** what was changed or is worth knowing (mirrors did's warnings) */
  warnings: string[];
}

/** Minimum group size below which did warns (number of covariates + 5; here no covariates). */
export const MIN_GROUP_SIZE = 5;

const idLabel = (id: string | number) => (typeof id === 'number' ? String(id) : JSON.stringify(id));

/** Validate rows and arrange them as a balanced id × period matrix. Throws `EffectsInputError`. */
export function balancePanel(rows: readonly PanelRow[]): BalancedPanel {
  if (rows.length === 0) throw new EffectsInputError('the panel is empty');
  const unitIndex = new Map<string, number>();
  const ids: (string | number)[] = [];
  const cohorts: number[] = [];
  const timeSet = new Set<number>();
  rows.forEach((r, k) => {
    if (r.id === null || r.id === undefined || r.id === '') throw new EffectsInputError(`row ${k + 1}: missing id`);
    if (typeof r.time !== 'number' || !Number.isFinite(r.time)) {
      throw new EffectsInputError(`id ${idLabel(r.id)}: time must be a finite number, got ${String(r.time)}`);
    }
    if (typeof r.cohort !== 'number' || !Number.isFinite(r.cohort) || r.cohort < 0) {
      throw new EffectsInputError(
        `id ${idLabel(r.id)}: cohort must be 0 (never treated) or the first treated period, got ${String(r.cohort)}`,
      );
    }
    const key = String(r.id);
    let u = unitIndex.get(key);
    if (u === undefined) {
      u = ids.length;
      unitIndex.set(key, u);
      ids.push(r.id);
      cohorts.push(r.cohort);
    } else if (cohorts[u] !== r.cohort) {
      throw new EffectsInputError(
        `cohort must be constant within id: id ${idLabel(r.id)} has cohorts ${cohorts[u]} and ${r.cohort}`,
      );
    }
    timeSet.add(r.time);
  });
  const times = [...timeSet].sort((a, b) => a - b);
  const timeIndex = new Map(times.map((t, i) => [t, i]));
  const n = ids.length;
  const y = times.map(() => new Float64Array(n).fill(NaN));
  const seen = times.map(() => new Uint8Array(n));
  for (const r of rows) {
    const u = unitIndex.get(String(r.id))!;
    const t = timeIndex.get(r.time)!;
    if (seen[t][u]) throw new EffectsInputError(`id ${idLabel(r.id)} has more than one row for time ${r.time}`);
    seen[t][u] = 1;
    if (typeof r.y !== 'number' || !Number.isFinite(r.y)) {
      throw new EffectsInputError(`id ${idLabel(r.id)}, time ${r.time}: outcome is missing or not a finite number`);
    }
    y[t][u] = r.y;
  }
  if (rows.length !== n * times.length) {
    for (let u = 0; u < n; u++) {
      for (let t = 0; t < times.length; t++) {
        if (!seen[t][u]) {
          throw new EffectsInputError(
            `unbalanced panel: id ${idLabel(ids[u])} has no row for time ${times[t]} ` +
              `(${n} ids × ${times.length} periods = ${n * times.length} rows expected, ${rows.length} given)`,
          );
        }
      }
    }
  }
  return { ids, times, cohort: Float64Array.from(cohorts), y };
}

/** A panel as columns, one entry per row (NaN where a value is missing). */
export interface PanelColumns {
  id: ArrayLike<number>;
  time: ArrayLike<number>;
  cohort: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * `balancePanel` for columns already laid out id by id (ids increasing) with the same increasing periods
 * for every id, as an `ORDER BY id, time` query returns a balanced panel: the same result without building
 * row objects. Null when the columns are not laid out so or fail a check; `balancePanel` on the rows then
 * reports what is wrong.
 */
export function balancedFromSortedColumns(cols: PanelColumns): BalancedPanel | null {
  const rowCount = cols.id.length;
  if (rowCount === 0) return null;
  let T = 1;
  while (T < rowCount && cols.id[T] === cols.id[0]) T++;
  if (rowCount % T !== 0) return null;
  const n = rowCount / T;
  const times: number[] = [];
  for (let t = 0; t < T; t++) {
    const v = cols.time[t];
    if (!Number.isFinite(v) || (t > 0 && !(v > times[t - 1]))) return null;
    times.push(v);
  }
  const ids: number[] = [];
  const cohort = new Float64Array(n);
  const y = times.map(() => new Float64Array(n));
  for (let u = 0; u < n; u++) {
    const id = cols.id[u * T];
    const g = cols.cohort[u * T];
    if (!Number.isFinite(id) || (u > 0 && !(id > ids[u - 1])) || !Number.isFinite(g) || g < 0) return null;
    if (!copyUnit(cols, u, times, y)) return null;
    ids.push(id);
    cohort[u] = g;
  }
  return { ids, times, cohort, y };
}

/** y[t][u] from the rows of unit u, after checking they carry its id, cohort and the periods in order. */
function copyUnit(cols: PanelColumns, u: number, times: number[], y: Float64Array[]): boolean {
  const T = times.length;
  const r0 = u * T;
  for (let t = 0; t < T; t++) {
    const r = r0 + t;
    const v = cols.y[r];
    if (cols.id[r] !== cols.id[r0] || cols.time[r] !== times[t] || cols.cohort[r] !== cols.cohort[r0] || !Number.isFinite(v)) {
      return false;
    }
    y[t][u] = v;
  }
  return true;
}

function compareIds(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Apply did's sample rules to a balanced panel (see the module comment). Throws `EffectsInputError`. */
export function preparePanel(bal: BalancedPanel, control: ControlGroup = 'nevertreated'): Panel {
  const warnings: string[] = [];
  const cohort = Float64Array.from(bal.cohort, (g) => (g === 0 ? Infinity : g));
  let times = [...bal.times];
  const lastTime = times[times.length - 1];

  // cohorts first treated after the last observed period are never treated within the panel
  let late = 0;
  for (let i = 0; i < cohort.length; i++) {
    if (Number.isFinite(cohort[i]) && cohort[i] > lastTime) {
      cohort[i] = Infinity;
      late++;
    }
  }
  if (late > 0) {
    warnings.push(`${late} units first treated after the last period (${lastTime}) are treated as never treated.`);
  }

  // no never-treated units: did's fallback
  let excludedGroup: number | null = null;
  if (!cohort.some((g) => g === Infinity)) {
    let latest = -Infinity;
    for (const g of cohort) latest = Math.max(latest, g);
    times = times.filter((t) => t < latest);
    if (control === 'nevertreated') {
      for (let i = 0; i < cohort.length; i++) if (cohort[i] === latest) cohort[i] = Infinity;
      warnings.push(
        `No never-treated group is available. The last treated cohort (${latest}) is used as the never-treated ` +
          `group, and periods from ${latest} on are dropped (no available comparison group), as did does.`,
      );
    } else {
      excludedGroup = latest;
      warnings.push(
        `No never-treated group is available. Periods from ${latest} (the last cohort) on are dropped, and that ` +
          `cohort serves only as a not-yet-treated control, as did does.`,
      );
    }
  }
  if (times.length < 2) {
    throw new EffectsInputError(`at least two periods are needed to estimate effects; the sample has ${times.length}`);
  }

  // units treated in (or before) the first period carry no information on ATT(g,t): drop them
  const first = times[0];
  const keepUnit: number[] = [];
  let droppedFirst = 0;
  for (let i = 0; i < cohort.length; i++) {
    if (Number.isFinite(cohort[i]) && cohort[i] <= first) droppedFirst++;
    else keepUnit.push(i);
  }
  if (droppedFirst > 0) warnings.push(`Dropped ${droppedFirst} units that were already treated in the first period.`);

  keepUnit.sort((a, b) => cohort[a] - cohort[b] || compareIds(bal.ids[a], bal.ids[b]));
  const n = keepUnit.length;
  const outCohort = Float64Array.from(keepUnit, (i) => cohort[i]);
  const ids = keepUnit.map((i) => bal.ids[i]);
  const timePos = new Map(bal.times.map((t, k) => [t, k]));
  const y = times.map((t) => {
    const src = bal.y[timePos.get(t)!];
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = src[keepUnit[j]];
    return out;
  });

  const groups = [...new Set(outCohort)]
    .filter((g) => Number.isFinite(g) && g > first && g !== excludedGroup)
    .sort((a, b) => a - b);
  if (groups.length === 0) {
    throw new EffectsInputError(
      'no valid treated groups: the cohort column must hold the first treated period (0 if never treated), ' +
        'and some units must be first treated after the first period',
    );
  }

  // small groups
  const sizes = new Map<number, number>();
  for (const g of outCohort) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const small = [...sizes].filter(([, s]) => s < MIN_GROUP_SIZE).map(([g]) => g).sort((a, b) => a - b);
  if (small.length > 0) {
    const neverSmall = small.includes(Infinity);
    if (neverSmall && control === 'nevertreated') {
      throw new EffectsInputError(
        `the never-treated group has only ${sizes.get(Infinity)} units (fewer than ${MIN_GROUP_SIZE}), too few to ` +
          `serve as a reliable control (did stops here too); try the not-yet-treated control group`,
      );
    }
    warnings.push(
      `Some groups have very few units (fewer than ${MIN_GROUP_SIZE}), which may cause estimation problems: ` +
        small.map((g) => (g === Infinity ? '0' : String(g))).join(', ') + '.',
    );
  }

  return { ids, times, cohort: outCohort, y, n, groups, control, warnings };
}
