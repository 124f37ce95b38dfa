/**
 * The marts and the derived steps, with a derived step's JavaScript running alongside DuckDB (issue 20: the
 * effects estimation, ~1 s of one core at province scale, was on the critical path after every mart).
 *
 * A derived step with stages (derived.ts) says which tables each stage reads. The models those need run first,
 * one by one; then, for each stage in turn: its tables are read, the models the next stage needs (after the last
 * stage: every model left) are sent to DuckDB as one batch of statements, and the stage's JavaScript runs while
 * DuckDB computes them on its own threads; when both are done, the next stage. The models of a batch have one
 * progress line between them. Every model still runs after the models it reads, and the derived step's tables
 * are written at the end, so the tables are those of one model after the other.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../domain/settings.ts';
import type { Model } from './models.ts';
import type { Progress } from './progress.ts';
import type { DerivedStep } from './derived.ts';

export interface AlongsideOptions {
  conn: DuckDBConnection;
  settings: Settings;
  /** the models left to run, in run order */
  models: Model[];
  derived: DerivedStep[];
  p: Progress;
  /** run one model on its own (its progress step included) */
  runOne(m: Model): Promise<void>;
  /** a model's SQL for a batch ('' = nothing to run) */
  sqlOf(m: Model): string;
  /** the detail of a batched model's progress line, once the batch has run (e.g. its rows) */
  detailOf?(m: Model): Promise<string>;
}

/** The models of `models` that `tables` need: those tables' models and, recursively, the models they read. */
export function needed(models: readonly Model[], tables: readonly string[]): Model[] {
  const need = new Set(tables);
  for (let i = models.length - 1; i >= 0; i--) {
    const m = models[i]!;
    if (need.has(m.name)) for (const d of m.dependsOn) need.add(d);
  }
  return models.filter((m) => need.has(m.name));
}

export async function runModelsAndDerived(o: AlongsideOptions): Promise<void> {
  const done = new Set<string>();
  const left = () => o.models.filter((m) => !done.has(m.name));
  const runSequential = async (ms: Model[]) => {
    for (const m of ms) {
      await o.runOne(m);
      done.add(m.name);
    }
  };
  for (const d of o.derived) {
    if (!d.stages?.length || !d.finish) {
      await runSequential(left());
      const s = o.p.step(`derived/${d.name}`);
      s.done(await d.run(o.conn, o.settings));
      continue;
    }
    await runSequential(needed(left(), d.stages[0]!.reads));
    // the step's time: from reading its first tables to writing its own (the batches' lines fall inside it)
    const s = o.p.step(`derived/${d.name}`);
    const results: unknown[] = [];
    for (let i = 0; i < d.stages.length; i++) {
      const stage = d.stages[i]!;
      const data = await stage.read(o.conn);
      const batch = i + 1 < d.stages.length ? needed(left(), d.stages[i + 1]!.reads) : left();
      results.push(await alongside(o, batch, () => stage.compute(data), `derived/${d.name}`));
      for (const m of batch) done.add(m.name);
    }
    s.done(await d.finish(o.conn, results));
  }
  await runSequential(left());
}

/** Run `batch` in DuckDB while `compute` runs here; the result of `compute`. */
async function alongside<R>(o: AlongsideOptions, models: Model[], compute: () => R, what: string): Promise<R> {
  const batch = earlyFirst(models);
  const sql = batch.map((m) => o.sqlOf(m)).filter((x) => x !== '').join('\n;\n');
  if (sql === '') return compute();
  const names = batch.map((m) => `${m.layer}/${m.name}`);
  const s = o.p.step(`${names.join(', ')} (alongside ${what})`);
  // one call for the batch: DuckDB runs its statements one after the other on its own threads, with nothing to
  // wait for from this thread, which is busy with `compute`
  const running = o.conn.run(sql).then(() => undefined, (e: unknown) => e as Error);
  let r: R | undefined;
  let thrown: unknown;
  try {
    r = compute();
  } catch (e) {
    thrown = e;
  }
  // the batch is awaited either way: the connection is not left with a statement running
  const failed = await running;
  if (thrown !== undefined) throw thrown;
  if (failed) throw new Error(`models ${names.join(', ')} failed: ${failed.message}`);
  const details: string[] = [];
  for (const m of batch) if (o.detailOf) details.push(`${m.name} ${await o.detailOf(m)}`);
  s.done(details.join('; '));
  return r as R;
}

/**
 * `batch` with the models marked `-- alongside: early` (models.ts) and what they read first, each model still after
 * those it reads; the others keep their order. Such a model runs on one DuckDB thread (it reads tables of about
 * one row group): run while the derived step's JavaScript holds the other core, it leaves both cores to the
 * parallel models after it (province, 4 pairs: the last batch and the estimation 2.12 → 1.95 s).
 */
export function earlyFirst(batch: readonly Model[]): Model[] {
  const inBatch = new Set(batch.map((m) => m.name));
  const placed = new Set<string>();
  const out: Model[] = [];
  const ready = (m: Model) => m.dependsOn.every((d) => !inBatch.has(d) || placed.has(d));
  // an early model's inputs in the batch are early too
  const early = new Set<string>();
  const mark = (name: string) => {
    if (early.has(name) || !inBatch.has(name)) return;
    early.add(name);
    for (const d of batch.find((m) => m.name === name)!.dependsOn) mark(d);
  };
  for (const m of batch) if (m.early) mark(m.name);
  while (out.length < batch.length) {
    const open = batch.filter((m) => !placed.has(m.name) && ready(m));
    const next = open.find((m) => early.has(m.name)) ?? open[0]!;
    placed.add(next.name);
    out.push(next);
  }
  return out;
}
