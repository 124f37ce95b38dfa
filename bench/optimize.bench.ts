/**
 * Optimiser benchmark (npm run bench -- optimize): the exact model and greedy side by side on the city sample
 * (30 moves) and a province sample (200 moves), gap objective: the model's size, the solve time, the status and the
 * relative gap, and the improvement over greedy. Medians of BENCH_RUNS runs (default 3), interleaved with greedy in
 * the same process. The province warehouse is built into data/bench/ when missing (as the build benchmark does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import loadHighs from 'highs';
import { loadStateFromFile } from '../pipeline/sim-state/duckdb.ts';
import { inputFromSimState } from '../pipeline/optimize/sim-bridge.ts';
import { optimize } from '../pipeline/optimize/optimize.ts';
import type { Objective, OptimizeResult } from '../pipeline/optimize/types.ts';
import { machine, median, ROOT, writeSection } from './util.ts';

const CLI = join(ROOT, 'bin/seimbang.js');
const DATA = join(ROOT, 'data/bench');
const runs = Number(process.env.BENCH_RUNS ?? 3);

function warehouse(scale: 'city' | 'province'): string {
  if (scale === 'city') {
    const db = join(ROOT, 'data/seimbang.duckdb');
    if (!existsSync(db)) execFileSync(process.execPath, [CLI, 'build', '--input', join(ROOT, 'data/sample'), '--db', db], { stdio: 'inherit' });
    return db;
  }
  mkdirSync(DATA, { recursive: true });
  const input = join(DATA, 'province');
  const db = join(DATA, 'province.duckdb');
  if (!existsSync(join(input, '_truth'))) execFileSync(process.execPath, [CLI, 'sample', '--scale', 'province', '--out', input], { stdio: 'inherit' });
  if (!existsSync(db)) execFileSync(process.execPath, [CLI, 'build', '--input', input, '--db', db], { stdio: 'inherit' });
  return db;
}

const highs = await loadHighs();
const lines: string[] = [
  `${machine()}. The machine is shared with other jobs (2 cores, several helpers at once): times are indicative; the`,
  'status, gap and objective values do not depend on the load (except when the time limit cuts a solve short).',
  '',
  '| instance | objective | people (movable) | classes / pools | variables (integer) / constraints / nonzeros | exact: time, status, gap | greedy: time | objective before → greedy → exact (bound) | exact better than greedy by |',
  '|---|---|---|---|---|---|---|---|---|',
];

const cases: { scale: 'city' | 'province'; moves: number; objective: Objective; limit: number }[] = [
  { scale: 'city', moves: 30, objective: 'gap', limit: 10 },
  { scale: 'city', moves: 30, objective: 'gini', limit: 10 },
  { scale: 'city', moves: 30, objective: 'max-ej', limit: 10 },
  { scale: 'province', moves: 200, objective: 'gap', limit: 60 },
  { scale: 'province', moves: 200, objective: 'gini', limit: 60 },
];
for (const c of cases) {
  const state = await loadStateFromFile(warehouse(c.scale), null);
  const input = inputFromSimState(state);
  const results: OptimizeResult[] = [];
  for (let i = 0; i < runs; i++) {
    results.push(optimize(highs, input, { objective: c.objective, maxMoves: c.moves, effectiveDate: input.month, timeLimitSeconds: c.limit, mipRelGap: c.scale === 'city' ? 0.001 : 0.01 }));
    const r = results.at(-1)!;
    process.stderr.write(`${c.scale} ${c.objective} ${c.moves} run ${i + 1}/${runs}: exact ${r.exact.seconds.toFixed(2)} s ${r.status} gap ${(100 * r.exact.gap).toFixed(3)} %, greedy ${r.greedy.seconds.toFixed(2)} s\n`);
  }
  const r = results[0]!;
  const m = r.exact.model;
  const te = median(results.map((x) => x.exact.seconds));
  const tg = median(results.map((x) => x.greedy.seconds));
  const better = r.greedy.objectiveAfter - r.exact.objectiveAfter;
  const fmt = (v: number) => (c.objective === 'gap' ? v.toFixed(2) : v.toFixed(4));
  lines.push(
    `| ${c.scale}, ${c.moves} moves | ${c.objective} | ${r.eligibility.people} (${r.eligibility.movable}) | ${m.classes} / ${m.pools} | ${m.variables} (${m.integerVariables}) / ${m.constraints} / ${m.nonzeros} | ` +
      `${te.toFixed(2)} s, ${results.map((x) => x.status).join('/')}, ${(100 * Math.max(...results.map((x) => x.exact.gap))).toFixed(3)} % | ${tg.toFixed(2)} s | ` +
      `${fmt(r.exact.objectiveBefore)} → ${fmt(r.greedy.objectiveAfter)} → ${fmt(r.exact.objectiveAfter)} (${fmt(r.exact.bestBound)}) | ${fmt(better)} (${((100 * better) / Math.max(1e-12, r.greedy.objectiveBefore - r.greedy.objectiveAfter)).toFixed(1)} % of greedy's improvement) |`,
  );
}
lines.push(
  '',
  'Time limits: city 10 s, province 60 s; relative gap target: city 0.1 %, province 1 %. The bound is HiGHS\'s best',
  'proven bound on the solver objective (which adds 10⁻⁶ per move to break ties by fewer moves).',
  '',
  "Where the two columns agree, greedy happened to be optimal on that instance (the samples have many independent",
  "surpluses and shortages, so a single move closing 2 FTE of gap is available at every step); the exact model's",
  "bound is then the proof that no better plan exists under the rules, which greedy alone cannot give. The greedy",
  "time includes naming the people and ordering the moves.",
);
writeSection('Rotation optimiser (exact model vs greedy)', lines.join('\n'));
process.stderr.write(lines.join('\n') + '\n');
