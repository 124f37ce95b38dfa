/**
 * Build benchmark (npm run bench): whole build vs DuckDB alone reading the same CSVs, at province scale, and the
 * national-scale build's time and peak memory. Writes the figures to docs/benchmarks.md (sections "Warehouse build"
 * and "Warehouse build: national scale", each written when its part runs).
 *   BENCH_NATIONAL=0 skips the national runs (they take a while: ~4.7 M staff); BENCH_NATIONAL_RUNS (3) how many;
 *   BENCH_MEMORY_LIMIT (DuckDB's memory_limit for them). BENCH_PROVINCE=0 skips the province runs.
 *   BENCH_RUNS (3): province runs. BENCH_BASELINE=<checkout of an earlier version>: its build measured in the same runs.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, median, writeSection, machine } from './util.ts';

const DATA = join(ROOT, 'data/bench');
const CLI = join(ROOT, 'bin/seimbang.js');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function sample(scale: string): string {
  const out = join(DATA, scale);
  if (!existsSync(join(out, '_truth'))) {
    process.stderr.write(`generating ${scale} sample in ${out} …\n`);
    const t = performance.now();
    execFileSync(process.execPath, [CLI, 'sample', '--scale', scale, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    process.stderr.write(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  return out;
}

interface Measured {
  ms: number;
  maxRssMB: number;
  /** CPU time of the process, user + system, over all its threads */
  cpuMs: number;
  /**
   * peakRssMB: the highest resident memory sampled while the step ran; peakJsMB: the JavaScript side's share of it
   * (V8 heap and external buffers; the rest is DuckDB's); cpuMs: CPU time since the previous step
   */
  steps: { label: string; ms: number; peakRssMB?: number; peakJsMB?: number; cpuMs?: number }[];
}

/** Each run's peak: the step it happened in and the JavaScript side's share (is it DuckDB's or Node's memory?). */
function peakPerRun(runs: Measured[]): string {
  const GB = (mb: number) => (mb / 1024).toFixed(2);
  return `Each run's highest sample: ${runs.map((r, i) => {
    const s = [...r.steps].sort((a, b) => (b.peakRssMB ?? 0) - (a.peakRssMB ?? 0))[0];
    return s?.peakRssMB == null ? `run ${i + 1} —` : `run ${i + 1} ${GB(s.peakRssMB)} GB during ${s.label.split(',')[0]}${s.label.includes(',') ? ' (batch)' : ''}, of which JavaScript ${GB(s.peakJsMB ?? 0)} GB`;
  }).join(' · ')}.`;
}

/** The steps during which the resident memory was highest: where to look when the peak grows. */
function memoryLine(steps: Measured['steps']): string {
  const top = steps.filter((s) => s.peakRssMB != null).sort((a, b) => b.peakRssMB! - a.peakRssMB!).slice(0, 5);
  return top.length ? `Highest resident memory (sampled every 100 ms) during: ${top.map((s) => `${s.label} ${(s.peakRssMB! / 1024).toFixed(2)} GB`).join(' · ')}.` : '';
}

function measure(mode: 'build' | 'readcsv' | 'incremental', input: string, db: string, o: { memoryLimit?: string; tree?: string } = {}): Measured {
  if (mode !== 'incremental') {
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  }
  const args = [TSX, join(ROOT, 'bench/measure-build.ts'), mode, input, db, ...(o.memoryLimit ? [o.memoryLimit] : [])];
  const env = { ...process.env, ...(o.tree ? { SEIMBANG_TREE: o.tree } : {}) };
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24, env });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

/**
 * The province sample as a government sends it month by month: `before` without the last month of workload and
 * ratings, `after` the same files with that month's rows added at their end (what `build --incremental` reads).
 */
function monthSplit(input: string): { before: string; after: string } {
  const root = join(DATA, 'province-months');
  const before = join(root, 'before');
  const after = join(root, 'after');
  if (existsSync(join(after, 'kinerja.csv'))) return { before, after };
  for (const d of [before, after]) {
    mkdirSync(d, { recursive: true });
    for (const f of readdirSync(input)) if (f !== 'kinerja.csv' && f !== 'beban_kerja.csv' && statSync(join(input, f)).isFile()) copyFileSync(join(input, f), join(d, f));
  }
  for (const [name, col] of [['kinerja.csv', 1], ['beban_kerja.csv', 2]] as const) {
    const [head, ...rows] = readFileSync(join(input, name), 'utf8').split('\n').filter((l) => l !== '');
    const last = rows.reduce((m, r) => { const v = r.split(',')[col]!; return v > m ? v : m; }, '');
    const old = rows.filter((r) => r.split(',')[col] !== last);
    writeFileSync(join(before, name), [head, ...old, ''].join('\n'));
    writeFileSync(join(after, name), [head, ...old, ...rows.filter((r) => r.split(',')[col] === last), ''].join('\n'));
  }
  return { before, after };
}

