/**
 * Child process of the build benchmark: runs one measurement and prints {ms, maxRssMB, cpuMs, steps} as JSON on stdout,
 * so the peak memory and the CPU time (user + system, all threads) are those of this measurement alone.
 *   tsx bench/measure-build.ts build <input> <db>      the whole Seimbang build
 *   tsx bench/measure-build.ts readcsv <input> <db>    DuckDB alone: read_csv of the same files into tables
 *   tsx bench/measure-build.ts incremental <input> <db>  `build --incremental` on the warehouse at <db>
 * SEIMBANG_TREE=<dir>: measure the build of another checkout (the same measurement of an earlier version).
 */

import { extname, basename } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const tree = process.env.SEIMBANG_TREE;
const from = (rel: string) => (tree ? pathToFileURL(join(tree, rel)).href : new URL(`../${rel}`, import.meta.url).href);
const { buildWarehouse } = (await import(from('pipeline/warehouse/build.ts'))) as typeof import('../pipeline/warehouse/build.ts');
const { loadRaw, discoverInputs } = (await import(from('pipeline/ingest/index.ts'))) as typeof import('../pipeline/ingest/index.ts');

function cpuNow(): number {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1000;
}

const [mode, input, db, memoryLimit] = process.argv.slice(2) as [string, string, string, string | undefined];
// wall and CPU time of the same interval: from here, after loading the modules (Node, tsx compiling the sources
// and loading @duckdb/node-api took ~0.9 s of CPU, counted in every mode's CPU time until 2026-12-06, which
// inflated read_csv's CPU time and so flattered the × read_csv CPU ratios)
const cpuAtStart = cpuNow();
const t0 = performance.now();
let steps: { label: string; ms: number; peakRssMB?: number; peakJsMB?: number; cpuMs?: number }[] = [];
// the resident set, sampled every 100 ms, so the peak can be put on the step during which it happened (the
// event loop is free while DuckDB works on its own threads; a long synchronous step is sampled at its end)
let samplePeak = 0;
// the JavaScript side's share (V8 heap and buffers outside it, such as Arrow's): the rest of the resident set is DuckDB's
let sampleJsPeak = 0;
const jsBytes = () => {
  const m = process.memoryUsage();
  return m.heapTotal + m.external;
};
const sampler = setInterval(() => {
  samplePeak = Math.max(samplePeak, process.memoryUsage.rss());
  sampleJsPeak = Math.max(sampleJsPeak, jsBytes());
}, 100);
const peaks: number[] = [];
const jsPeaks: number[] = [];
const cpus: number[] = [];
if (mode === 'build' || mode === 'incremental') {
  let lastCpu = cpuNow();
  const log = (line: string) => {
    // one line per finished step ("[k/n] label — …"): the peak and the CPU time (all threads) since the previous
    // step belong to this one (so work between steps, such as the column profile, counts in the next step)
    if (/^\[\s*\d+\/\d+\]/.test(line) && !/ … /.test(line)) {
      peaks.push(Math.max(samplePeak, process.memoryUsage.rss()));
      jsPeaks.push(Math.max(sampleJsPeak, jsBytes()));
      samplePeak = 0;
      sampleJsPeak = 0;
      const c = cpuNow();
      cpus.push(c - lastCpu);
      lastCpu = c;
    }
  };
  ({ steps } = await buildWarehouse({ input, db, log, memoryLimit, ...(mode === 'incremental' ? { incremental: true } : {}) }));
  steps = steps.map((st, i) => ({ ...st, peakRssMB: peaks[i] != null ? peaks[i]! / 2 ** 20 : undefined,
    peakJsMB: jsPeaks[i] != null ? jsPeaks[i]! / 2 ** 20 : undefined, cpuMs: cpus[i] }));
} else if (mode === 'readcsv') {
  const inst = await DuckDBInstance.create(db, memoryLimit ? { memory_limit: memoryLimit } : {});
  const conn = await inst.connect();
  const found = await discoverInputs(input);
  for (const [kind, path] of found.files) {
    const ext = extname(path).toLowerCase();
    const name = basename(path, ext).replace(/\W/g, '_');
    if (ext === '.csv' || ext === '.txt') {
      const file = path.replaceAll("'", "''");
      try {
        await conn.run(`CREATE TABLE "${name}" AS SELECT * FROM read_csv('${file}')`);
      } catch {
        // the sniffer guesses a type from a sample and then meets `1.616.163`: read that file as text, as we do
        await conn.run(`CREATE OR REPLACE TABLE "${name}" AS SELECT * FROM read_csv('${file}', all_varchar = true)`);
      }
    } else if (ext === '.parquet') {
      await conn.run(`CREATE TABLE "${name}" AS SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
    } else {
      // DuckDB cannot read .xlsx here (no excel extension): both sides use the same exceljs reader for these
      await loadRaw(conn, kind, path);
    }
  }
  await conn.run('CHECKPOINT');
  conn.closeSync();
  inst.closeSync();
} else {
  throw new Error(`unknown mode ${mode}`);
}
clearInterval(sampler);
const ms = performance.now() - t0;
const usage = process.resourceUsage();
const cpuMs = cpuNow() - cpuAtStart;
process.stdout.write(`${JSON.stringify({ ms, maxRssMB: usage.maxRSS / 1024, cpuMs, steps })}\n`);
