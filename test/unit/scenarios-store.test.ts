/**
 * Saved scenarios in the application store (app-store/scenarios.ts, issue 15): the workflow and its role checks,
 * the conflict of a stale save, the lock after approval, atomic saves and two writers at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../app-store/store.ts';
import { listAudit } from '../../app-store/audit-log.ts';
import {
  approveScenario,
  canRead,
  ConflictError,
  createScenario,
  deleteScenario,
  duplicateScenario,
  getScenario,
  getVersion,
  listEvents,
  listScenarios,
  listVersions,
  planDifference,
  recordExport,
  renameScenario,
  returnScenario,
  saveScenario,
  ScenarioError,
  submitScenario,
  type PlanChange,
} from '../../app-store/scenarios.ts';
import type { Actor } from '../../app-store/users.ts';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SITI: Actor = { username: 'siti', role: 'analis', address: '10.0.0.1' };
const BUDI: Actor = { username: 'budi', role: 'analis' };
const BOSS: Actor = { username: 'kepala', role: 'pimpinan' };
const ADMIN: Actor = { username: 'root', role: 'admin' };

const M1: PlanChange = { type: 'move', nip: '198001012005011001', to: 'P-2', month: '2026-01' };
const M2: PlanChange = { type: 'move', nip: '198502022010012002', to: 'P-7', month: '2026-02' };
const L1: PlanChange = { type: 'leave', nip: '196601011990031003', month: '2026-03', reason: 'retirement' };
const BASE = { baselineBuild: '2026-12-01T08:00:00.000Z', baselineMonth: '2025-12' };

let dir: string;
let file: string;
let db: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-scen-'));
  file = path.join(dir, 'app.sqlite');
  db = openStore(file);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const actions = () => listAudit(db).map((r) => r.action).reverse();

describe('create, save, versions', () => {
  it('creates version 1 with the plan, then each save adds a version carrying author and note', () => {
    const s = createScenario(db, SITI, { name: '  Rotasi 2026 ', ...BASE, plan: [M1] });
    expect(s).toMatchObject({ name: 'Rotasi 2026', owner: 'siti', status: 'draft', currentVersion: 1, baselineMonth: '2025-12' });
    const v2 = saveScenario(db, BUDI, s.id, { baseVersion: 1, plan: [M1, M2], note: 'tambah Dinkes' });
    expect(v2).toMatchObject({ version: 2, author: 'budi', note: 'tambah Dinkes', plan: [M1, M2] });
    expect(getVersion(db, s.id, 1)!.plan).toEqual([M1]);
    expect(listVersions(db, s.id).map((v) => v.version)).toEqual([2, 1]);
    expect(getScenario(db, s.id)!.currentVersion).toBe(2);
    expect(actions()).toEqual(['scenario_created', 'scenario_saved']);
    const saved = listAudit(db, { action: 'scenario_saved' })[0]!;
    expect(saved.actor).toBe('budi');
    expect(saved.target).toBe(`scenario:${s.id}`);
    expect(JSON.parse(saved.detail!)).toEqual({ version: 2, base_version: 1, changes: 2 });
  });

  it('refuses bad input with a clear message', () => {
    expect(() => createScenario(db, SITI, { name: '', ...BASE })).toThrow(/name is 1–120/);
    expect(() => createScenario(db, SITI, { name: 'x', ...BASE, baselineMonth: '2025-13' })).toThrow(/YYYY-MM/);
    expect(() => createScenario(db, SITI, { name: 'x', ...BASE, plan: {} })).toThrow(/list of changes/);
    expect(() => createScenario(db, SITI, { name: 'x', ...BASE, plan: [M1, { type: 'teleport' }] })).toThrow(/plan change 2/);
    const s = createScenario(db, SITI, { name: 'x', ...BASE });
    expect(() => saveScenario(db, SITI, s.id, { baseVersion: 0, plan: [] })).toThrow(/base version/);
    expect(() => saveScenario(db, SITI, 999, { baseVersion: 1, plan: [] })).toThrow(/no scenario 999/);
  });
});

describe('a stale save is refused', () => {
  it('says who saved which version and which changes differ, and keeps the latest version', () => {
    const s = createScenario(db, SITI, { name: 'Bersama', ...BASE, plan: [M1, M2] });
    // Budi and Siti both open version 1; Budi saves first (drops M2, adds L1)
    saveScenario(db, BUDI, s.id, { baseVersion: 1, plan: [M1, L1], note: 'pensiun' });
    let err: unknown;
    try {
      saveScenario(db, SITI, s.id, { baseVersion: 1, plan: [M1, M2, { ...M1, to: 'P-9' }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConflictError);
    const c = err as ConflictError;
    expect(c.current).toMatchObject({ version: 2, author: 'budi', note: 'pensiun' });
    expect(c.added).toEqual([L1]);
    expect(c.removed).toEqual([M2]);
    expect(c.message).toMatch(/saved as version 2 by budi .* after version 1 you started from: 1 change\(s\) added, 1 removed/);
    expect(getVersion(db, s.id)!.plan).toEqual([M1, L1]);
    expect(listVersions(db, s.id)).toHaveLength(2);
    expect(actions()).toEqual(['scenario_created', 'scenario_saved', 'scenario_save_conflict']);
    // reloading (base 2) saves
    expect(saveScenario(db, SITI, s.id, { baseVersion: 2, plan: [M1, L1, M2] }).version).toBe(3);
  });

  it('compares changes by content, whatever the order of their fields, counting duplicates', () => {
    const a: PlanChange[] = [M1, M1, M2];
    const b: PlanChange[] = [{ month: '2026-01', to: 'P-2', nip: M1.nip, type: 'move' }, L1];
    expect(planDifference(a, b)).toEqual([L1]);
    expect(planDifference(b, a)).toEqual([M1, M2]);
  });
});

describe('review and the lock', () => {
  it('submit → return with comment → edit → submit → approve; approved is locked, a copy is editable', () => {
    const s = createScenario(db, SITI, { name: 'Gelombang I', ...BASE, plan: [M1] });
    submitScenario(db, SITI, s.id, 'mohon persetujuan');
    expect(() => saveScenario(db, SITI, s.id, { baseVersion: 1, plan: [] })).toThrow(/submitted for approval/);
    expect(() => returnScenario(db, BOSS, s.id, '  ')).toThrow(/comment is required/);
    expect(returnScenario(db, BOSS, s.id, 'kurangi mutasi dari Dinkes').status).toBe('returned');
    saveScenario(db, SITI, s.id, { baseVersion: 1, plan: [M1, M2] });
    submitScenario(db, SITI, s.id, null);
    expect(approveScenario(db, BOSS, s.id, 'setuju').status).toBe('approved');
    expect(listEvents(db, s.id).map((e) => [e.action, e.actor, e.version, e.note])).toEqual([
      ['submitted', 'siti', 1, 'mohon persetujuan'],
      ['returned', 'kepala', 1, 'kurangi mutasi dari Dinkes'],
      ['submitted', 'siti', 2, null],
      ['approved', 'kepala', 2, 'setuju'],
    ]);
    // locked
    expect(() => saveScenario(db, SITI, s.id, { baseVersion: 2, plan: [] })).toThrow(ScenarioError);
    expect(() => saveScenario(db, SITI, s.id, { baseVersion: 2, plan: [] })).toThrow(/approved and locked/);
    expect(() => renameScenario(db, SITI, s.id, 'baru')).toThrow(/approved and locked/);
    expect(() => deleteScenario(db, SITI, s.id)).toThrow(/only a draft/);
    expect(() => approveScenario(db, BOSS, s.id)).toThrow(/only a submitted/);
    // the database refuses a new version of an approved scenario even past the module
    expect(() => db.prepare("INSERT INTO scenario_version (scenario_id, version, plan, author) VALUES (?, 3, '[]', 'x')").run(s.id)).toThrow(/approved and locked/);
    expect(() => db.prepare("UPDATE scenario_version SET plan = '[]' WHERE scenario_id = ?").run(s.id)).toThrow(/immutable/);
    // a copy: a draft of the one who copied, with the approved plan
    const copy = duplicateScenario(db, BUDI, s.id);
    expect(copy).toMatchObject({ name: 'Gelombang I (salinan)', owner: 'budi', status: 'draft', currentVersion: 1, copiedFrom: s.id, baselineMonth: '2025-12' });
    expect(getVersion(db, copy.id)!.plan).toEqual([M1, M2]);
    expect(saveScenario(db, BUDI, copy.id, { baseVersion: 1, plan: [M1] }).version).toBe(2);
    expect(getVersion(db, s.id)!.plan).toEqual([M1, M2]);
    expect(actions()).toEqual([
      'scenario_created',
      'scenario_submitted',
      'scenario_returned',
      'scenario_saved',
      'scenario_submitted',
      'scenario_approved',
      'scenario_duplicated',
      'scenario_saved',
    ]);
    recordExport(db, BOSS, s.id, 'xlsx', 2);
    expect(() => recordExport(db, BUDI, copy.id, 'csv', 1)).toThrow(/only an approved/);
    expect(JSON.parse(listAudit(db, { action: 'scenario_exported' })[0]!.detail!)).toEqual({ version: 2, format: 'xlsx', rows: 2 });
  });

  it('checks roles: analis creates and edits, pimpinan reviews, admin neither; only the owner deletes', () => {
    expect(() => createScenario(db, BOSS, { name: 'x', ...BASE })).toThrow(/for role analis/);
    expect(() => createScenario(db, ADMIN, { name: 'x', ...BASE })).toThrow(/for role analis/);
    const s = createScenario(db, SITI, { name: 'x', ...BASE });
    expect(() => saveScenario(db, BOSS, s.id, { baseVersion: 1, plan: [] })).toThrow(/for role analis/);
    expect(() => submitScenario(db, BOSS, s.id)).toThrow(/for role analis/);
    submitScenario(db, SITI, s.id);
    expect(() => approveScenario(db, SITI, s.id)).toThrow(/for role pimpinan/);
    expect(() => returnScenario(db, ADMIN, s.id, 'no')).toThrow(/for role pimpinan/);
    returnScenario(db, BOSS, s.id, 'ubah');
    expect(() => deleteScenario(db, BUDI, s.id)).toThrow(/only its owner/);
    deleteScenario(db, SITI, s.id);
    expect(getScenario(db, s.id)).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM scenario_version').get()).toEqual({ n: 0 });
    expect(actions().at(-1)).toBe('scenario_deleted');
  });

  it('lists own drafts and every submitted or approved scenario to analysts, only those to leadership', () => {
    const a = createScenario(db, SITI, { name: 'a', ...BASE });
    const b = createScenario(db, BUDI, { name: 'b', ...BASE });
    const c = createScenario(db, BUDI, { name: 'c', ...BASE });
    submitScenario(db, BUDI, c.id);
    const ids = (actor: Actor) => listScenarios(db, actor).map((s) => s.id).sort();
    expect(ids(SITI)).toEqual([a.id, c.id]);
    expect(ids(BUDI)).toEqual([b.id, c.id]);
    expect(ids(BOSS)).toEqual([c.id]);
    expect(ids(ADMIN)).toEqual([]);
    // opening: leadership never a draft, but what it returned; analysts any (drafts shared by link); admin none
    returnScenario(db, BOSS, c.id, 'ubah');
    expect([a, b].map((s) => canRead(BOSS, getScenario(db, s.id)!))).toEqual([false, false]);
    expect(canRead(BOSS, getScenario(db, c.id)!)).toBe(true);
    expect(canRead(SITI, getScenario(db, b.id)!)).toBe(true);
    expect(canRead(ADMIN, getScenario(db, c.id)!)).toBe(false);
  });
});

describe('nothing lost', () => {
  it('a save whose last step (the audit row) fails leaves the previous version and nothing else', () => {
    const s = createScenario(db, SITI, { name: 'atomik', ...BASE, plan: [M1] });
    // the audit row is written last in the save's transaction: make it fail
    db.exec(`CREATE TEMP TRIGGER fail_save BEFORE INSERT ON audit_log WHEN NEW.action = 'scenario_saved'
             BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    expect(() => saveScenario(db, SITI, s.id, { baseVersion: 1, plan: [M1, M2] })).toThrow(/disk gone/);
    expect(getScenario(db, s.id)!.currentVersion).toBe(1);
    expect(getVersion(db, s.id)!.plan).toEqual([M1]);
    expect(listVersions(db, s.id)).toHaveLength(1);
    db.exec('DROP TRIGGER fail_save');
    expect(saveScenario(db, SITI, s.id, { baseVersion: 1, plan: [M1, M2] }).version).toBe(2);
  });

  it('a writer killed (SIGKILL) in the middle of saving leaves every version whole and the scenario at its last complete save', async () => {
    const s = createScenario(db, SITI, { name: 'dibunuh', ...BASE, plan: [L1] });
    // the child saves version after version (version v holds v changes) until it is killed
    const script = `
      import { openStore } from ${JSON.stringify(path.join(REPO, 'app-store', 'store.ts'))};
      import { getVersion, saveScenario } from ${JSON.stringify(path.join(REPO, 'app-store', 'scenarios.ts'))};
      const db = openStore(process.env.STORE_FILE);
      for (;;) {
        const v = getVersion(db, ${s.id});
        const plan = Array.from({ length: v.version + 1 }, (_, i) => ({ type: 'leave', nip: 'n' + i, month: '2026-01', reason: 'x'.repeat(2000) }));
        saveScenario(db, { username: 'siti', role: 'analis' }, ${s.id}, { baseVersion: v.version, plan });
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO,
      env: { ...process.env, STORE_FILE: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // wait until it has saved a few versions, then kill it wherever it is
    while ((getScenario(db, s.id)?.currentVersion ?? 0) < 15) {
      expect(child.exitCode, stderr).toBeNull();
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    db.close();
    db = openStore(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const sc = getScenario(db, s.id)!;
    const versions = listVersions(db, s.id);
    // the scenario points at its newest version; each version is whole (version v has v changes)
    expect(sc.currentVersion).toBe(versions[0]!.version);
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: sc.currentVersion }, (_, i) => sc.currentVersion - i));
    for (const v of versions) expect(getVersion(db, s.id, v.version)!.plan).toHaveLength(v.version);
    // one audit row per complete save, none for the save that was cut off
    expect(listAudit(db, { action: 'scenario_saved' })).toHaveLength(sc.currentVersion - 1);
    expect(saveScenario(db, SITI, s.id, { baseVersion: sc.currentVersion, plan: [] }).version).toBe(sc.currentVersion + 1);
  }, 60_000);

  it('two store connections in two processes each add 40 changes, reloading on conflict: all 80 kept, 81 versions', async () => {
    const N = 40;
    const s = createScenario(db, SITI, { name: 'ramai', ...BASE });
    // each writer: read the latest version, append its change, save on that base; on conflict read again
    const writer = (who: string) => `
      import { openStore } from ${JSON.stringify(path.join(REPO, 'app-store', 'store.ts'))};
      import { getVersion, saveScenario, ConflictError } from ${JSON.stringify(path.join(REPO, 'app-store', 'scenarios.ts'))};
      const db = openStore(process.env.STORE_FILE);
      let conflicts = 0;
      for (let i = 0; i < ${N}; i++) {
        for (;;) {
          const v = getVersion(db, ${s.id});
          try {
            saveScenario(db, { username: '${who}', role: 'analis' }, ${s.id}, { baseVersion: v.version, plan: [...v.plan, { type: 'leave', nip: '${who}-' + i, month: '2026-01' }] });
            break;
          } catch (e) {
            if (!(e instanceof ConflictError)) throw e;
            conflicts++;
          }
        }
      }
      db.close();
      console.log(conflicts);`;
    const run = (who: string) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer(who)], {
        cwd: REPO,
        env: { ...process.env, STORE_FILE: file },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      return new Promise<{ code: number; err: string }>((resolve) => child.on('exit', (code) => resolve({ code: code ?? -1, err })));
    };
    const [a, b] = await Promise.all([run('a'), run('b')]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const latest = getVersion(db, s.id)!;
    expect(latest.version).toBe(2 * N + 1);
    const nips = latest.plan.map((c) => c.nip as string);
    expect(new Set(nips).size).toBe(2 * N);
    for (let i = 0; i < N; i++) expect(nips).toEqual(expect.arrayContaining([`a-${i}`, `b-${i}`]));
    // each writer's own changes stay in its order
    expect(nips.filter((n) => n.startsWith('a-'))).toEqual(Array.from({ length: N }, (_, i) => `a-${i}`));
    expect(listAudit(db, { action: 'scenario_saved' })).toHaveLength(2 * N);
  }, 60_000);
});
