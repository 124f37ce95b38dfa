/**
 * The warehouse build: input folder → raw tables → SQL models (staging → core → marts) → checks → build_info,
 * written to a temp file and published by an atomic rename (see atomic.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  discoverInputs, loadRaw, createEmptyRaw, REQUIRED_KINDS, ALL_KINDS, CELL_ISSUE_TABLE, METRIC_COLUMNS, nearMissHeaders,
  profileColumns, describeDecision, type RawFile,
} from '../ingest/index.ts';
import { UserError } from '../errors.ts';
import type { Settings } from '../domain/settings.ts';
import { loadSettings } from './settings-file.ts';
import { settingsSql } from './settings-sql.ts';
import { ruleStatusSql } from './rules-sql.ts';
import { loadModels, macroSql, modelsFingerprint, type Model } from './models.ts';
import { runModelsAndDerived } from './alongside.ts';
import { duckdbConfig } from './duckdb-config.ts';
import { discardTemp, publish, removeStaleTemps, tempPathFor } from './atomic.ts';
import { progress, count, type Log, type Status, type StepTime } from './progress.ts';
import { PROGRESS_SETTINGS, watchQueryProgress } from './query-progress.ts';
import { exportParquet } from './parquet.ts';
import { DERIVED_STEPS } from './derived.ts';
import { SCHEMA_VERSION } from '../domain/warehouse-schema.ts';
import { inputSettingsSql } from './input-sql.ts';
import { lossProblems, previousLoaded } from './publish-guard.ts';
import { ONE_PASS, ONE_PASS_KINDS, ONE_PASS_SETUP_SQL, prepareOnePass, runOnePass, runOnePassChecks, type PassFacts, type PreparedPass } from './one-pass.ts';
import { statSync } from 'node:fs';
import { buildIncremental } from './incremental.ts';

/** A build warning: its kind (the summary groups by it) and what happened, naming the file and column. */
export interface BuildWarning {
  kind: string;
  message: string;
  /** an error under --strict */
  strict?: boolean;
}

export const WARNING_KINDS = {
  ignoredFile: 'file not read',
  unreadColumn: 'column not read (a known name nearly matches)',
  emptyColumn: 'column empty in every row',
  columnDecision: 'number format or date order decided from the column',
  forced: 'published with --force despite losses',
} as const;

function groupWarnings(ws: readonly BuildWarning[]): BuildResult['warningsByKind'] {
  const by = new Map<string, string[]>();
  for (const w of ws) by.set(w.kind, [...(by.get(w.kind) ?? []), w.message]);
  return [...by].map(([kind, messages]) => ({ kind, n: messages.length, messages }));
}

export interface BuildOptions {
  input: string;
  db: string;
  /** any quarantined row fails the build */
  strict?: boolean;
  /** also write core and mart tables as hive-partitioned Parquet here */
  parquet?: string;
  /** publish even when the build lost most of a kind of record (publish-guard.ts) */
  force?: boolean;
  /** a settings file (overrides the one in the input folder) */
  settings?: string;
  /** keep raw_* and stg_* tables in the warehouse (for debugging an import) */
  keepStaging?: boolean;
  threads?: number;
  memoryLimit?: string;
  log?: Log;
  /** the running step's percentage on long steps (DuckDB's progress estimate); see progress.ts */
  status?: Status;
  /** add the rows added at the end of the monthly files to the previous warehouse (incremental.ts); when that is
   *  not possible, say why and build fully */
  incremental?: boolean;
}

export interface FileReport {
  kind: string;
  file: string;
  format: string;
  sha256: string;
  rows: number;
  loaded: number;
  quarantined: number;
  /** one-pass files (one-pass.ts): the file's size and what an incremental build checks (incremental.ts) */
  onePass?: PassFacts & { bytes: number };
}

export interface BuildResult {
  db: string;
  durationMs: number;
  files: FileReport[];
  quarantineByReason: { reason: string; kind: string; n: number }[];
  tables: { name: string; rows: number }[];
  /** every warning, in words */
  warnings: string[];
  /** the warnings grouped by kind, with counts (the build summary) */
  warningsByKind: { kind: string; n: number; messages: string[] }[];
  settings: Settings;
  /** every step with its duration */
  steps: StepTime[];
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Tables that exist only while building (raw_<kind>, stg_<kind>; raw_file, the manifest, is kept). */
const BUILD_ONLY = /^(raw|stg|src|onepass)_(?!file$)|^(workload_record|workload_rejected|performance_rejected)$/;

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
  const p = progress(ALL_KINDS.length + 2 * ONE_PASS_KINDS.size + models.length + DERIVED_STEPS.length + 3 + (opts.parquet ? 1 : 0), log, opts.status);

