/**
 * Saved rotation scenarios (issue 15): a named simulator plan (pipeline/simulate/types.ts, the format the optimizer's
 * `--plan-out` writes) on a warehouse baseline (build + state month), with an owner, a status and its versions.
 *
 * - analis: create, rename, duplicate, save (edit), submit, delete their own drafts;
 * - pimpinan: approve or return a submitted scenario (return needs a comment);
 * - approved = locked: no save, rename or delete; editing starts from a copy (duplicate);
 * - every save names the version it was based on; a save on an older version is refused with a ConflictError that
 *   says who saved which version when, and which changes differ (nothing is overwritten silently);
 * - every action runs in one transaction (BEGIN IMMEDIATE) with its audit-log row: all or nothing.
 */
import { appendAudit } from './audit-log.ts';
import type { Store } from './store.ts';
import type { Actor } from './users.ts';

export const SCENARIO_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** a plan change as stored: the simulator's change objects (validated by the simulator when applied) */
export type PlanChange = { type: string } & Record<string, unknown>;

export interface Scenario {
  id: number;
  name: string;
  owner: string;
  status: ScenarioStatus;
  baselineBuild: string;
  baselineMonth: string;
  currentVersion: number;
  copiedFrom: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScenarioVersion {
  scenarioId: number;
  version: number;
  plan: PlanChange[];
  /** what the plan assumed of the warehouse it was saved on (pipeline/simulate/scenario.ts), or null */
  origins: unknown;
  author: string;
  note: string | null;
  at: string;
}

export interface ScenarioEvent {
  at: string;
  actor: string;
  action: 'submitted' | 'returned' | 'approved';
  version: number;
  note: string | null;
}

/** a refused action: bad input, wrong role, wrong status (HTTP 400/403/409 in the dashboard) */
export class ScenarioError extends Error {
  constructor(
    readonly code: 'bad_input' | 'forbidden' | 'not_found' | 'locked' | 'bad_status',
    message: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** a save based on an older version than the latest: who saved what since, and which changes differ */
export class ConflictError extends Error {
  readonly code = 'conflict';
  constructor(
    readonly scenarioId: number,
    readonly baseVersion: number,
    readonly current: { version: number; author: string; at: string; note: string | null },
    /** changes in the latest version that the base lacks (the other person's additions) */
    readonly added: PlanChange[],
    /** changes of the base that the latest version no longer has (the other person's removals) */
    readonly removed: PlanChange[],
  ) {
    super(
      `scenario ${scenarioId} was saved as version ${current.version} by ${current.author} at ${current.at} ` +
        `after version ${baseVersion} you started from: ${added.length} change(s) added, ${removed.length} removed`,
    );
    this.name = 'ConflictError';
  }
}

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_PLAN = 10_000;

interface ScenarioRow {
  id: number;
  name: string;
  owner: string;
  status: ScenarioStatus;
  baseline_build: string;
  baseline_month: string;
  current_version: number;
  copied_from: number | null;
  created_at: string;
  updated_at: string;
}

function fromRow(r: ScenarioRow): Scenario {
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    status: r.status,
    baselineBuild: r.baseline_build,
    baselineMonth: r.baseline_month,
    currentVersion: r.current_version,
    copiedFrom: r.copied_from,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function checkName(name: unknown): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (n.length < 1 || n.length > 120) throw new ScenarioError('bad_input', 'a scenario name is 1–120 characters');
  return n;
}

function checkText(v: unknown, what: string, required: boolean): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  if (required && !s) throw new ScenarioError('bad_input', `${what} is required`);
  if (s.length > 2000) throw new ScenarioError('bad_input', `${what} is at most 2000 characters`);
  return s || null;
}

/** The plan's shape (a list of objects each with a known change type); the simulator checks the rest on apply. */
export function checkPlan(plan: unknown): PlanChange[] {
  if (!Array.isArray(plan)) throw new ScenarioError('bad_input', 'a plan is a list of changes');
  if (plan.length > MAX_PLAN) throw new ScenarioError('bad_input', `a plan has at most ${MAX_PLAN} changes`);
  const types = ['move', 'demand', 'add_position', 'remove_position', 'leave', 'hire'];
  plan.forEach((c, i) => {
    if (!c || typeof c !== 'object' || Array.isArray(c) || !types.includes((c as { type?: string }).type ?? '')) {
      throw new ScenarioError('bad_input', `plan change ${i + 1}: an object with type one of ${types.join(', ')}`);
    }
  });
  return plan as PlanChange[];
}

function need(actor: Actor, role: 'analis' | 'pimpinan', what: string): string {
  if (actor.role !== role || !actor.username) throw new ScenarioError('forbidden', `${what} is for role ${role}`);
  return actor.username;
}

function row(db: Store, id: number): ScenarioRow {
  const r = db.prepare('SELECT * FROM scenario WHERE id = ?').get(id) as ScenarioRow | undefined;
  if (!r) throw new ScenarioError('not_found', `no scenario ${id}`);
  return r;
}

function audit(db: Store, actor: Actor, action: Parameters<typeof appendAudit>[1]['action'], id: number, detail: Record<string, unknown>): void {
  appendAudit(db, { actor: actor.username, actorRole: actor.role, action, target: `scenario:${id}`, detail, address: actor.address ?? null });
}

/** one key per change, independent of the order of its fields (for the differences of a conflict) */
function changeKey(c: PlanChange): string {
  return JSON.stringify(Object.keys(c).sort().map((k) => [k, c[k]]));
}

/** the changes of `b` not in `a`, counting duplicates */
export function planDifference(a: PlanChange[], b: PlanChange[]): PlanChange[] {
  const left = new Map<string, number>();
  for (const c of a) left.set(changeKey(c), (left.get(changeKey(c)) ?? 0) + 1);
  const out: PlanChange[] = [];
  for (const c of b) {
    const k = changeKey(c);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// reading

export function getScenario(db: Store, id: number): Scenario | null {
  const r = db.prepare('SELECT * FROM scenario WHERE id = ?').get(id) as ScenarioRow | undefined;
  return r ? fromRow(r) : null;
}

export function getVersion(db: Store, id: number, version?: number): ScenarioVersion | null {
  const r = (
    version === undefined
      ? db.prepare('SELECT v.* FROM scenario_version v JOIN scenario s ON s.id = v.scenario_id AND v.version = s.current_version WHERE s.id = ?').get(id)
      : db.prepare('SELECT * FROM scenario_version WHERE scenario_id = ? AND version = ?').get(id, version)
  ) as { scenario_id: number; version: number; plan: string; origins: string | null; author: string; note: string | null; at: string } | undefined;
  return r
    ? { scenarioId: r.scenario_id, version: r.version, plan: JSON.parse(r.plan) as PlanChange[], origins: r.origins ? JSON.parse(r.origins) : null, author: r.author, note: r.note, at: r.at }
    : null;
}

export function listVersions(db: Store, id: number): Omit<ScenarioVersion, 'plan' | 'origins'>[] {
  return (db.prepare('SELECT scenario_id, version, author, note, at FROM scenario_version WHERE scenario_id = ? ORDER BY version DESC').all(id) as {
    scenario_id: number;
    version: number;
    author: string;
    note: string | null;
    at: string;
  }[]).map((r) => ({ scenarioId: r.scenario_id, version: r.version, author: r.author, note: r.note, at: r.at }));
}

export function listEvents(db: Store, id: number): ScenarioEvent[] {
  return db.prepare('SELECT at, actor, action, version, note FROM scenario_event WHERE scenario_id = ? ORDER BY id').all(id) as ScenarioEvent[];
}

/** What a role may open: analis any scenario (analysts share drafts by link); pimpinan every scenario that has
 *  been submitted (submitted, approved, and returned ones: what they sent back), never a draft. */
export function canRead(actor: Actor, s: Scenario): boolean {
  if (actor.role === 'pimpinan') return s.status !== 'draft';
  if (actor.role === 'analis') return true;
  return false;
}

export function listScenarios(db: Store, actor: Actor): Scenario[] {
  let rows: ScenarioRow[];
  if (actor.role === 'analis' && actor.username) {
    rows = db
      .prepare(`SELECT * FROM scenario WHERE owner = ? OR status IN ('submitted', 'approved') ORDER BY updated_at DESC, id DESC`)
      .all(actor.username) as ScenarioRow[];
  } else if (actor.role === 'pimpinan') {
    rows = db.prepare(`SELECT * FROM scenario WHERE status IN ('submitted', 'approved') ORDER BY updated_at DESC, id DESC`).all() as ScenarioRow[];
  } else rows = [];
  return rows.map(fromRow);
}

// ---------------------------------------------------------------------------------------------------------------
// writing: each in one IMMEDIATE transaction with its audit row

export interface CreateInput {
  name: string;
  baselineBuild: string;
  baselineMonth: string;
  plan?: unknown;
  origins?: unknown;
  note?: string | null;
}

const originsText = (o: unknown): string | null => (o === undefined || o === null ? null : JSON.stringify(o));

export function createScenario(db: Store, actor: Actor, input: CreateInput): Scenario {
  const who = need(actor, 'analis', 'creating a scenario');
  const name = checkName(input.name);
  if (typeof input.baselineBuild !== 'string' || !input.baselineBuild) throw new ScenarioError('bad_input', 'the baseline build is required');
  if (!MONTH_RE.test(input.baselineMonth ?? '')) throw new ScenarioError('bad_input', 'the baseline month is YYYY-MM');
  const plan = checkPlan(input.plan ?? []);
  const note = checkText(input.note, 'the note', false);
  const tx = db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO scenario (name, owner, baseline_build, baseline_month, current_version) VALUES (?, ?, ?, ?, 1)')
        .run(name, who, input.baselineBuild, input.baselineMonth).lastInsertRowid,
    );
    db.prepare('INSERT INTO scenario_version (scenario_id, version, plan, origins, author, note) VALUES (?, 1, ?, ?, ?, ?)').run(id, JSON.stringify(plan), originsText(input.origins), who, note);
    audit(db, actor, 'scenario_created', id, { name, baseline_build: input.baselineBuild, baseline_month: input.baselineMonth, changes: plan.length });
    return id;
  });
  return getScenario(db, tx.immediate())!;
}

function editable(s: ScenarioRow, what: string): void {
  if (s.status === 'approved') throw new ScenarioError('locked', `scenario ${s.id} is approved and locked: ${what} needs a copy (duplicate it)`);
  if (s.status === 'submitted') throw new ScenarioError('bad_status', `scenario ${s.id} is submitted for approval: ${what} waits until leadership returns it`);
}

export function renameScenario(db: Store, actor: Actor, id: number, name: string): Scenario {
  need(actor, 'analis', 'renaming a scenario');
  const n = checkName(name);
  db.transaction(() => {
    const s = row(db, id);
    editable(s, 'renaming');
    db.prepare(`UPDATE scenario SET name = ?, updated_at = ${NOW} WHERE id = ?`).run(n, id);
    audit(db, actor, 'scenario_renamed', id, { from: s.name, to: n });
  }).immediate();
  return getScenario(db, id)!;
}

/** A copy of the latest version as a new draft of the actor (the way to change an approved scenario). */
export function duplicateScenario(db: Store, actor: Actor, id: number, name?: string): Scenario {
  const who = need(actor, 'analis', 'duplicating a scenario');
  const copyId = db
    .transaction(() => {
      const s = row(db, id);
      const v = getVersion(db, id)!;
      const n = checkName(name ?? `${s.name} (salinan)`.slice(0, 120));
      const newId = Number(
        db
          .prepare('INSERT INTO scenario (name, owner, baseline_build, baseline_month, current_version, copied_from) VALUES (?, ?, ?, ?, 1, ?)')
          .run(n, who, s.baseline_build, s.baseline_month, id).lastInsertRowid,
      );
      db.prepare('INSERT INTO scenario_version (scenario_id, version, plan, origins, author, note) VALUES (?, 1, ?, ?, ?, ?)').run(
        newId,
        JSON.stringify(v.plan),
        originsText(v.origins),
        who,
        `copy of scenario ${id} version ${v.version}`,
      );
      audit(db, actor, 'scenario_duplicated', newId, { from: id, from_version: v.version, name: n });
      return newId;
    })
    .immediate();
  return getScenario(db, copyId)!;
}

export interface SaveInput {
  /** the version the editor started from */
  baseVersion: number;
  plan: unknown;
  origins?: unknown;
  note?: string | null;
}

/** Save a new version. Refused with ConflictError when someone saved after `baseVersion`. */
export function saveScenario(db: Store, actor: Actor, id: number, input: SaveInput): ScenarioVersion {
  const who = need(actor, 'analis', 'editing a scenario');
  const plan = checkPlan(input.plan);
  const note = checkText(input.note, 'the note', false);
  if (!Number.isInteger(input.baseVersion) || input.baseVersion < 1) throw new ScenarioError('bad_input', 'the base version is a whole number ≥ 1');
  const conflict = db
    .transaction((): ConflictError | null => {
      const s = row(db, id);
      editable(s, 'editing');
      if (s.current_version !== input.baseVersion) {
        const latest = getVersion(db, id)!;
        const base = getVersion(db, id, input.baseVersion);
        if (!base) throw new ScenarioError('bad_input', `scenario ${id} has no version ${input.baseVersion}`);
        const err = new ConflictError(
          id,
          input.baseVersion,
          { version: latest.version, author: latest.author, at: latest.at, note: latest.note },
          planDifference(base.plan, latest.plan),
          planDifference(latest.plan, base.plan),
        );
        audit(db, actor, 'scenario_save_conflict', id, { base_version: input.baseVersion, current_version: latest.version });
        return err; // committed: the refusal is in the audit log; nothing else changed
      }
      const version = s.current_version + 1;
      db.prepare('INSERT INTO scenario_version (scenario_id, version, plan, origins, author, note) VALUES (?, ?, ?, ?, ?, ?)').run(
        id,
        version,
        JSON.stringify(plan),
        originsText(input.origins),
        who,
        note,
      );
      db.prepare(`UPDATE scenario SET current_version = ?, updated_at = ${NOW} WHERE id = ?`).run(version, id);
      audit(db, actor, 'scenario_saved', id, { version, base_version: input.baseVersion, changes: plan.length });
      return null;
    })
    .immediate();
  if (conflict) throw conflict;
  return getVersion(db, id)!;
}

export function submitScenario(db: Store, actor: Actor, id: number, note?: string | null): Scenario {
  const who = need(actor, 'analis', 'submitting a scenario');
  const n = checkText(note, 'the note', false);
  db.transaction(() => {
    const s = row(db, id);
    if (s.status !== 'draft' && s.status !== 'returned') throw new ScenarioError('bad_status', `scenario ${id} is ${s.status}: only a draft or a returned scenario can be submitted`);
    db.prepare(`UPDATE scenario SET status = 'submitted', updated_at = ${NOW} WHERE id = ?`).run(id);
    db.prepare(`INSERT INTO scenario_event (scenario_id, actor, action, version, note) VALUES (?, ?, 'submitted', ?, ?)`).run(id, who, s.current_version, n);
    audit(db, actor, 'scenario_submitted', id, { version: s.current_version, note: n });
  }).immediate();
  return getScenario(db, id)!;
}

function review(db: Store, actor: Actor, id: number, to: 'approved' | 'returned', comment: string | null): Scenario {
  const who = need(actor, 'pimpinan', to === 'approved' ? 'approving a scenario' : 'returning a scenario');
  db.transaction(() => {
    const s = row(db, id);
    if (s.status !== 'submitted') throw new ScenarioError('bad_status', `scenario ${id} is ${s.status}: only a submitted scenario can be ${to}`);
    db.prepare(`UPDATE scenario SET status = ?, updated_at = ${NOW} WHERE id = ?`).run(to, id);
    db.prepare('INSERT INTO scenario_event (scenario_id, actor, action, version, note) VALUES (?, ?, ?, ?, ?)').run(id, who, to, s.current_version, comment);
    audit(db, actor, to === 'approved' ? 'scenario_approved' : 'scenario_returned', id, { version: s.current_version, comment });
  }).immediate();
  return getScenario(db, id)!;
}

export function approveScenario(db: Store, actor: Actor, id: number, comment?: string | null): Scenario {
  return review(db, actor, id, 'approved', checkText(comment, 'the comment', false));
}

/** back to the analyst with a comment (required: the analyst must know what to change) */
export function returnScenario(db: Store, actor: Actor, id: number, comment: string): Scenario {
  return review(db, actor, id, 'returned', checkText(comment, 'a comment', true));
}

/** Delete a draft (or a returned scenario) of the actor's own. */
export function deleteScenario(db: Store, actor: Actor, id: number): void {
  const who = need(actor, 'analis', 'deleting a scenario');
  db.transaction(() => {
    const s = row(db, id);
    if (s.owner !== who) throw new ScenarioError('forbidden', `scenario ${id} belongs to ${s.owner}: only its owner deletes it`);
    if (s.status !== 'draft' && s.status !== 'returned') throw new ScenarioError('bad_status', `scenario ${id} is ${s.status}: only a draft can be deleted`);
    db.prepare('DELETE FROM scenario WHERE id = ?').run(id);
    audit(db, actor, 'scenario_deleted', id, { name: s.name, versions: s.current_version });
  }).immediate();
}

/** the audit row of an export of an approved scenario (personal data: names, NIP) */
export function recordExport(db: Store, actor: Actor, id: number, format: 'xlsx' | 'csv', rows: number): void {
  db.transaction(() => {
    const s = row(db, id);
    if (s.status !== 'approved') throw new ScenarioError('bad_status', `scenario ${id} is ${s.status}: only an approved scenario is exported as a decree list`);
    audit(db, actor, 'scenario_exported', id, { version: s.current_version, format, rows });
  }).immediate();
}
