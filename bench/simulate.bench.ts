/**
 * Simulator benchmark (npm run bench -- simulate): at city scale (the sample warehouse) and province scale
 * (SIM_PROVINCE_DB, else data/bench/province.duckdb when it exists):
 * - one move applied and every number updated (positions, units, indices of all regions and of each region), median
 *   over many moves, against the same move recomputed in DuckDB: the marts' own SQL (position_load_monthly,
 *   unit_load_monthly, imbalance_region_monthly model files) over a copy of the warehouse reduced to the state month,
 *   with staff_monthly updated by the move — measured interleaved in the same run, reported as a ratio;
 * - the state: its size as served (Arrow, and gzipped) and the time to read it (queries, encode, decode, build);
 * - a 12-month timeline with 50 moves.
 * Writes docs/benchmarks.md, section "Simulator". The machine is shared and loaded: ratios, not absolute times,
 * are the figures to read.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadavg } from 'node:os';
import { machine, median, ROOT, writeSection } from './util.ts';
import { readStateColumns } from '../pipeline/sim-state/duckdb.ts';
import { decodeState, encodeState } from '../pipeline/sim-state/arrow.ts';
import { stateFromColumns } from '../pipeline/sim-state/columns.ts';
import { Simulator, timeline, type MoveChange, type SimState } from '../pipeline/simulate/index.ts';

const MART_FILES = ['position_load_monthly', 'unit_load_monthly', 'imbalance_region_monthly'].map((m) => readFileSync(join(ROOT, 'pipeline/models/marts', `${m}.sql`), 'utf8'));
const log = (s: string) => process.stderr.write(`${s}\n`);

function cityDb(): string | null {
  const art = join(ROOT, 'test/artifacts/warehouse');
  if (existsSync(join(ROOT, 'data/seimbang.duckdb'))) return join(ROOT, 'data/seimbang.duckdb');
  if (existsSync(art)) return null;
  return null;
}
function provinceDb(): string | null {
  const env = process.env.SIM_PROVINCE_DB;
  if (env && existsSync(env)) return env;
  const shared = join(ROOT, 'data/bench/province.duckdb');
  return existsSync(shared) ? shared : null;
}

/** deterministic moves: person k·7919 to position k·104729 (mod sizes), skipping moves to the same position */
function moves(s: SimState, n: number, month: string): MoveChange[] {
  const out: MoveChange[] = [];
  const N = s.people.nip.length;
  const P = s.positions.id.length;
  const used = new Set<number>();
  for (let k = 1; out.length < n; k++) {
    const person = (k * 7919) % N;
    const to = (k * 104729) % P;
    if (used.has(person) || s.people.position[person] === to) continue;
    used.add(person);
    out.push({ type: 'move', nip: s.people.nip[person]!, to: s.positions.id[to]!, month });
  }
  return out;
}

interface ScaleResult {
  scale: string;
  people: number;
  positions: number;
  units: number;
  regions: number;
  bytes: number;
  gzip: number;
  readMs: number;
  encodeMs: number;
  decodeMs: number;
  buildMs: number;
  moveMs: number;
  duckMs: number;
  moveRuns: number;
  duckRuns: number;
  timelineMs: number;
  /** CPU time per timeline (user + system): less sensitive than wall time to the other jobs on the machine */
  timelineCpuMs: number;
}

