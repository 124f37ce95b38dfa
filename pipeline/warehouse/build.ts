/**
 * The warehouse build: input folder → raw tables → SQL models (staging → core → marts) → checks → build_info,
 * written to a temp file and published by an atomic rename (see atomic.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { discoverInputs, loadRaw, createEmptyRaw, REQUIRED_KINDS, ALL_KINDS, type RawFile } from '../ingest/index.ts';
import { UserError } from '../errors.ts';
import type { Settings } from '../domain/settings.ts';
import { loadSettings } from './settings-file.ts';
import { settingsSql } from './settings-sql.ts';
import { ruleStatusSql } from './rules-sql.ts';
import { loadModels, macroSql } from './models.ts';
import { discardTemp, publish, removeStaleTemps, tempPathFor } from './atomic.ts';
import { progress, count, type Log, type Status, type StepTime } from './progress.ts';
import { PROGRESS_SETTINGS, watchQueryProgress } from './query-progress.ts';
import { exportParquet } from './parquet.ts';
import { DERIVED_STEPS } from './derived.ts';
import { SCHEMA_VERSION } from '../domain/warehouse-schema.ts';

export interface BuildOptions {
  input: string;
  db: string;
  /** any quarantined row fails the build */
  strict?: boolean;
  /** also write core and mart tables as hive-partitioned Parquet here */
  parquet?: string;
  /** a settings file (overrides the one in the input folder) */
  settings?: string;
  /** keep raw_* and stg_* tables in the warehouse (for debugging an import) */
  keepStaging?: boolean;
  threads?: number;
  memoryLimit?: string;
  log?: Log;
  /** the running step's percentage on long steps (DuckDB's progress estimate); see progress.ts */
  status?: Status;
}

export interface FileReport {
  kind: string;
  file: string;
  format: string;
  sha256: string;
  rows: number;
  loaded: number;
  quarantined: number;
}

export interface BuildResult {
  db: string;
  durationMs: number;
  files: FileReport[];
  quarantineByReason: { reason: string; kind: string; n: number }[];
  tables: { name: string; rows: number }[];
  warnings: string[];
  settings: Settings;
  /** every step with its duration */
  steps: StepTime[];
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Tables that exist only while building (raw_<kind>, stg_<kind>; raw_file, the manifest, is kept). */
const BUILD_ONLY = /^(raw|stg)_(?!file$)/;

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const r = await conn.runAndReadAll(sql);
  return Number(r.getRows()[0]?.[0] ?? 0);
}

