/**
 * Build benchmark (npm run bench): whole build vs DuckDB alone reading the same CSVs, at province scale, and the
 * national-scale build's time and peak memory. Writes the figures to docs/benchmarks.md (section "Warehouse build").
 *   BENCH_NATIONAL=0 skips the national run (it takes a while: ~4.7 M staff).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
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
  /** peakRssMB: the highest resident memory sampled while the step ran */
  steps: { label: string; ms: number; peakRssMB?: number }[];
}

/** The steps during which the resident memory was highest: where to look when the peak grows. */
function memoryLine(steps: Measured['steps']): string {
  const top = steps.filter((s) => s.peakRssMB != null).sort((a, b) => b.peakRssMB! - a.peakRssMB!).slice(0, 5);
  return top.length ? `Highest resident memory (sampled every 100 ms) during: ${top.map((s) => `${s.label} ${(s.peakRssMB! / 1024).toFixed(2)} GB`).join(' · ')}.` : '';
}

function measure(mode: 'build' | 'readcsv', input: string, db: string, memoryLimit?: string): Measured {
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const args = [TSX, join(ROOT, 'bench/measure-build.ts'), mode, input, db, ...(memoryLimit ? [memoryLimit] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

/** The build's stages, by step label: where the time goes. */
const STAGES: [string, RegExp][] = [
  ['import (raw layer: CSV via read_csv, XLSX via exceljs)', /^raw_/],
  ['staging (typing, checks, quarantine reasons)', /^staging\//],
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

mkdirSync(DATA, { recursive: true });
const lines: string[] = [];
const runs = Number(process.env.BENCH_RUNS ?? 3);

{
  const input = sample('province');
  const reads: Measured[] = [];
  const builds: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    reads.push(measure('readcsv', input, join(DATA, 'readcsv.duckdb')));
    builds.push(measure('build', input, join(DATA, 'province.duckdb')));
    process.stderr.write(`province run ${i + 1}/${runs}: read_csv ${(reads.at(-1)!.ms / 1000).toFixed(2)} s, build ${(builds.at(-1)!.ms / 1000).toFixed(2)} s\n`);
  }
  const r = median(reads.map((x) => x.ms)), b = median(builds.map((x) => x.ms));
  const rc = median(reads.map((x) => x.cpuMs)), bc = median(builds.map((x) => x.cpuMs));
  const mid = [...builds].sort((x, y) => x.ms - y.ms)[Math.floor((builds.length - 1) / 2)]!;
  lines.push(
    `### Province scale (~100,000 staff, 36 months), median of ${runs} runs`,
    '',
    '| measurement | time | ratio to read_csv |',
    '|---|---|---|',
    `| DuckDB alone: \`CREATE TABLE … AS SELECT * FROM read_csv(…)\` for every input file | ${(r / 1000).toFixed(2)} s | 1.00 |`,
    `| whole Seimbang build (import, staging, core, marts, effects, checks, checkpoint, publish) | ${(b / 1000).toFixed(2)} s | **${(b / r).toFixed(2)}** (target ≤ 1.25) |`,
    `| peak memory of the build (max RSS) | ${(mid.maxRssMB / 1024).toFixed(2)} GB | |`,
    '',
    'CPU time (user + system, all threads; median): what each needs of the 2 cores. Both keep the cores busy',
    '(CPU time ÷ wall time is the average number of busy cores), so the ratio of wall times is, within the',
    'difference in parallelism, the ratio of the work done: faster needs less work, not more threads.',
    '',
    '| measurement | CPU time | ratio to read_csv | busy cores (CPU ÷ wall) |',
    '|---|---|---|---|',
    `| DuckDB alone: read_csv | ${(rc / 1000).toFixed(1)} s | 1.00 | ${(rc / r).toFixed(2)} |`,
    `| whole Seimbang build | ${(bc / 1000).toFixed(1)} s | **${(bc / rc).toFixed(2)}** | ${(bc / b).toFixed(2)} |`,
    '',
    `Where the time of the median build goes:`,
    '',
    ...stageTable(mid.steps, mid.ms, r),
    memoryLine(mid.steps),
    '',
  );
}

if (process.env.BENCH_NATIONAL !== '0') {
  const input = sample('national');
  const m = measure('build', input, join(DATA, 'national.duckdb'), process.env.BENCH_MEMORY_LIMIT ?? '3.5GB');
  lines.push(
    '### National scale (~4.7 million staff, 12 months), one run',
    '',
    '| measurement | value |',
    '|---|---|',
    `| build time | ${(m.ms / 1000 / 60).toFixed(1)} min |`,
    `| peak memory (max RSS of the build process, DuckDB memory_limit ${process.env.BENCH_MEMORY_LIMIT ?? '3.5GB'}) | ${(m.maxRssMB / 1024).toFixed(2)} GB (target < 6 GB) |`,
    '',
    ...stageTable(m.steps, m.ms),
    memoryLine(m.steps),
    '',
  );
}

lines.push(
  'What the build does that `read_csv` does not, and so what the ratio measures: every value is typed by the',
  'normalisers (Indonesian dates, decimal commas, NIPs with spaces, golongan, SKP predicates) and checked, every',
  'key is checked against its parent table and for duplicates (hash joins and a hash aggregate per large file),',
  'rejected values go to `quarantine`, and then the core tables, the marts (loads, imbalance, the audit facts, the',
  'effect panels) and the effects estimation (Callaway–Sant\'Anna with a 999-draw multiplier bootstrap) are',
  'computed and written. Staging tables are TEMP (never written to the file); the audit sentences are built when',
  'read (view `transfer_audit` over `transfer_audit_fact`).',
  '',
  `Reproduce: \`npm run bench -- build\` (${machine()}).`,
);
writeSection('Warehouse build', lines.join('\n'));
process.stdout.write(`${lines.join('\n')}\n`);
