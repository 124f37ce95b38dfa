// The simulator against the warehouse: (1) on the unchanged state it equals the marts for every position, unit
// and index of the month; (2) end to end, a plan's moves written into the input files as transfers and rebuilt give
// marts of the effective month equal to the simulator's "after" (the after view has no ramp-up).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cli, query, removeDir, tempDir } from './helpers.ts';
import { buildSampleWarehouse, SAMPLE, type SampleWarehouse } from './sample-warehouse.ts';
import { loadStateFromFile } from '../../pipeline/sim-state/duckdb.ts';
import { Simulator, type Snapshot, type SimState, type MoveChange } from '../../pipeline/simulate/index.ts';

type Row = Record<string, any>;
let w: SampleWarehouse;
beforeAll(() => {
  w = buildSampleWarehouse();
});
afterAll(() => w?.cleanup());

const close = (a: number | null, b: number | null, what: string) => {
  if (a === null || b === null || Number.isNaN(a as number)) {
    expect(a === null || Number.isNaN(a as number), what).toBe(b === null);
  } else expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
};
const nn = (v: number) => (Number.isNaN(v) ? null : v);

async function expectParity(db: string, state: SimState, snap: Snapshot): Promise<void> {
  const m = `${state.month}-01`;
  const pos: Row[] = await query(db, `SELECT * FROM position_load_monthly WHERE month = DATE '${m}'`);
  const pIndex = new Map(state.positions.id.map((id, i) => [id, i]));
  expect(pos.length).toBe(state.positions.id.length);
  for (const r of pos) {
    const i = pIndex.get(r.position_id)!;
    close(snap.position.workload[i]!, r.workload_minutes, `workload ${r.position_id}`);
    expect(snap.position.staff[i], `staff ${r.position_id}`).toBe(r.current_staff);
    close(snap.position.required[i]!, r.required_staff, `required ${r.position_id}`);
    close(nn(snap.position.ej[i]!), r.ej, `ej ${r.position_id}`);
  }
  const units: Row[] = await query(db, `SELECT * FROM unit_load_monthly WHERE month = DATE '${m}'`);
  const uIndex = new Map(state.units.id.map((id, i) => [id, i]));
  expect(units.length).toBe(state.units.id.length);
  for (const r of units) {
    const u = uIndex.get(r.unit_id)!;
    close(snap.unit.workload[u]!, r.workload_minutes, `unit workload ${r.unit_id}`);
    expect(snap.unit.staff[u], `unit staff ${r.unit_id}`).toBe(r.current_staff);
    close(nn(snap.unit.ej[u]!), r.ej, `unit ej ${r.unit_id}`);
  }
  const idx: Row[] = await query(db, `SELECT * FROM imbalance_region_monthly WHERE month = DATE '${m}' AND level IN ('unit', 'position')`);
  expect(idx.length).toBe(2 * (state.regions.length + 1));
  for (const r of idx) {
    const g = r.region_code === null ? state.regions.length : state.regions.indexOf(r.region_code);
    const s = snap[r.level as 'unit' | 'position'].indices[g]!;
    expect(s.n, `n ${r.level} ${r.region_code}`).toBe(r.n);
    for (const k of ['mean_ej', 'gini', 'cv', 'theil', 'max_mean', 'balance_efficiency', 'share_staff_overloaded', 'share_staff_slack', 'staffing_gap'] as const) {
      close(s[k], r[k], `${k} ${r.level} ${r.region_code}`);
    }
  }
}

describe('simulator state = warehouse marts (unchanged state)', () => {
  it.each([null, '2024-06'])('month %s: every position, unit and index', async (month) => {
    const state = await loadStateFromFile(w.db, month);
    if (month) expect(state.month).toBe(month);
    const sim = new Simulator(state);
    expect(state.people.nip.length).toBeGreaterThan(1000);
    await expectParity(w.db, state, sim.before);
  });
});

/** a line of a ';'-separated file into its cells, quotes kept as written */
function splitSemicolons(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** the transfers of the input as CSV rows (mutasi.xlsx → transfers.csv), so rows can be appended */
async function transfersCsv(input: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(input, 'mutasi.xlsx'));
  const ws = wb.worksheets[0]!;
  const lines: string[] = [];
  const cell = (v: unknown) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const s = v === null || v === undefined ? '' : String(v);
    return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  ws.eachRow((row) => {
    const vals = (row.values as unknown[]).slice(1, 9);
    while (vals.length < 8) vals.push('');
    lines.push(vals.map(cell).join(';'));
  });
  return lines;
}