export async function buildWarehouse(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const input = resolve(opts.input);
  const db = resolve(opts.db);
  const found = await discoverInputs(input);
  const missing = REQUIRED_KINDS.filter((k) => !found.files.has(k));
  if (missing.length) {
    throw new UserError(`${input}: no input file for ${missing.join(', ')} (see docs/data-contract.md for the accepted file names)`);
  }
  const settings = loadSettings(opts.settings ?? found.settingsPath);
  const models = loadModels();
  const p = progress(ALL_KINDS.length + models.length + DERIVED_STEPS.length + 3 + (opts.parquet ? 1 : 0), log, opts.status);

  mkdirSync(dirname(db), { recursive: true });
  for (const f of removeStaleTemps(db)) log(`removed leftover of an interrupted build: ${f}`);
  const tmp = tempPathFor(db);
  discardTemp(tmp);
  const config: Record<string, string> = {};
  if (opts.threads) config.threads = String(opts.threads);
  if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
  const instance = await DuckDBInstance.create(tmp, config);
  const conn = await instance.connect();
  let published = false;
  try {
    await conn.run(macroSql());
    await conn.run(settingsSql(settings));
    await conn.run(ruleStatusSql());
    if (opts.status) await conn.run(PROGRESS_SETTINGS);

    // raw layer: TEMP storage unless kept for debugging (it is never published), so it is not written twice
    const raws: RawFile[] = [];
    for (const kind of ALL_KINDS) {
      const s = p.step(`raw_${kind}`);
      const path = found.files.get(kind);
      if (path) {
        const stop = opts.status ? watchQueryProgress(conn, (pct) => s.update(pct)) : () => {};
        const raw = await loadRaw(conn, kind, path, { temporary: !opts.keepStaging }).finally(stop);
        raws.push(raw);
        s.done(`${raw.file}: ${count(raw.rows)} rows${raw.unusedColumns.length ? `; unused columns: ${raw.unusedColumns.join(', ')}` : ''}`);
      } else {
        await createEmptyRaw(conn, kind, { temporary: !opts.keepStaging });
        s.done('no file (optional)');
      }
    }

    // models
    for (const m of models) {
      const s = p.step(`${m.layer}/${m.name}`);
      const stop = opts.status ? watchQueryProgress(conn, (pct) => s.update(pct)) : () => {};
      try {
        await conn.run(m.sql);
      } catch (e) {
        throw new Error(`model ${m.layer}/${m.name}.sql failed: ${(e as Error).message}`);
      } finally {
        stop();
      }
      // a view is computed when read: counting its rows would run it
      const isView = await scalar(conn, `SELECT count(*) FROM duckdb_views() WHERE view_name = '${m.name}'`);
      s.done(isView ? 'view' : `${count(await scalar(conn, `SELECT count(*) FROM "${m.name}"`))} rows`);
    }

    for (const d of DERIVED_STEPS) {
      const s = p.step(`derived/${d.name}`);
      s.done(await d.run(conn, settings));
    }

    // checks: every input row is either loaded or quarantined (nothing dropped silently)
    const check = p.step('checks');
    const files: FileReport[] = [];
    for (const raw of raws) {
      const stg = `stg_${raw.kind}`;
      const r = await conn.runAndReadAll(
        `SELECT count(*) FILTER (WHERE len(_issues) = 0), count(*) FILTER (WHERE len(_issues) > 0), count(*) FROM ${stg}`,
      );
      const [loaded, quarantined, staged] = r.getRows()[0]!.map(Number) as [number, number, number];
      if (staged !== raw.rows || loaded + quarantined !== raw.rows) {
        throw new Error(`internal check failed for ${raw.file}: ${raw.rows} input rows but ${loaded} loaded + ${quarantined} quarantined`);
      }
      files.push({ kind: raw.kind, file: raw.file, format: raw.format, sha256: raw.sha256, rows: raw.rows, loaded, quarantined });
    }
    const qr = await conn.runAndReadAll(`SELECT reason, kind, count(*) AS n FROM quarantine GROUP BY ALL ORDER BY n DESC, reason, kind`);
    const quarantineByReason = qr.getRowObjects().map((o) => ({ reason: String(o.reason), kind: String(o.kind), n: Number(o.n) }));
    const qTotal = quarantineByReason.reduce((a, b) => a + b.n, 0);
    check.done(`${count(files.reduce((a, f) => a + f.rows, 0))} input rows = loaded + quarantined; ${count(qTotal)} quarantine entries`);
    if (opts.strict && qTotal > 0) {
      const top = quarantineByReason.slice(0, 5).map((q) => `${q.n}× ${q.kind}: ${q.reason}`).join('; ');
      const first = await conn.runAndReadAll(`SELECT source_file, "row", "column", "value", reason FROM quarantine LIMIT 1`);
      const f = first.getRowObjects()[0]!;
      throw new UserError(
        `--strict: ${qTotal} quarantined value(s) (${top}). First: ${f.source_file} row ${f.row}, column ${f.column} = ${JSON.stringify(f.value)}: ${f.reason}`,
      );
    }

    // build_info and the raw-file manifest
    const info = p.step('build_info');
    await writeBuildInfo(conn, { input, raws, files, settings, quarantineByReason, warnings: found.warnings, startedMs: p.elapsedMs });
    // staging tables are TEMP (never written to the warehouse file); --keep-staging copies them into it
    const t = await conn.runAndReadAll(`SELECT database_name, table_name FROM duckdb_tables() WHERE schema_name = 'main'`);
    for (const [database, name] of t.getRows()) {
      if (!BUILD_ONLY.test(String(name))) continue;
      if (opts.keepStaging && database === 'temp') await conn.run(`CREATE TABLE main."${name}" AS FROM temp.main."${name}"`);
      if (!opts.keepStaging) await conn.run(`DROP TABLE "${name}"`);
    }
    info.done();

    if (opts.parquet) {
      const s = p.step('parquet');
      const n = await exportParquet(conn, resolve(opts.parquet));
      s.done(`${n} tables → ${opts.parquet}`);
    }

    const tables = (await conn.runAndReadAll(
      `SELECT table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name`,
    )).getRows();
    const tableRows: { name: string; rows: number }[] = [];
    for (const [name] of tables) tableRows.push({ name: String(name), rows: await scalar(conn, `SELECT count(*) FROM "${name}"`) });

    const fin = p.step('publish');
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    publish(tmp, db);
    published = true;
    fin.done(basename(db));
    return { db, durationMs: p.elapsedMs, files, quarantineByReason, tables: tableRows, warnings: found.warnings, settings, steps: [...p.steps] };
  } finally {
    if (!published) {
      try { conn.closeSync(); } catch { /* already closed */ }
      try { instance.closeSync(); } catch { /* already closed */ }
      discardTemp(tmp);
    }
  }
}

async function writeBuildInfo(
  conn: DuckDBConnection,
  x: { input: string; raws: RawFile[]; files: FileReport[]; settings: Settings; quarantineByReason: BuildResult['quarantineByReason']; warnings: string[]; startedMs: number },
): Promise<void> {
  const lit = (v: unknown) => `'${JSON.stringify(v, (_k, val) => (val === -Infinity ? null : val)).replaceAll("'", "''")}'`;
  await conn.run(`
    CREATE OR REPLACE TABLE build_info AS SELECT
      '${VERSION}' AS version,
      -- the tables' contract (pipeline/domain/warehouse-schema.ts): readers of another version ask for a rebuild
      CAST(${SCHEMA_VERSION} AS INTEGER) AS schema_version,
      '${x.input.replaceAll("'", "''")}' AS input_dir,
      now() AS built_at,
      CAST(${Math.round(x.startedMs)} AS BIGINT) AS duration_ms,
      CAST(${lit(x.files)} AS JSON) AS input_files,
      CAST(${lit(x.settings)} AS JSON) AS settings,
      CAST(${lit(x.quarantineByReason)} AS JSON) AS quarantine_by_reason,
      CAST(${lit(x.warnings)} AS JSON) AS warnings;
    COMMENT ON TABLE build_info IS 'One row: the build version, schema version, input folder, time, input files with sha256 and row counts (loaded/quarantined), the settings used';
    CREATE OR REPLACE TABLE raw_file AS SELECT * FROM (VALUES ${x.raws
      .map((r) => `(${[r.kind, r.file, r.format, r.sheet ?? null, r.headerRow, r.delimiter ?? null, r.sha256, r.rows]
        .map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`))
        .join(', ')})`)
      .join(', ')}) AS t(kind, file, format, sheet, header_row, delimiter, sha256, "rows");
    COMMENT ON TABLE raw_file IS 'Input files of this build: kind, format, sheet, header row, delimiter, sha256, data rows';
  `);
}