  mkdirSync(dirname(db), { recursive: true });
  for (const f of removeStaleTemps(db)) log(`removed leftover of an interrupted build: ${f}`);
  if (opts.incremental) {
    // --strict, --parquet and --keep-staging concern every row and table: those builds are full ones
    const flag = opts.strict ? '--strict' : opts.parquet ? '--parquet' : opts.keepStaging ? '--keep-staging' : undefined;
    const r = flag ? `${flag} needs a full build` : await buildIncremental({ input, db, found, settings, threads: opts.threads, memoryLimit: opts.memoryLimit, p, log });
    if (typeof r !== 'string') return r;
    log(`incremental build not possible: ${r}; building fully`);
  }
  const tmp = tempPathFor(db);
  discardTemp(tmp);
  const instance = await DuckDBInstance.create(tmp, duckdbConfig(opts));
  const conn = await instance.connect();
  let published = false;
  try {
    await conn.run(macroSql());
    await conn.run(settingsSql(settings));
    await conn.run(inputSettingsSql(settings));
    await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${CELL_ISSUE_TABLE} (kind VARCHAR, _row INTEGER, "column" VARCHAR, "value" VARCHAR, reason VARCHAR)`);
    await conn.run(ONE_PASS_SETUP_SQL);
    const warnings: BuildWarning[] = found.warnings.map((message) => ({ kind: WARNING_KINDS.ignoredFile, message }));
    await conn.run(ruleStatusSql());
    if (opts.status) await conn.run(PROGRESS_SETTINGS);

    // raw layer: TEMP storage unless kept for debugging (it is never published), so it is not written twice
    const raws: RawFile[] = [];
    const passes: PreparedPass[] = [];
    for (const kind of ALL_KINDS) {
      const s = p.step(`raw_${kind}`);
      const path = found.files.get(kind);
      if (ONE_PASS_KINDS.has(kind)) {
        // read later, in one pass into its table (one-pass.ts); here only the file's checks and its header
        const pass = await prepareOnePass(conn, kind, path, {
          timeLimitSeconds: settings.input.reader_time_limit_seconds, stallSeconds: settings.input.reader_stall_seconds,
        });
        passes.push(pass);
        if (pass.raw) {
          raws.push(pass.raw);
          for (const h of nearMissHeaders(kind, pass.raw.unusedColumns, pass.raw.mappedColumns)) {
            warnings.push({
              kind: WARNING_KINDS.unreadColumn, strict: true,
              message: `${pass.raw.file}: column '${h.header}' is not read; did you mean ${h.column} (accepted name '${h.alias}')? Rename the header, or add the alias in pipeline/ingest/aliases.ts`,
            });
          }
        }
        s.done(pass.raw ? `${pass.raw.file}: ${pass.csv ? 'header read; rows read in one pass' : `${count(pass.raw.rows)} rows`}` : 'no file (optional)');
        continue;
      }
      if (path) {
        const stop = opts.status ? watchQueryProgress(conn, (pct) => s.update(pct)) : () => {};
        const raw = await loadRaw(conn, kind, path, {
          temporary: !opts.keepStaging,
          timeLimitSeconds: settings.input.reader_time_limit_seconds,
          stallSeconds: settings.input.reader_stall_seconds,
        }).finally(stop);
        raws.push(raw);
        for (const h of nearMissHeaders(kind, raw.unusedColumns, raw.mappedColumns)) {
          warnings.push({
            kind: WARNING_KINDS.unreadColumn, strict: true,
            message: `${raw.file}: column '${h.header}' is not read; did you mean ${h.column} (accepted name '${h.alias}')? Rename the header, or add the alias in pipeline/ingest/aliases.ts`,
          });
        }
        if (raw.rows > 0) {
          for (const [column, feeds] of Object.entries(METRIC_COLUMNS[kind] ?? {})) {
            if ((await scalar(conn, `SELECT count("${column}") FROM raw_${kind}`)) > 0) continue;
            warnings.push({
              kind: WARNING_KINDS.emptyColumn, strict: true,
              message: `${raw.file}: column ${column} is ${raw.mappedColumns.includes(column) ? 'empty in every row' : 'missing'}; it feeds ${feeds}`,
            });
          }
        }
        s.done(`${raw.file}: ${count(raw.rows)} rows${raw.unusedColumns.length ? `; unused columns: ${raw.unusedColumns.join(', ')}` : ''}`);
      } else {
        await createEmptyRaw(conn, kind, { temporary: !opts.keepStaging });
        s.done('no file (optional)');
      }
    }

    // per-column decisions: number format and date order, from the whole column (pipeline/ingest/profile.ts)
    const profile = await profileColumns(conn, raws, settings.input, ONE_PASS_KINDS);
    await conn.run(profile.sql);
    for (const d of profile.decisions) warnings.push({ kind: WARNING_KINDS.columnDecision, message: describeDecision(d) });

    // the largest files: read, typed and stored once (one-pass.ts)
    const passFacts = new Map<string, PassFacts & { bytes: number }>();
    for (const pass of passes) {
      const s = p.step(`staging/${pass.kind} (one pass into ${ONE_PASS[pass.kind]!.table})`);
      const stop = opts.status ? watchQueryProgress(conn, (pct) => s.update(pct)) : () => {};
      const r = await runOnePass(conn, pass, profile, settings.input, settings.input.reader_time_limit_seconds).finally(stop);
      if (pass.raw?.format === 'csv') passFacts.set(pass.kind, { ...r.facts, bytes: statSync(pass.raw.path).size });
      for (const d of r.decisions) warnings.push({ kind: WARNING_KINDS.columnDecision, message: describeDecision(d) });
      if (pass.raw && r.rows > 0) {
        for (const [column, feeds] of Object.entries(METRIC_COLUMNS[pass.kind] ?? {})) {
          if ((r.nonEmpty[column] ?? 0) > 0) continue;
          warnings.push({
            kind: WARNING_KINDS.emptyColumn, strict: true,
            message: `${pass.raw.file}: column ${column} is ${pass.raw.mappedColumns.includes(column) ? 'empty in every row' : 'missing'}; it feeds ${feeds}`,
          });
        }
      }
      s.done(`${count(r.rows)} rows${r.numberFormat === 'decided before' || r.numberFormat === 'guess confirmed' ? '' : `; number format: ${r.numberFormat}`}`);
    }
    const passCounts = new Map<string, { loaded: number; quarantined: number }>();

    // models; the effects estimation alongside the marts it does not read (alongside.ts)
    const runOne = async (m: Model) => {
      if (m.layer !== 'staging' && passCounts.size < passes.length) {
        // the checks of the one-pass tables need the staging models (loaded employees, tasks)
        for (const pass of passes) {
          const s = p.step(`staging/${pass.kind} checks`);
          const c = await runOnePassChecks(conn, pass.kind);
          passCounts.set(pass.kind, c);
          s.done(`${count(c.loaded)} loaded, ${count(c.quarantined)} quarantined`);
        }
      }
      const s = p.step(`${m.layer}/${m.name}`);
      const stop = opts.status ? watchQueryProgress(conn, (pct) => s.update(pct)) : () => {};
      try {
        await conn.run(m.sql);
      } catch (e) {
        throw new Error(`model ${m.layer}/${m.name}.sql failed: ${(e as Error).message}`);
      } finally {
        stop();
      }
      // cells the readers could not take as they are (formulas without a saved result …) quarantine their rows,
      // before any later model reads the loaded rows of this one
      if (m.layer === 'staging' && m.name.startsWith('stg_')) await applyCellIssues(conn, m.name.slice(4));
      s.done(await rowsOf(m));
    };
    // a view is computed when read: counting its rows would run it
    const rowsOf = async (m: Model) => ((await scalar(conn, `SELECT count(*) FROM duckdb_views() WHERE view_name = '${m.name}'`))
      ? 'view' : `${count(await scalar(conn, `SELECT count(*) FROM "${m.name}"`))} rows`);
    for (const m of models.filter((x) => x.layer !== 'marts')) await runOne(m);
    await runModelsAndDerived({
      conn, settings, models: models.filter((x) => x.layer === 'marts'), derived: DERIVED_STEPS, p, runOne,
      sqlOf: (m) => m.sql, detailOf: rowsOf,
    });

    // checks: every input row is either loaded or quarantined (nothing dropped silently)
    const check = p.step('checks');
    const files: FileReport[] = [];
    for (const raw of raws) {
      let loaded: number, quarantined: number, staged: number;
      const pc = passCounts.get(raw.kind);
      if (pc) {
        ({ loaded, quarantined } = pc);
        staged = loaded + quarantined;
      } else {
        const r = await conn.runAndReadAll(
          `SELECT count(*) FILTER (WHERE len(_issues) = 0), count(*) FILTER (WHERE len(_issues) > 0), count(*) FROM stg_${raw.kind}`,
        );
        [loaded, quarantined, staged] = r.getRows()[0]!.map(Number) as [number, number, number];
      }
      if (staged !== raw.rows || loaded + quarantined !== raw.rows) {
        throw new Error(`internal check failed for ${raw.file}: ${raw.rows} input rows but ${loaded} loaded + ${quarantined} quarantined`);
      }
      const facts = passFacts.get(raw.kind);
      files.push({ kind: raw.kind, file: raw.file, format: raw.format, sha256: raw.sha256, rows: raw.rows, loaded, quarantined, ...(facts ? { onePass: facts } : {}) });
    }
    const qr = await conn.runAndReadAll(`SELECT reason, kind, count(*) AS n FROM quarantine GROUP BY ALL ORDER BY n DESC, reason, kind`);
    const quarantineByReason = qr.getRowObjects().map((o) => ({ reason: String(o.reason), kind: String(o.kind), n: Number(o.n) }));
    const qTotal = quarantineByReason.reduce((a, b) => a + b.n, 0);
    check.done(`${count(files.reduce((a, f) => a + f.rows, 0))} input rows = loaded + quarantined; ${count(qTotal)} quarantine entries`);
    const strictWarnings = warnings.filter((w) => w.strict);
    if (opts.strict && strictWarnings.length > 0) {
      throw new UserError(`--strict: ${strictWarnings.length} warning(s) that --strict treats as errors: ${strictWarnings.map((w) => w.message).join('; ')}`);
    }
    if (opts.strict && qTotal > 0) {
      const top = quarantineByReason.slice(0, 5).map((q) => `${q.n}× ${q.kind}: ${q.reason}`).join('; ');
      const first = await conn.runAndReadAll(`SELECT source_file, "row", "column", "value", reason FROM quarantine LIMIT 1`);
      const f = first.getRowObjects()[0]!;
      throw new UserError(
        `--strict: ${qTotal} quarantined value(s) (${top}). First: ${f.source_file} row ${f.row}, column ${f.column} = ${JSON.stringify(f.value)}: ${f.reason}`,
      );
    }

    // a build that lost most of a kind of record does not replace the warehouse (unless --force)
    const reasonsOf = (kind: string) => quarantineByReason.filter((q) => q.kind === kind).slice(0, 3).map((q) => `${q.n}× ${q.reason}`).join('; ');
    const losses = lossProblems(files, await previousLoaded(conn, db), settings.publish, REQUIRED_KINDS, reasonsOf);
    if (losses.length && !opts.force) {
      throw new UserError(`the build lost most of some records and does not replace ${basename(db)} (kept as it is; --force publishes anyway): ${losses.join('; ')}`);
    }
    for (const l of losses) warnings.push({ kind: WARNING_KINDS.forced, message: l });

    // build_info and the raw-file manifest
    const info = p.step('build_info');
    const warningTexts = warnings.map((w) => w.message);
    await writeBuildInfo(conn, { input, raws, files, settings, quarantineByReason, warnings: warningTexts, startedMs: p.elapsedMs });
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
    return {
      db, durationMs: p.elapsedMs, files, quarantineByReason, tables: tableRows,
      warnings: warningTexts, warningsByKind: groupWarnings(warnings), settings, steps: [...p.steps],
    };
  } finally {
    if (!published) {
      try { conn.closeSync(); } catch { /* already closed */ }
      try { instance.closeSync(); } catch { /* already closed */ }
      discardTemp(tmp);
    }
  }
}

/** Add the reader-found cell problems of a kind (raw_cell_issue) to its staging rows' `_issues`. */
export async function applyCellIssues(conn: DuckDBConnection, kind: string): Promise<void> {
  if ((await scalar(conn, `SELECT count(*) FROM ${CELL_ISSUE_TABLE} WHERE kind = '${kind}'`)) === 0) return;
  await conn.run(`
    UPDATE stg_${kind} AS s SET _issues = list_concat(s._issues, ci.issues)
    FROM (SELECT _row, list(issue("column", "value", reason) ORDER BY "column") AS issues
          FROM ${CELL_ISSUE_TABLE} WHERE kind = '${kind}' GROUP BY _row) ci
    WHERE s._row = ci._row`);
}

/**
 * What the warehouse's tables and macros are computed with: the model and macro files and the SQL generated from
 * the settings (build_info.models_sha256). The same fingerprint means the same macros and settings tables.
 */
export function setupFingerprint(settings: Settings): string {
  return modelsFingerprint(`${settingsSql(settings)}\0${ruleStatusSql()}`);
}

export async function writeBuildInfo(
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
      CAST(${lit(x.warnings)} AS JSON) AS warnings,
      '${setupFingerprint(x.settings)}' AS models_sha256;
    COMMENT ON TABLE build_info IS 'One row: the build version, schema version, input folder, time, input files with sha256 and row counts (loaded/quarantined), the settings used, and models_sha256: the SQL the tables were computed with (setupFingerprint)';
    CREATE OR REPLACE TABLE raw_file AS SELECT * FROM (VALUES ${x.raws
      .map((r) => `(${[r.kind, r.file, r.format, r.sheet ?? null, r.headerRow, r.delimiter ?? null, r.sha256, r.rows]
        .map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`))
        .join(', ')})`)
      .join(', ')}) AS t(kind, file, format, sheet, header_row, delimiter, sha256, "rows");
    COMMENT ON TABLE raw_file IS 'Input files of this build: kind, format, sheet, header row, delimiter, sha256, data rows';
  `);
}