describe('end to end: the plan written as transfers and rebuilt = the simulator after', () => {
  let dir: string;
  afterAll(() => dir && removeDir(dir));
  it('three moves effective in the state month', async () => {
    const state = await loadStateFromFile(w.db, null);
    const M = state.month;
    // people settled before the month (their spell starts before it), moved to positions of other units
    const moves: MoveChange[] = [];
    const used = new Set<number>();
    for (let i = 0; i < state.people.nip.length && moves.length < 3; i += 97) {
      const since = state.people.since[i];
      if (!since || since >= `${M}-01` || since < '2000-01-01') continue;
      const from = state.people.position[i]!;
      const to = (from + 211 * (moves.length + 1)) % state.positions.id.length;
      if (state.positions.unit[to] === state.positions.unit[from] || used.has(to)) continue;
      used.add(to);
      moves.push({ type: 'move', nip: state.people.nip[i]!, to: state.positions.id[to]!, month: M });
    }
    expect(moves.length).toBe(3);
    const sim = new Simulator(state);
    sim.applyPlan(moves);
    const after = sim.snapshot();

    dir = tempDir('seimbang-sim-e2e-');
    const input = join(dir, 'input');
    cpSync(w.input ?? SAMPLE, input, { recursive: true });
    const lines = await transfersCsv(input);
    rmSync(join(input, 'mutasi.xlsx'));
    const digits = (s: string) => s.replace(/\D/g, '');
    const byNip = new Map(moves.map((m) => [m.nip, m]));
    const fromOf = (nip: string) => state.positions.id[state.people.position[state.people.nip.indexOf(nip)]!]!;
    for (const m of moves) lines.push([m.nip, `${M}-01`, fromOf(m.nip), m.to, `SIM/${m.nip}`, `${M}-01`, 'rotasi_berkala', ''].join(';'));
    writeFileSync(join(input, 'mutasi.csv'), lines.join('\n') + '\n');
    // the employees' new positions (Jabatan) and TMT jabatan
    const peg = readFileSync(join(input, 'pegawai.csv'), 'utf8').split('\n');
    const head = peg[0]!.split(';'); // the header has no quoted cells
    const jCol = head.indexOf('Jabatan');
    const tCol = head.indexOf('TMT Jabatan');
    let changed = 0;
    const out = peg.map((line, k) => {
      if (k === 0 || !line) return line;
      const cells = splitSemicolons(line);
      const m = byNip.get(digits(cells[0]!));
      if (!m) return line;
      cells[jCol] = m.to;
      cells[tCol] = `${M}-01`;
      changed++;
      return cells.join(';');
    });
    expect(changed).toBe(3);
    writeFileSync(join(input, 'pegawai.csv'), out.join('\n'));
    const db = join(dir, 'after.duckdb');
    const r = cli(['build', '--input', input, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    // the rebuilt warehouse's own state has the moved people in their new positions …
    const rebuilt = await loadStateFromFile(db, M);
    for (const m of moves) {
      const i = rebuilt.people.nip.indexOf(m.nip);
      expect(rebuilt.positions.id[rebuilt.people.position[i]!]).toBe(m.to);
    }
    // … and its marts of the month equal the simulator's after, for every position, unit and index
    await expectParity(db, state, after);
  });
});

describe('seimbang simulate', () => {
  let dir: string;
  afterAll(() => dir && removeDir(dir));
  it('prints before, after, timeline and warnings as JSON; a bad plan exits 1 naming row and column, printing nothing', async () => {
    dir = tempDir('seimbang-sim-cli-');
    const state = await loadStateFromFile(w.db, null);
    const a = state.people.nip[10]!;
    const to = state.positions.id[(state.people.position[10]! + 50) % state.positions.id.length]!;
    const good = join(dir, 'plan.csv');
    writeFileSync(good, `type,nip,position,unit,month,until,factor\nmove,${a},${to},,2026-02,,\ndemand,,,${state.units.id[0]},2026-06,2026-07,1.4\n`);
    const r = cli(['simulate', '--db', w.db, '--plan', good, '--horizon', '6', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.month).toBe(state.month);
    expect(out.timeline.length).toBe(7);
    expect(out.changes.length).toBe(2);
    const sim = new Simulator(state, { horizon: 6 });
    sim.applyPlan([{ type: 'move', nip: a, to, month: '2026-02' }, { type: 'demand', target: 'unit', id: state.units.id[0]!, factor: 1.4, from: '2026-06', to: '2026-07' }]);
    expect(out.indices.unit.after.gini).toBe(sim.indices('unit').gini);
    expect(out.indices.unit.before.gini).toBe(sim.before.unit.indices.at(-1)!.gini);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `type,nip,position,unit,month,until,factor\nmove,${a},${to},,2026-02,,\nmove,999999999999999999,${to},,2026-02,,\n`);
    const b = cli(['simulate', '--db', w.db, '--plan', bad]);
    expect(b.code).toBe(1);
    expect(b.stdout).toBe('');
    expect(b.stderr).toMatch(/row 3, column nip: no person 999999999999999999/);
  });
});