async function runScale(scale: string, file: string): Promise<ScaleResult> {
  log(`${scale}: ${file}`);
  const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  let t = performance.now();
  const cols = await readStateColumns(con, null);
  const readMs = performance.now() - t;
  con.closeSync();
  db.closeSync();
  t = performance.now();
  const bytes = encodeState(cols);
  const encodeMs = performance.now() - t;
  const gz = gzipSync(bytes).length;
  t = performance.now();
  const decoded = decodeState(bytes);
  const state = stateFromColumns(decoded);
  const decodeMs = performance.now() - t;
  t = performance.now();
  const sim = new Simulator(state);
  const buildMs = performance.now() - t;

  // the DuckDB side: a copy reduced to the state month, the three mart models re-run after each move
  const dir = mkdtempSync(join(tmpdir(), 'seimbang-simbench-'));
  const copy = join(dir, 'w.duckdb');
  copyFileSync(file, copy);
  const ddb = await DuckDBInstance.create(copy);
  const dcon = await ddb.connect();
  const M = `${state.month}-01`;
  await dcon.run(`DELETE FROM staff_monthly WHERE "month" <> DATE '${M}'; DELETE FROM workload_monthly WHERE "month" <> DATE '${M}'; CHECKPOINT;`);

  const ms = moves(state, 400, state.month);
  const engine: number[] = [];
  const duck: number[] = [];
  const R = state.regions.length;
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k]!;
    // engine: apply and read every number the page shows (indices of every region and all regions, both levels)
    const t0 = performance.now();
    sim.apply(m);
    for (let r = 0; r <= R; r++) {
      sim.indices('unit', r === R ? null : r);
      sim.indices('position', r === R ? null : r);
    }
    engine.push(performance.now() - t0);
    sim.undo();
    // DuckDB: the same move in staff_monthly, then the marts' SQL (every 20th move: DuckDB is slow)
    if (k % 20 === 0) {
      const from = state.positions.id[state.people.position[state.people.nip.indexOf(m.nip)]!]!;
      const t1 = performance.now();
      await dcon.run(`UPDATE staff_monthly SET staff = staff + CASE WHEN position_id = '${m.to}' THEN 1 ELSE -1 END WHERE "month" = DATE '${M}' AND position_id IN ('${from}', '${m.to}')`);
      for (const sql of MART_FILES) await dcon.run(sql);
      duck.push(performance.now() - t1);
      await dcon.run(`UPDATE staff_monthly SET staff = staff - CASE WHEN position_id = '${m.to}' THEN 1 ELSE -1 END WHERE "month" = DATE '${M}' AND position_id IN ('${from}', '${m.to}')`);
    }
  }
  dcon.closeSync();
  ddb.closeSync();
  rmSync(dir, { recursive: true, force: true });

  // a 12-month timeline with 50 moves spread over the horizon
  const sim50 = new Simulator(state, { horizon: 12 });
  const m0 = Number(state.month.slice(0, 4)) * 12 + Number(state.month.slice(5)) - 1;
  sim50.applyPlan(moves(state, 50, state.month).map((m, i) => ({ ...m, month: `${Math.floor((m0 + 1 + (i % 12)) / 12)}-${String(((m0 + 1 + (i % 12)) % 12) + 1).padStart(2, '0')}` })));
  const tl: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 15; i++) {
    const t2 = performance.now();
    timeline(sim50);
    tl.push(performance.now() - t2);
  }
  const cpu = process.cpuUsage(cpu0);
  const timelineCpuMs = (cpu.user + cpu.system) / 1000 / 15;
  return {
    scale, people: state.people.nip.length, positions: state.positions.id.length, units: state.units.id.length, regions: R,
    bytes: bytes.length, gzip: gz, readMs, encodeMs, decodeMs, buildMs,
    moveMs: median(engine), duckMs: median(duck), moveRuns: engine.length, duckRuns: duck.length, timelineMs: median(tl), timelineCpuMs,
  };
}

const results: ScaleResult[] = [];
const city = cityDb();
if (city) results.push(await runScale('city', city));
else log('city: no data/seimbang.duckdb (npm run build:warehouse); skipped');
const prov = provinceDb();
if (prov) results.push(await runScale('province', prov));
else log('province: set SIM_PROVINCE_DB or build data/bench/province.duckdb (npm run bench -- build); skipped');

const f1 = (v: number) => v.toFixed(1);
const f3 = (v: number) => v.toFixed(3);
const mb = (b: number) => (b / 2 ** 20).toFixed(2);
const rows = results.map((r) => `| ${r.scale} | ${r.people.toLocaleString('en')} / ${r.positions.toLocaleString('en')} / ${r.units} / ${r.regions} | ${f3(r.moveMs)} ms (${r.moveRuns}) | ${f1(r.duckMs)} ms (${r.duckRuns}) | **${Math.round(r.duckMs / r.moveMs).toLocaleString('en')}×** | ${f1(r.timelineMs)} ms (CPU ${f1(r.timelineCpuMs)} ms) | ${mb(r.bytes)} MB / ${mb(r.gzip)} MB | ${f1(r.readMs)} + ${f1(r.encodeMs)} ms | ${f1(r.decodeMs)} + ${f1(r.buildMs)} ms |`);
writeSection('Simulator', `
${machine()}, load average ${loadavg()[0].toFixed(1)} at the end of the run; the machine is shared with other jobs (2 cores, loaded): read the ratios. \`npm run bench -- simulate\`
(province: \`SIM_PROVINCE_DB=<province warehouse>\`, else data/bench/province.duckdb).

- **One move**: apply a move and read every number (positions, units, the indices of each region and of all
  regions, both levels), median over the moves shown in brackets; the same move **in DuckDB**: staff_monthly
  updated and the marts' own SQL (position_load_monthly, unit_load_monthly, imbalance_region_monthly) re-run on a
  copy of the warehouse reduced to the state month (DuckDB's most favourable case), median, interleaved in the
  same run. Targets: ≤ 1 ms (city), ≤ 5 ms (province), ≥ 100× faster than DuckDB.
- **Timeline**: 12 months after the state month with 50 moves spread over them (ramp-up on), median of 15 (and the mean CPU time per timeline, which other jobs on the machine inflate less). Target ≤ 50 ms.
- **State**: what /api/simulasi/state sends (Arrow streams; gzip when the browser accepts it, as browsers do);
  server time = the queries + Arrow encoding (once per build and month, then cached); client time = Arrow decode
  into typed arrays + the engine's first full computation (Node; the browser runs the same code). Target ≤ 10 MB.

| scale | people / positions / units / regions | one move (engine) | same move (DuckDB) | ratio | 12-month timeline, 50 moves | state (Arrow / gzip) | server: read + encode | client: decode + build |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
log(rows.join('\n'));
