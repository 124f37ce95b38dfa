/**
 * Saved scenarios on the server (issue 15): the store (app-store/scenarios.ts) meets the simulator. The simulator's
 * state of a month is read from the warehouse with the queries of /api/simulasi/state (pipeline/sim-state) and kept
 * per build and month, then each scenario's plan runs through pipeline/simulate/scenario.ts in Node.
 * PERSONAL DATA (names, NIP): the /skenario routes are for signed-in pimpinan and analis (lib/server/access.ts).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { STATE_PARTS, STATE_QUERIES } from '#sim-state/queries.ts';
import { stateFromColumns, StateLoadError, type PartColumns, type StateColumns } from '#sim-state/columns.ts';
import type { Change, SimState } from '#simulate/index.ts';
import { scenarioReport, type PlanOrigins, type ScenarioReport } from '#simulate/scenario.ts';
import { canRead, getScenario, getVersion, type Scenario, type ScenarioVersion } from '#app-store/scenarios.ts';
import type { Actor } from '#app-store/users.ts';
import { acquire, release, runQuery } from './db';
import { appStore } from './store';

interface StateEntry {
  key: string;
  builtAt: string;
  state: Promise<SimState>;
}
const states: StateEntry[] = [];
// a province state holds ~100,000 people in typed arrays: keep the baseline month and the latest, not more
const MAX_STATES = 2;

/** the warehouse's build id (build_info.built_at) */
export async function currentBuild(): Promise<string> {
  const gen = await acquire();
  release(gen);
  return gen.builtAt;
}

/**
 * The simulator's state of `month` ('YYYY-MM'; null or a month the warehouse lacks: its latest) on the current
 * warehouse, built once per build and month (a province state takes a few seconds to read; a scenario page then
 * costs only the simulation).
 */
export async function serverState(month: string | null): Promise<{ state: SimState; builtAt: string; monthMissing: boolean }> {
  const gen = await acquire();
  try {
    const get = (m: string | null) => {
      const key = `${gen.builtAt}|${m ?? 'latest'}`;
      let hit = states.find((e) => e.key === key);
      if (!hit) {
        const state = (async () => {
          const parts = {} as StateColumns;
          for (const part of STATE_PARTS) {
            const r = await runQuery(gen, STATE_QUERIES[part], { month: m ? `${m}-01` : null });
            const cols: PartColumns = {};
            r.names.forEach((n, i) => (cols[n] = r.columns[i]!));
            parts[part] = cols;
          }
          return stateFromColumns(parts);
        })();
        hit = { key, builtAt: gen.builtAt, state };
        states.unshift(hit);
        states.length = Math.min(states.length, MAX_STATES);
        state.catch(() => {
          const k = states.indexOf(hit!);
          if (k >= 0) states.splice(k, 1);
        });
      }
      return hit.state;
    };
    try {
      return { state: await get(month), builtAt: gen.builtAt, monthMissing: false };
    } catch (e) {
      // the baseline month is no longer in this warehouse: show the plan on the latest month, and say so
      if (month && e instanceof StateLoadError) return { state: await get(null), builtAt: gen.builtAt, monthMissing: true };
      throw e;
    }
  } finally {
    release(gen);
  }
}

export function actorOf(e: RequestEvent): Actor {
  const u = e.locals.user;
  return { username: u?.username ?? null, role: u?.role ?? 'publik', address: e.getClientAddress() };
}

/** the scenario `id` if the signed-in role may read it; 404 otherwise (no hint that it exists) */
export function readable(e: RequestEvent, idText: string): Scenario {
  const id = Number(idText);
  if (!Number.isSafeInteger(id) || id < 1) error(404, 'Skenario tidak ditemukan');
  const s = getScenario(appStore(), id);
  if (!s || !canRead(actorOf(e), s)) error(404, 'Skenario tidak ditemukan');
  return s;
}

export interface OpenedScenario {
  scenario: Scenario;
  version: ScenarioVersion;
  report: ScenarioReport;
  builtAt: string;
  /** the warehouse is another build than the scenario's baseline */
  stale: boolean;
  /** the baseline month is not in this warehouse: the report is on its latest month */
  monthMissing: boolean;
  /** per change of the plan: the person's name and the named position as 'title · unit' (null: not in the state) */
  labels: { who: string | null; where: string | null }[];
}

/** words for each change: the person's name, the target (or named) position with its unit */
export function changeLabels(state: SimState, plan: readonly Change[]): OpenedScenario['labels'] {
  const person = new Map(state.people.nip.map((n, i) => [n, i]));
  const position = new Map(state.positions.id.map((p, i) => [p, i]));
  const unit = new Map(state.units.id.map((u, i) => [u, i]));
  const pos = (id: string) => {
    const p = position.get(id);
    return p === undefined ? null : `${state.positions.title[p]} · ${state.units.name[state.positions.unit[p]!]}`;
  };
  return plan.map((c) => {
    const who = 'nip' in c ? (c.type === 'hire' ? (c.name ?? c.nip) : person.has(c.nip) ? state.people.name[person.get(c.nip)!]! : null) : null;
    const where =
      c.type === 'move' || c.type === 'hire' ? pos(c.to)
      : c.type === 'remove_position' ? pos(c.id)
      : c.type === 'demand' ? (c.target === 'unit' ? (unit.has(c.id) ? state.units.name[unit.get(c.id)!]! : null) : pos(c.id))
      : c.type === 'add_position' ? (unit.has(c.unit) ? state.units.name[unit.get(c.unit)!]! : null)
      : null;
    return { who, where };
  });
}

/** A scenario's latest version through the simulator on the current warehouse. */
export async function openScenario(s: Scenario): Promise<OpenedScenario> {
  const version = getVersion(appStore(), s.id)!;
  const { state, builtAt, monthMissing } = await serverState(s.baselineMonth);
  const plan = version.plan as unknown as Change[];
  const report = scenarioReport(state, plan, (version.origins as PlanOrigins | null) ?? null);
  return { scenario: s, version, report, builtAt, stale: builtAt !== s.baselineBuild, monthMissing, labels: changeLabels(state, plan) };
}

/** golongan of the given NIPs (employee, the warehouse's latest record of each person) */
export async function golonganOf(nips: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!nips.length) return out;
  const gen = await acquire();
  try {
    const r = await runQuery(gen, `SELECT nip, golongan FROM employee WHERE list_contains(string_split($nips, ','), nip)`, { nips: nips.join(',') });
    for (let i = 0; i < r.rowCount; i++) if (r.columns[1]![i] != null) out.set(String(r.columns[0]![i]), String(r.columns[1]![i]));
  } finally {
    release(gen);
  }
  return out;
}