/** The build's stages, by step label: where the time goes. */
const STAGES: [string, RegExp][] = [
  ['import (raw layer: XLSX via exceljs, small CSVs via read_csv; the large CSVs only their header)', /^raw_/],
  ['staging (one-pass loads of the large CSVs, typing, checks, quarantine reasons)', /^staging\//],
  ['core', /^core\//],
  ['marts (loads, imbalance, audit, effect panels)', /^marts\//],
  ['effects estimation (Callaway–Sant\'Anna, bootstrap)', /^derived\//],
  ['checks, build_info, checkpoint and publish', /./],
];

function stageTable(steps: Measured['steps'], total: number, base?: number): string[] {
  const sum = new Map<string, number>(STAGES.map(([name]) => [name, 0]));
  const top = [...steps].sort((a, b) => b.ms - a.ms).slice(0, 5);
  for (const s of steps) {
    const [name] = STAGES.find(([, re]) => re.test(s.label))!;
    sum.set(name, sum.get(name)! + s.ms);
  }
  return [
    `| stage | time | share of the build${base ? ' | ÷ read_csv time' : ''} |`,
    `|---|---|---|${base ? '---|' : ''}`,
    ...[...sum].map(([name, ms]) => `| ${name} | ${(ms / 1000).toFixed(2)} s | ${((100 * ms) / total).toFixed(0)} % |${base ? ` ${(ms / base).toFixed(2)} |` : ''}`),
    '',
    `Slowest steps: ${top.map((s) => `${s.label} ${(s.ms / 1000).toFixed(2)} s`).join(' · ')}.`,
    '',
  ];
}

/**
 * The same ratios taken run by run, each measurement against the others of its own run, then their median. The
 * tables above divide medians taken over all runs: when the load of the shared machine drifts during the bench,
 * those medians come from different runs, and the build (its threads and its JavaScript) suffers more from load
 * than read_csv does. The runs are interleaved so that pairing them is meaningful; both are reported.
 */
function pairedRatios(reads: Measured[], builds: Measured[], incs: Measured[]): string[] {
  const per = (f: (i: number) => number) => median(reads.map((_, i) => f(i)));
  const x = (v: number) => `**${v.toFixed(2)}**`;
  const pc = (v: number) => `**${(100 * v).toFixed(0)} %**`;
  return [
    'Median of the per-run ratios (each run\'s build against the read_csv and the full build of the same run): ' +
      `ingest + staging ${x(per((i) => part(builds[i]!, INGEST, 'ms') / reads[i]!.ms))} × read_csv wall, ` +
      `${x(per((i) => part(builds[i]!, INGEST, 'cpuMs') / reads[i]!.cpuMs))} × CPU; ` +
      `whole build ${x(per((i) => builds[i]!.ms / reads[i]!.ms))} × wall, ${x(per((i) => builds[i]!.cpuMs / reads[i]!.cpuMs))} × CPU; ` +
      `adding a month ${pc(per((i) => incs[i]!.ms / builds[i]!.ms))} of the full build's wall, ${pc(per((i) => incs[i]!.cpuMs / builds[i]!.cpuMs))} of its CPU.`,
  ];
}

mkdirSync(DATA, { recursive: true });
let lines: string[] = [];
const runs = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_BASELINE=<checkout of an earlier version>: its whole build measured in the same runs, for comparison */
const baseline = process.env.BENCH_BASELINE;

/** ingest + staging: the import steps and the staging steps (the one-pass loads and their checks among them) */
const INGEST = /^(raw_|staging\/)/;
const part = (m: Measured, re: RegExp, key: 'ms' | 'cpuMs') => m.steps.filter((st) => re.test(st.label)).reduce((a, st) => a + (st[key] ?? 0), 0);

if (process.env.BENCH_PROVINCE !== '0') {
  const { before, after } = monthSplit(sample('province'));
  // the previous month's warehouse, built by this version each time (one built by other SQL, even of the same
  // schema version, makes the incremental build fall back to a full one: build_info.models_sha256); each
  // incremental run starts from a copy of it
  const previous = join(DATA, 'province-before.duckdb');
  measure('build', before, previous);
  const reads: Measured[] = [];
  const builds: Measured[] = [];
  const incs: Measured[] = [];
  const bases: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    // interleaved, so a change in the load of the (shared) machine falls on every measurement alike
    reads.push(measure('readcsv', after, join(DATA, 'readcsv.duckdb')));
    builds.push(measure('build', after, join(DATA, 'province.duckdb')));
    const incDb = join(DATA, 'province-inc.duckdb');
    rmSync(`${incDb}.wal`, { force: true });
    copyFileSync(previous, incDb);
    const inc = measure('incremental', after, incDb);
    if (!inc.steps.some((st) => /rows added/.test(st.label))) throw new Error('the incremental build fell back to a full build');
    incs.push(inc);
    if (baseline) bases.push(measure('build', after, join(DATA, 'province-baseline.duckdb'), { tree: baseline }));
    process.stderr.write(`province run ${i + 1}/${runs}: read_csv ${(reads.at(-1)!.ms / 1000).toFixed(2)} s, build ${(builds.at(-1)!.ms / 1000).toFixed(2)} s, incremental ${(incs.at(-1)!.ms / 1000).toFixed(2)} s${baseline ? `, baseline build ${(bases.at(-1)!.ms / 1000).toFixed(2)} s` : ''}\n`);
  }
  const r = median(reads.map((x) => x.ms)), rc = median(reads.map((x) => x.cpuMs));
  const row = (label: string, ms: number, cpu: number, target: string) =>
    `| ${label} | ${(ms / 1000).toFixed(2)} s | **${(ms / r).toFixed(2)}** | ${(cpu / 1000).toFixed(1)} s | **${(cpu / rc).toFixed(2)}** | ${target} |`;
  const b = median(builds.map((x) => x.ms)), bc = median(builds.map((x) => x.cpuMs));
  const ing = median(builds.map((x) => part(x, INGEST, 'ms'))), ingc = median(builds.map((x) => part(x, INGEST, 'cpuMs')));
  const inc = median(incs.map((x) => x.ms)), incc = median(incs.map((x) => x.cpuMs));
  const mid = [...builds].sort((x, y) => x.ms - y.ms)[Math.floor((builds.length - 1) / 2)]!;
  lines.push(
    `### Province scale (~100,000 staff, 36 months), median of ${runs} interleaved runs`,
    '',
    'Wall time and CPU time (user + system, all threads of the process). The machine is shared: the runs are',
    'interleaved (read_csv, build, incremental build' + (baseline ? ', earlier build' : '') + ' in turn), so a change of load falls on all alike.',
    '',
    '| measurement | wall | ÷ read_csv wall | CPU | ÷ read_csv CPU | target |',
    '|---|---|---|---|---|---|',
    `| DuckDB alone: \`CREATE TABLE … AS SELECT * FROM read_csv(…)\` for every input file | ${(r / 1000).toFixed(2)} s | 1.00 | ${(rc / 1000).toFixed(1)} s | 1.00 | |`,
    row('ingest + staging (import, one-pass loads, staging models, their checks)', ing, ingc, '≤ 1.7'),
    row('whole build (… core, marts, effects, checks, checkpoint, publish)', b, bc, '≤ 3.0'),
  );
  if (baseline) {
    // the earlier version: its commit when the baseline is a git checkout
    let which = 'the earlier version';
    try {
      which = execFileSync('git', ['-C', baseline, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      // not a git checkout: named generically
    }
    const bb = median(bases.map((x) => x.ms)), bbc = median(bases.map((x) => x.cpuMs));
    const bi = median(bases.map((x) => part(x, INGEST, 'ms'))), bic = median(bases.map((x) => part(x, INGEST, 'cpuMs')));
    lines.push(
      row(`before (${which}): ingest + staging`, bi, bic, ''),
      row(`before (${which}): whole build`, bb, bbc, ''),
    );
  }
  lines.push(
    '',
    '| adding a month (`build --incremental`: the previous warehouse + the last month of workload and ratings) | wall | ÷ full build wall | CPU | ÷ full build CPU | target |',
    '|---|---|---|---|---|---|',
    `| incremental build | ${(inc / 1000).toFixed(2)} s | **${(100 * inc / b).toFixed(0)} %** | ${(incc / 1000).toFixed(1)} s | **${(100 * incc / bc).toFixed(0)} %** | ≤ 25 % |`,
    `| full build of all months | ${(b / 1000).toFixed(2)} s | 100 % | ${(bc / 1000).toFixed(1)} s | 100 % | |`,
    '',
    `Per run (wall, s): read_csv ${reads.map((x) => (x.ms / 1000).toFixed(1)).join(' / ')} · build ${builds.map((x) => (x.ms / 1000).toFixed(1)).join(' / ')} · incremental ${incs.map((x) => (x.ms / 1000).toFixed(1)).join(' / ')}${baseline ? ` · before ${bases.map((x) => (x.ms / 1000).toFixed(1)).join(' / ')}` : ''}.`,
    '',
    ...pairedRatios(reads, builds, incs),
    '',
    `Peak memory of the median build (max RSS): ${(mid.maxRssMB / 1024).toFixed(2)} GB. Where its time goes:`,
    '',
    ...stageTable(mid.steps, mid.ms, r),
    memoryLine(mid.steps),
    '',
    'Where the time of the median incremental build goes:',
    '',
    ...stageTable([...incs].sort((x, y) => x.ms - y.ms)[Math.floor((incs.length - 1) / 2)]!.steps, inc),
  );
}

if (process.env.BENCH_PROVINCE !== '0') {
  lines.push(
    'What the build does that `read_csv` does not, and so what the ratio measures: every value is typed by the',
    'normalisers (Indonesian dates, decimal commas, NIPs with spaces, golongan, SKP predicates) and checked, every',
    'key is checked against its parent table and for duplicates (hash joins and a hash aggregate per large file),',
    'rejected values go to `quarantine`, and then the core tables, the marts (loads, imbalance, the audit facts, the',
    'effect panels) and the effects estimation (Callaway–Sant\'Anna with a 999-draw multiplier bootstrap) are',
    'computed and written. Staging tables are TEMP (never written to the file); the audit sentences are built when',
    'read (view `transfer_audit` over `transfer_audit_fact`). The two largest files (ratings, workload) are read, typed',
    'and stored once (pipeline/models/onepass): no raw or staging copy, their checks on the stored, typed keys.',
    'The incremental build reads only the rows added at the end of those files and computes the marts over months',
    'for the new months only (pipeline/warehouse/incremental-marts.ts: the earlier months\' rows cannot change;',
    'the rolling year of a new month reads the 11 before it; effect_panel_employee joins only the new month and the',
    'people its sample keeps anew), and the effects estimation again; `--incremental` falls back to a full build,',
    'saying why, when anything else changed. In both builds the effects estimation (JavaScript, one core) runs',
    'alongside the marts it does not read (pipeline/warehouse/alongside.ts), so the stage times above overlap: the',
    'marts run in those batches are counted in both their own stage and the estimation\'s.',
    '',
    `Reproduce: \`npm run bench -- build\` (${machine()}).`,
  );
  writeSection('Warehouse build', lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.env.BENCH_NATIONAL !== '0') {
  const input = sample('national');
  // DuckDB's memory_limit bounds its buffer pool, not the process: with 3.5GB the process peaked at 4.27-5.68 GB,
  // with 2.5GB at 3.46-4.30 GB, almost all of it DuckDB's (JavaScript < 0.1 GB) until the build set its allocator to
  // give freed memory back sooner (pipeline/warehouse/duckdb-config.ts)
  const limit = process.env.BENCH_MEMORY_LIMIT ?? '2.5GB';
  const nRuns = Number(process.env.BENCH_NATIONAL_RUNS ?? 3);
  const ms: Measured[] = [];
  for (let i = 0; i < nRuns; i++) ms.push(measure('build', input, join(DATA, 'national.duckdb'), { memoryLimit: limit }));
  const rss = ms.map((m) => m.maxRssMB / 1024);
  const m = [...ms].sort((x, y) => x.ms - y.ms)[Math.floor((ms.length - 1) / 2)]!;
  lines = [
    `National sample (~4.7 million staff, 12 months; \`seimbang sample --scale national\`), ${nRuns} builds one after`,
    'the other, DuckDB `memory_limit` ' + limit + '.',
    '',
    '| measurement | value |',
    '|---|---|',
    `| build time (median) | ${(m.ms / 1000 / 60).toFixed(1)} min |`,
    `| peak memory (max RSS of the build process, DuckDB memory_limit ${limit}), every run | ${rss.map((x) => x.toFixed(2)).join(' / ')} GB (target < 4 GB) |`,
    '',
    ...stageTable(m.steps, m.ms),
    memoryLine(m.steps),
    '',
    peakPerRun(ms),
    '',
    `Per run (wall, min): ${ms.map((x) => (x.ms / 60000).toFixed(1)).join(' / ')}. Reproduce: \`BENCH_PROVINCE=0 npm run bench -- build\` (${machine()}).`,
  ];
  writeSection('Warehouse build: national scale', lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
}

