/**
 * Saved-scenario benchmark (npm run bench -- skenario), issue 15: what the server does to open a scenario and to
 * compare three, at city scale (data/seimbang.duckdb) and province scale (SIM_PROVINCE_DB, else
 * data/bench/province.duckdb when it exists):
 * - open: a 200-move plan read from the application store (SQLite, a real file) and run through the simulator on the
 *   state of its month (pipeline/simulate/scenario.ts scenarioReport: before / after / changes per unit, warnings,
 *   the 12-month timeline) — the state itself is read once per build and month and kept by the server, its time is
 *   shown apart;
 * - compare: three such scenarios opened and compared (compareReports).
 * Targets (issue 15): opening a 200-move scenario ≤ 1 s, comparing three ≤ 1 s, at province scale. Figures as ratios
 * to the target (the machine is shared: read the ratios). Writes docs/benchmarks.md, section "Saved scenarios".
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { machine, median, ROOT, writeSection } from './util.ts';
import { loadStateFromFile } from '../pipeline/sim-state/duckdb.ts';
import { Simulator, monthText, parseMonth, type Change, type SimState } from '../pipeline/simulate/index.ts';
import { compareReports, planOrigins, scenarioReport, type PlanOrigins } from '../pipeline/simulate/scenario.ts';
import { openStore } from '../app-store/store.ts';
import { createScenario, getVersion } from '../app-store/scenarios.ts';

const log = (s: string) => process.stderr.write(`${s}\n`);
const TARGET_MS = 1000;
const MOVES = 200;
const RUNS = 7;

/** `n` moves the simulator accepts, spread over the people and positions (deterministic), from `month` */
function plan(s: SimState, n: number, seed: number): Change[] {
  const sim = new Simulator(s, { horizon: 0 });
  const N = s.people.nip.length;
  const P = s.positions.id.length;
  const start = parseMonth(s.month)! + 1;
  const out: Change[] = [];
  for (let k = 1; out.length < n && k < 50 * n; k++) {
    const c: Change = { type: 'move', nip: s.people.nip[(k * 7919 + seed * 104723) % N]!, to: s.positions.id[(k * 104729 + seed * 7907) % P]!, month: monthText(start + (k % 6)) };
    try {
      sim.apply(c);
      out.push(c);
    } catch {
      /* same position or the person already moved later: next */
    }
  }
  return out;
}

interface Row {
  scale: string;
  people: number;
  stateMs: number;
  openMs: number;
  compareMs: number;
}

async function runScale(scale: string, file: string): Promise<Row> {
  log(`${scale}: ${file}`);
  const t0 = performance.now();
  const state = await loadStateFromFile(file, null);
  const stateMs = performance.now() - t0;
  const dir = mkdtempSync(join(tmpdir(), 'seimbang-bench-skenario-'));
  try {
    const store = openStore(join(dir, 'app.sqlite'));
    const analyst = { username: 'bench', role: 'analis' };
    const ids = [1, 2, 3].map((seed) => {
      const p = plan(state, MOVES, seed);
      if (p.length < MOVES) throw new Error(`${scale}: only ${p.length} moves found`);
      return createScenario(store, analyst, { name: `bench ${seed}`, baselineBuild: 'bench', baselineMonth: state.month, plan: p, origins: planOrigins(state, p) }).id;
    });
    // what the server does per request once the state is kept: read the version, run the plan through the simulator
    const open = (id: number) => {
      const v = getVersion(store, id)!;
      return scenarioReport(state, v.plan as unknown as Change[], v.origins as PlanOrigins);
    };
    open(ids[0]!); // warm-up (JIT)
    const openTimes: number[] = [];
    const compareTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      let t = performance.now();
      const one = open(ids[r % 3]!);
      openTimes.push(performance.now() - t);
      if (one.moves.length !== MOVES) throw new Error(`${scale}: ${one.moves.length} of ${MOVES} moves applied`);
      t = performance.now();
      const cmp = compareReports(ids.map(open));
      compareTimes.push(performance.now() - t);
      if (cmp.indices.length === 0) throw new Error('empty comparison');
    }
    store.close();
    return { scale, people: state.people.nip.length, stateMs, openMs: median(openTimes), compareMs: median(compareTimes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
const city = join(ROOT, 'data/seimbang.duckdb');
if (existsSync(city)) rows.push(await runScale('city', city));
const provinceEnv = process.env.SIM_PROVINCE_DB;
const province = provinceEnv && existsSync(provinceEnv) ? provinceEnv : existsSync(join(ROOT, 'data/bench/province.duckdb')) ? join(ROOT, 'data/bench/province.duckdb') : null;
if (province) rows.push(await runScale('province', province));
else log('province: no warehouse (SIM_PROVINCE_DB or data/bench/province.duckdb); skipped');
if (!rows.length) throw new Error('no warehouse to measure: build data/seimbang.duckdb first');

const f = (ms: number) => `${ms.toFixed(1)} ms`;
const ratio = (ms: number) => `**${(ms / TARGET_MS).toFixed(3)}**`;
const body = `${machine()}, load average ${loadavg()[0]!.toFixed(1)} at the end of the run; the machine is shared with other jobs: read the ratios. \`npm run bench -- skenario\`
(province: \`SIM_PROVINCE_DB=<province warehouse>\`, else data/bench/province.duckdb).

- **Open**: a scenario of ${MOVES} moves read from the application store (SQLite file) and run through the simulator:
  before / after / changes per unit, every move's rule warnings, the 12-month timeline (what \`/skenario/[id]\` computes
  per request), median of ${RUNS}. Target ≤ 1 s: the ratio is time ÷ 1 s.
- **Compare three**: three such scenarios opened and compared (\`/skenario/bandingkan\`), median of ${RUNS}. Target ≤ 1 s.
- **State**: reading the simulator's state of the month from the warehouse, which the server does once per build and
  month and then keeps (shown apart; the first request after a rebuild pays it).

| scale | people | open ${MOVES} moves | ÷ target | compare three | ÷ target | state read (once per build) |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.scale} | ${r.people.toLocaleString('en')} | ${f(r.openMs)} | ${ratio(r.openMs)} | ${f(r.compareMs)} | ${ratio(r.compareMs)} | ${f(r.stateMs)} |`).join('\n')}
`;
writeSection('Saved scenarios', body);
log(body);
