/** `seimbang build`: input folder → DuckDB warehouse (see docs/data-contract.md). */
import { InvalidArgumentError, type Command } from 'commander';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the DuckDB warehouse from an input folder (CSV, XLSX, Parquet; settings.yaml optional)')
    .requiredOption('-i, --input <folder>', 'folder with the input files')
    .option('-d, --db <file>', 'warehouse file to write (replaced atomically on success)', 'data/seimbang.duckdb')
    .option('--strict', 'fail when any row is quarantined, or a column is not read or empty (see the warnings)')
    .option('--force', 'replace the warehouse even when the build lost most of a kind of record (settings publish.*)')
    .option('--parquet <dir>', 'also write core and mart tables as Parquet partitioned by region and month')
    .option('--settings <file>', 'settings file (YAML/JSON) instead of the one in the input folder')
    .option('--incremental', 'add the rows added at the end of the workload and ratings files to the previous warehouse (same reference files and settings); otherwise says why and builds fully')
    .option('--keep-staging', 'keep the raw_* and stg_* tables (to debug an import)')
    .option('--threads <n>', 'DuckDB threads', (v) => positiveInt(v, '--threads'))
    .option('--memory-limit <size>', 'DuckDB memory limit, e.g. 2.5GB (its buffer pool: the process stays some 0.4 GB above it)')
    .option('--json', 'print the summary as JSON on stdout')
    .addHelpText('after', '\nExample:\n  seimbang build --input data/sample --db data/seimbang.duckdb\n\nExit codes: 0 ok, 1 bad input or failed build (the previous warehouse is kept), 2 usage.\nInterrupted (Ctrl-C, SIGTERM): the temp files are removed and the previous warehouse is kept; after a SIGKILL the\nnext build removes them.')
    .action(async (o: { input: string; db: string; strict?: boolean; force?: boolean; parquet?: string; settings?: string; keepStaging?: boolean; incremental?: boolean; threads?: number; memoryLimit?: string; json?: boolean }) => {
      // loaded on use, so `--help` and usage errors answer at once
      const { buildWarehouse } = await import('../warehouse/build.ts');
      const { count, terminalStatus, throttledStatus } = await import('../warehouse/progress.ts');
      const log = (l: string) => process.stderr.write(`${l}\n`);
      // long steps show DuckDB's progress: redrawn in a terminal, every 15 s in a log
      const status = process.stderr.isTTY ? terminalStatus((s) => process.stderr.write(s)) : throttledStatus(log);
      // Ctrl-C / SIGTERM: stop, remove this build's temp files, keep the previous warehouse
      const { discardTemp, tempPathFor } = await import('../warehouse/atomic.ts');
      const { resolve } = await import('node:path');
      const onSignal = (sig: NodeJS.Signals) => {
        discardTemp(tempPathFor(resolve(o.db)));
        process.stderr.write(`\nbuild interrupted (${sig}): temp files removed, the previous warehouse is kept\n`);
        process.exit(sig === 'SIGINT' ? 130 : 143);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const r = await buildWarehouse({ ...o, log, status });
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ db: r.db, duration_ms: Math.round(r.durationMs), files: r.files, quarantine: r.quarantineByReason, tables: r.tables, warnings: r.warnings, warnings_by_kind: r.warningsByKind }, null, 2)}\n`);
        return;
      }
      const out: string[] = ['', `Warehouse ${r.db} built in ${(r.durationMs / 1000).toFixed(1)} s`, '', 'Input files (rows = loaded + quarantined):'];
      for (const f of r.files) out.push(`  ${f.file.padEnd(24)} ${f.kind.padEnd(15)} ${count(f.rows).padStart(12)} = ${count(f.loaded).padStart(12)} + ${count(f.quarantined)}`);
      if (r.quarantineByReason.length) {
        out.push('', 'Quarantined values by reason (see table quarantine):');
        for (const q of r.quarantineByReason) out.push(`  ${String(q.n).padStart(7)}  ${q.kind}: ${q.reason}`);
      }
      if (r.warningsByKind.length) {
        out.push('', 'Warnings by kind:');
        for (const w of r.warningsByKind) {
          out.push(`  ${String(w.n).padStart(7)}  ${w.kind}`);
          for (const m of w.messages) out.push(`           warning: ${m}`);
        }
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} must be a positive whole number, got ${v}`);
  return n;
}
