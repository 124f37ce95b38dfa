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

function measure(mode: 'build' | 'readcsv', input: string, db: string, memoryLimit?: string): { ms: number; maxRssMB: number } {
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const args = [TSX, join(ROOT, 'bench/measure-build.ts'), mode, input, db, ...(memoryLimit ? [memoryLimit] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMB: number };
}

mkdirSync(DATA, { recursive: true });
const lines: string[] = [];
const runs = Number(process.env.BENCH_RUNS ?? 3);

{
  const input = sample('province');
  const read: number[] = [];
  const build: number[] = [];
  for (let i = 0; i < runs; i++) {
    read.push(measure('readcsv', input, join(DATA, 'readcsv.duckdb')).ms);
    build.push(measure('build', input, join(DATA, 'province.duckdb')).ms);
    process.stderr.write(`province run ${i + 1}/${runs}: read_csv ${(read.at(-1)! / 1000).toFixed(2)} s, build ${(build.at(-1)! / 1000).toFixed(2)} s\n`);
  }
  const r = median(read), b = median(build);
  lines.push(
    `### Province scale (~100,000 staff, 36 months), median of ${runs} runs`,
    '',
    '| measurement | time | ratio to read_csv |',
    '|---|---|---|',
    `| DuckDB alone: \`CREATE TABLE … AS SELECT * FROM read_csv(…)\` for every input file | ${(r / 1000).toFixed(2)} s | 1.00 |`,
    `| whole Seimbang build (import, staging, core, marts, checks, checkpoint, publish) | ${(b / 1000).toFixed(2)} s | **${(b / r).toFixed(2)}** (target ≤ 1.25) |`,
    '',
  );
}

if (process.env.BENCH_NATIONAL !== '0') {
  const input = sample('national');
  const m = measure('build', input, join(DATA, 'national.duckdb'), process.env.BENCH_MEMORY_LIMIT ?? '4GB');
  lines.push(
    '### National scale (~4.7 million staff, 12 months), one run',
    '',
    '| measurement | value |',
    '|---|---|',
    `| build time | ${(m.ms / 1000 / 60).toFixed(1)} min |`,
    `| peak memory (max RSS of the build process, DuckDB memory_limit ${process.env.BENCH_MEMORY_LIMIT ?? '4GB'}) | ${(m.maxRssMB / 1024).toFixed(2)} GB (target < 6 GB) |`,
    '',
  );
}

lines.push(`Reproduce: \`npm run bench -- build\` (${machine()}).`);
writeSection('Warehouse build', lines.join('\n'));
process.stdout.write(`${lines.join('\n')}\n`);
