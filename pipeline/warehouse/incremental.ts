/**
 * `seimbang build --incremental`: a new month of workload and ratings added to the previous warehouse without
 * reading the earlier months again (issue 20). A government exports its monthly files by adding the new month's
 * rows at the end; when the input folder holds the previous build's files with rows added at the end of the
 * workload and ratings files, and everything else is the same, only the added rows are read:
 *
 * - the same settings, and the same reference files (units, positions, ABK tasks, staff list, transfers, activity
 *   log: compared by sha256). A changed reference file changes what every row is checked against, so the build
 *   says which one changed and rebuilds fully;
 * - each monthly file begins with the previous one, byte for byte (sha256 of that many bytes), and the previous
 *   one ended with a whole line and no empty rows (which, followed by rows, would become rows of their own);
 * - every added row with a whole key is of a month after every month of the previous file (so no added row
 *   duplicates an earlier key, and no earlier row changes), the number format of the number column stays as
 *   decided, and both the previous and the added rows have loaded workload (the calendar is their span);
 * - the data date has not moved back, and, when it moved on, nothing was quarantined for being after it.
 *
 * Otherwise it says why and builds fully. The build runs on a copy of the previous warehouse, published by the
 * same atomic rename as a full build: the added rows are read by the one-pass loads (one-pass.ts) and checked
 * against the warehouse's employees and tasks; `performance` and `quarantine` get the new rows, the calendar
 * and `workload_monthly` the new months; `staff_monthly` and the marts that read a changed table are brought up
 * to date for the new months only where their earlier months' rows cannot change (incremental-marts.ts), else
 * computed again, and the effects estimation runs again, alongside the marts it does not read (alongside.ts).
 * The result equals a full rebuild of all months, as sets (test/integration/build-incremental.test.ts).
 * The previous warehouse's marts are taken to be those of the same models: a warehouse of another schema
 * version is built fully; one built by other model SQL of the same schema version is not detected.
 */
import { constants as fsConstants, createReadStream, existsSync, openSync, readSync, closeSync, readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ALL_KINDS, CELL_ISSUE_TABLE, type DiscoveredInputs } from '../ingest/index.ts';
import { sha256File } from '../ingest/scan.ts';
import { sniffCsv, type CsvLayout } from '../ingest/csv.ts';
import { decideDots, numberDotsSql, NUMBER_SHAPE_SQL, type DotRole, type NumberEvidence, type ProfileResult } from '../ingest/profile.ts';
import { quoteLiteral } from '../ingest/sql.ts';
import type { Settings } from '../domain/settings.ts';
import { SCHEMA_VERSION } from '../domain/warehouse-schema.ts';
import { loadModels, MODELS_DIR, type Model } from './models.ts';
import { inputSettingsSql } from './input-sql.ts';
import { ruleStatusSql } from './rules-sql.ts';
import { discardTemp, publish, tempPathFor } from './atomic.ts';
import { count, type Progress } from './progress.ts';
import { DERIVED_STEPS } from './derived.ts';
import { incrementalSql } from './incremental-marts.ts';
import { runModelsAndDerived } from './alongside.ts';
import { duckdbConfig } from './duckdb-config.ts';
import { ONE_PASS, ONE_PASS_KINDS, ONE_PASS_SETUP_SQL, prepareOnePass, runOnePass, runOnePassChecks } from './one-pass.ts';
import type { BuildResult, FileReport } from './build.ts';
import { setupFingerprint, writeBuildInfo } from './build.ts';

/** Tables an incremental build changes; a mart that reads one (directly or through another mart) is computed again. */
const CHANGED = ['performance', 'quarantine', 'month_calendar', 'workload_monthly', 'staff_monthly'];

interface Previous {
  files: FileReport[];
  settings: string;
  warnings: string[];
  quarantineByReason: { reason: string; kind: string; n: number }[];
  dataDate: string;
  /** build_info.models_sha256: the SQL its tables and macros were computed with (setupFingerprint) */
  modelsSha256: string;
}

/** The in-memory database the added ratings are staged in (see buildIncremental). */
const STAGE = 'seimbang_stage';

const AFTER_DATA_DATE = 'date is after the data date';

function effectiveDataDate(s: Settings, builtAt: Date): string {
  return s.input.data_date ?? builtAt.toISOString().slice(0, 10);
}

async function readPrevious(db: string): Promise<Previous | string> {
  if (!existsSync(db)) return 'there is no previous warehouse';
  let inst: DuckDBInstance | undefined;
  try {
    inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const conn = await inst.connect();
    const r = (await conn.runAndReadAll(`SELECT schema_version, CAST(input_files AS VARCHAR) AS f, CAST(settings AS VARCHAR) AS s,
      CAST(warnings AS VARCHAR) AS w, CAST(quarantine_by_reason AS VARCHAR) AS q, CAST(built_at AS VARCHAR) AS t, models_sha256 AS m FROM build_info`)).getRowObjects()[0];
    conn.closeSync();
    if (!r) return 'the previous warehouse has no build_info';
    if (Number(r.schema_version) !== SCHEMA_VERSION) return `the previous warehouse has schema version ${String(r.schema_version)}, not ${SCHEMA_VERSION}`;
    const settings = String(r.s);
    const prevSettings = JSON.parse(settings) as Settings;
    return {
      files: JSON.parse(String(r.f)) as FileReport[], settings, warnings: JSON.parse(String(r.w)) as string[],
      quarantineByReason: JSON.parse(String(r.q)) as Previous['quarantineByReason'],
      dataDate: effectiveDataDate(prevSettings, new Date(`${String(r.t).slice(0, 19).replace(' ', 'T')}Z`)),
      modelsSha256: String(r.m),
    };
  } catch (e) {
    return `the previous warehouse cannot be read (${(e as Error).message.split('\n')[0]})`;
  } finally {
    inst?.closeSync();
  }
}

/**
 * sha256 of the first `bytes` bytes and of the whole file, and the last of those bytes. (The added rows are numbered
 * from the previous build's rowsSpanned, which counts a quoted value with line breaks as one spreadsheet row, as a
 * full build numbers it; the line breaks of the first bytes would count it once per break.)
 */
async function prefixHash(path: string, bytes: number): Promise<{ prefix: string; whole: string; lastByte: number }> {
  const whole: Hash = createHash('sha256');
  let prefix: string | undefined;
  let pos = 0;
  let lastByte = -1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (prefix === undefined && pos + chunk.length >= bytes) {
      const head = chunk.subarray(0, bytes - pos);
      whole.update(head);
      if (head.length) lastByte = head[head.length - 1]!;
      prefix = whole.copy().digest('hex');
      whole.update(chunk.subarray(bytes - pos));
    } else {
      whole.update(chunk);
      if (prefix === undefined && chunk.length) lastByte = chunk[chunk.length - 1]!;
    }
    pos += chunk.length;
  }
  return { prefix: prefix ?? whole.copy().digest('hex'), whole: whole.digest('hex'), lastByte };
}

/** A promise's outcome, kept: begun early, used (or its error thrown) later, never an unhandled rejection. */
type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
}
async function settled<T>(p: Promise<Settled<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw r.error;
  return r.value;
}

function sameSettings(a: string, s: Settings): boolean {
  const norm = (x: unknown) => JSON.stringify(x, (_k, v) => (v === -Infinity ? null : v));
  const pa = JSON.parse(a) as Settings;
  const strip = (x: Settings) => ({ ...x, input: { ...x.input, data_date: null } });
  return norm(strip(pa)) === norm(strip(s));
}

export interface IncrementalOptions {
  input: string;
  db: string;
  found: DiscoveredInputs;
  settings: Settings;
  threads?: number;
  memoryLimit?: string;
  p: Progress;
  log: (l: string) => void;
}

/** The incremental build, or why it is not possible (then the caller builds fully). */
export async function buildIncremental(o: IncrementalOptions): Promise<BuildResult | string> {
  // the copy of the previous warehouse the build works on (published by the atomic rename, atomic.ts) is made on
  // libuv's thread pool while the checks below run; it is removed unless published (a killed build's copy is a
  // leftover the next build removes, as for a full build)
  const tmp = tempPathFor(o.db);
  discardTemp(tmp);
  // a copy-on-write clone where the file system has them (btrfs, XFS, APFS), else a plain copy (ext4: ~60–90 ms
  // for the province warehouse)
  const copied: Promise<Error | null> = existsSync(o.db)
    ? copyFile(o.db, tmp, fsConstants.COPYFILE_FICLONE).then(() => null, (e: unknown) => e as Error)
    : Promise.resolve(null);
  // the copy is opened as soon as it is there, while the checks below still run (opening reads its catalog, ~45 ms)
  const opening: Promise<DuckDBInstance | Error | null> = copied.then((e) => (e || !existsSync(tmp) ? null : DuckDBInstance.create(tmp, duckdbConfig(o))))
    .catch((e: unknown) => e as Error);
  try {
    return await incrementalOnCopy(o, tmp, copied, opening);
  } finally {
    // unless the build used it (and closed it), the copy is closed before it is removed
    const inst = await opening;
    if (inst instanceof DuckDBInstance) try { inst.closeSync(); } catch { /* already closed */ }
    await copied;
    // published: renamed away, nothing is left to remove
    discardTemp(tmp);
  }
}

async function incrementalOnCopy(
  o: IncrementalOptions, tmp: string, copied: Promise<Error | null>, opening: Promise<DuckDBInstance | Error | null>,
): Promise<BuildResult | string> {
  if (!existsSync(o.db)) return 'there is no previous warehouse';
  // begun together: the previous warehouse is read on DuckDB's threads while this thread hashes the reference
  // files and reads the monthly files' first lines (each outcome kept, to be used, or thrown, where it was before)
  const prevRead = readPrevious(o.db);
  const refHashes = new Map<string, Promise<Settled<string>>>();
  const sniffs = new Map<string, Promise<Settled<CsvLayout>>>();
  for (const kind of ALL_KINDS) {
    const path = o.found.files.get(kind);
    if (!path) continue;
    if (ONE_PASS_KINDS.has(kind)) sniffs.set(kind, settle(sniffCsv(path, kind)));
    else refHashes.set(kind, settle(sha256File(path)));
  }
  const prev = await prevRead;
  if (typeof prev === 'string') return prev;
  if (!sameSettings(prev.settings, o.settings)) return 'the settings changed';
  // its tables computed by other SQL (another version of pipeline/models): rows added to them by this version's
  // SQL would not be those of a full build. The same SQL: its macros and settings tables are already this build's
  const fingerprint = setupFingerprint(o.settings);
  if (prev.modelsSha256 !== fingerprint) return 'the previous warehouse was computed by other SQL (pipeline/models or the settings\' SQL changed)';
  const today = effectiveDataDate(o.settings, new Date());
  if (today < prev.dataDate) return `the data date ${today} is before the previous build's ${prev.dataDate}`;
  if (today !== prev.dataDate && prev.quarantineByReason.some((q) => q.reason.startsWith(AFTER_DATA_DATE))) {
    return `the data date moved from ${prev.dataDate} to ${today} and the previous build quarantined values after its data date`;
  }
  const byKind = new Map(prev.files.map((f) => [f.kind, f]));
  // reference files: the same, or a full rebuild (what they hold checks every row)
  for (const kind of ALL_KINDS.filter((k) => !ONE_PASS_KINDS.has(k))) {
    const path = o.found.files.get(kind);
    const before = byKind.get(kind);
    if (!path && !before) continue;
    if (!path || !before) return `the ${kind} file ${path ? `${basename(path)} is new` : `${before!.file} is gone`}`;
    if (basename(path) !== before.file || (await settled(refHashes.get(kind)!)) !== before.sha256) return `the ${kind} file ${basename(path)} changed`;
  }
  // monthly files: the previous file, with rows added at its end. Whether a file begins with the previous one
  // (its first bytes hashed: 0.3 s for 330 MB) is found while the added rows are read (below): `verified` is
  // awaited before anything read from them is used, and its reason given first
  type Hashed = Awaited<ReturnType<typeof prefixHash>>;
  const tails = new Map<string, { path: string; headBytes: number; semicolon: boolean; from: number; size: number; verified: Promise<Hashed | string> }>();
  for (const kind of ONE_PASS_KINDS) {
    const path = o.found.files.get(kind);
    const before = byKind.get(kind);
    if (!path || !before?.onePass || before.format !== 'csv' || basename(path) !== before.file) return `the ${kind} file is not the previous CSV with rows added`;
    const size = statSync(path).size;
    const { bytes, trailingDropped, rowsSpanned } = before.onePass;
    if (size < bytes) return `${before.file} is shorter than before`;
    if (rowsSpanned == null) return `the rows of the previous ${before.file} were not numbered from the file (or not recorded)`;
    const verified = prefixHash(path, bytes).then((h) => {
      if (h.prefix !== before.sha256) return `${before.file} does not begin with the previous file (rows changed, not only added)`;
      if (h.lastByte !== 10) return `the previous ${before.file} did not end with a line break`;
      return h;
    });
    // awaited below, unless the build stops first: then its failure is of no interest
    verified.catch(() => {});
    if (trailingDropped > 0) return `the previous ${before.file} ended with empty rows`;
    const layout = await settled(sniffs.get(kind)!);
    if (layout.encoding !== 'utf-8') return `${before.file} is not UTF-8`;
    tails.set(kind, { path, headBytes: layout.headerEndOffset, semicolon: layout.delimiter === ';', from: bytes, size, verified });
  }

  if ([...tails.values()].every((t) => t.size === t.from)) {
    for (const t of tails.values()) {
      const v = await t.verified;
      if (typeof v === 'string') return v;
    }
    return `no rows were added to ${[...tails.keys()].map((k) => byKind.get(k)!.file).join(' or ')}`;
  }
  const hashes = new Map<string, Hashed>();
  const copyError = await copied;
  if (copyError) throw copyError;
  const work = mkdtempSync(join(tmpdir(), 'seimbang-incremental-'));
  const opened = await opening;
  if (opened instanceof Error) throw opened;
  const instance = opened ?? await DuckDBInstance.create(tmp, duckdbConfig(o));
  const conn = await instance.connect();
  let published = false;
  try {
    // the number format of each number column as the previous build decided it
    const roles = new Map<string, DotRole>();
    const guessed: ProfileResult['guessed'] = [];
    for (const [kind, t] of tails) {
      const before = byKind.get(kind)!;
      const column = ONE_PASS[kind]!.shape.column;
      const ev = before.onePass!.evidence;
      if (!ev) return `the number format of ${before.file} was not recorded`;
      const role = decideDots(ev, t.semicolon, o.settings.input.number_locale).role;
      roles.set(`${kind}.${column}`, role);
      guessed.push({ kind, file: before.file, column, role, semicolon: t.semicolon });
    }
    // the setup in one transaction: each statement on its own would be a commit of its own, and each commit to
    // the warehouse file writes and syncs its WAL
    await conn.run('BEGIN TRANSACTION');
    // the macros and the settings' macros and tables are in the copy (the same fingerprint: the same SQL); the data
    // date's macro may have moved (setting_data_date: the build's day when unset)
    await conn.run(inputSettingsSql(o.settings));
    await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${CELL_ISSUE_TABLE} (kind VARCHAR, _row INTEGER, "column" VARCHAR, "value" VARCHAR, reason VARCHAR)`);
    await conn.run(ONE_PASS_SETUP_SQL);
    await conn.run(ruleStatusSql());
    // what the checks compare with: the loaded employees and tasks are the warehouse's
    await conn.run(`CREATE TEMP VIEW stg_employees AS SELECT nip, CAST([] AS VARCHAR[]) AS _issues FROM employee`);
    await conn.run(`CREATE TEMP VIEW stg_position_tasks AS SELECT position_id, task_id, CAST([] AS VARCHAR[]) AS _issues FROM position_task`);
    await conn.run(numberDotsSql(roles));
    await conn.run(NUMBER_SHAPE_SQL);
    await conn.run('COMMIT');
    // the added ratings are read, checked and stripped of their helper columns (performance_checks.sql) in an
    // in-memory database first on the search path, where the one-pass SQL's `performance` is a table of the added
    // rows only; append.sql writes them to the warehouse file once (in the file, the pass, its deletion and its
    // ten column drops were each a commit of their own, the drops each writing the table again)
    const [dbName] = (await conn.runAndReadAll('SELECT current_database()')).getRows()[0]!;
    const fileDb = `"${String(dbName).replaceAll('"', '""')}"`;
    await conn.run(`ATTACH ':memory:' AS ${STAGE}`);
    await conn.run(`USE ${STAGE}`);
    await conn.run(`SET search_path = '${STAGE}.main,${fileDb.replaceAll("'", "''")}.main'`);
    const profile: ProfileResult = { sql: '', decisions: [], numberRoles: roles, guessed };

    const added = new Map<string, { rows: number; loaded: number; quarantined: number; evidence: NumberEvidence; keyMonthMax: string | null; trailingDropped: number; rowsSpanned: number | null }>();
    for (const [kind, t] of tails) {
      const before = byKind.get(kind)!;
      const s = o.p.step(`staging/${kind} (rows added to ${before.file})`);
      // the header lines and the added rows, as a file of their own; rows are numbered from the previous end
      const part = join(work, `${kind}.csv`);
      const fd = openSync(t.path, 'r');
      const head = Buffer.alloc(t.headBytes);
      readSync(fd, head, 0, t.headBytes, 0);
      const tail = Buffer.alloc(t.size - t.from);
      readSync(fd, tail, 0, tail.length, t.from);
      closeSync(fd);
      writeFileSync(part, Buffer.concat([head, tail]));
      let r: Awaited<ReturnType<typeof runOnePass>>;
      try {
        const pass = await prepareOnePass(conn, kind, part, { timeLimitSeconds: o.settings.input.reader_time_limit_seconds });
        r = await runOnePass(conn, pass, profile, o.settings.input, o.settings.input.reader_time_limit_seconds);
      } catch (e) {
        // added rows that cannot be read: first, whether the file begins with the previous one at all
        const v = await t.verified;
        if (typeof v === 'string') return v;
        throw e;
      }
      const h = await t.verified;
      if (typeof h === 'string') return h;
      hashes.set(kind, h);
      // the rows' place: below the previous file's spreadsheet rows (its records and blank lines; blank lines in the
      // added part: onepass_row_shift). The part's base is its header row + 1, as the whole file's
      await conn.run(`UPDATE onepass_file SET file = ${quoteLiteral(before.file)}, base = base + ${before.onePass!.rowsSpanned!} WHERE kind = ${quoteLiteral(kind)}`);
      const prevEv = before.onePass!.evidence!;
      const ev: NumberEvidence = { thousands: prevEv.thousands + (r.facts.evidence?.thousands ?? 0), decimal: prevEv.decimal + (r.facts.evidence?.decimal ?? 0), ambiguous: prevEv.ambiguous + (r.facts.evidence?.ambiguous ?? 0) };
      const g = guessed.find((x) => x.kind === kind)!;
      if (r.numberFormat !== 'guess confirmed' || decideDots(ev, g.semicolon, o.settings.input.number_locale).role !== g.role || ev.ambiguous > 0) {
        return `the added rows of ${before.file} change how its numbers are read`;
      }
      const { table } = ONE_PASS[kind]!;
      const month = kind === 'performance' ? 'period' : '"month"';
      const whole = kind === 'performance' ? 'nip IS NOT NULL AND period IS NOT NULL' : 'position_id IS NOT NULL AND task_id IS NOT NULL AND "month" IS NOT NULL';
      const [minNew] = (await conn.runAndReadAll(`SELECT CAST(min(${month}) FILTER (WHERE ${whole}) AS VARCHAR) FROM ${table}`)).getRows()[0]!;
      const prevMax = before.onePass!.keyMonthMax;
      if (minNew != null && prevMax != null && String(minNew) <= prevMax) {
        return `${before.file}: an added row is of ${String(minNew).slice(0, 7)}, not after the previous file's last month ${prevMax.slice(0, 7)}`;
      }
      added.set(kind, { rows: r.rows, loaded: 0, quarantined: 0, evidence: ev, keyMonthMax: r.facts.keyMonthMax ?? prevMax, trailingDropped: r.facts.trailingDropped,
        rowsSpanned: r.facts.rowsSpanned === null ? null : before.onePass!.rowsSpanned! + r.facts.rowsSpanned });
      s.done(`${count(r.rows)} rows added`);
    }
    for (const kind of tails.keys()) {
      const s = o.p.step(`staging/${kind} checks`);
      const c = await runOnePassChecks(conn, kind);
      Object.assign(added.get(kind)!, c);
      if (c.loaded + c.quarantined !== added.get(kind)!.rows) throw new Error(`internal check failed for ${kind}: ${added.get(kind)!.rows} added rows but ${c.loaded} loaded + ${c.quarantined} quarantined`);
      s.done(`${count(c.loaded)} loaded, ${count(c.quarantined)} quarantined`);
    }
    if ((byKind.get('workload')?.loaded ?? 0) === 0 || (added.get('workload')?.loaded ?? 0) === 0) {
      return 'the calendar is the span of the workload records: the previous and the added rows both need loaded workload';
    }

    // back to the warehouse file (append.sql moves the added ratings into it)
    await conn.run(`USE ${fileDb}`);
    await conn.run('RESET search_path');
    const a = o.p.step('core (rows and months added)');
    // the previous warehouse's last month: the marts over months are computed for the months after it
    const [lastMonth] = (await conn.runAndReadAll(`SELECT CAST(max("month") AS VARCHAR) FROM month_calendar`)).getRows()[0]!;
    const last = `DATE ${quoteLiteral(String(lastMonth))}`;
    await conn.run(readFileSync(join(MODELS_DIR, 'incremental/append.sql'), 'utf8'));
    for (const name of ['quarantine', 'month_calendar']) await conn.run(commentsOf(join(MODELS_DIR, `core/${name}.sql`)));
    a.done();

    const models = loadModels();
    const rerun = dependents(models);
    // the new months only where the earlier months' rows cannot change (incremental-marts.ts), else in full; the
    // effects estimation alongside the marts it does not read (alongside.ts)
    const sqlOf = (m: Model) => {
      const sql = incrementalSql(m, last);
      return sql ?? m.sql;
    };
    await runModelsAndDerived({
      conn, settings: o.settings, models: rerun, derived: DERIVED_STEPS, p: o.p, sqlOf,
      async runOne(m) {
        const s = o.p.step(`${m.layer}/${m.name}`);
        const sql = incrementalSql(m, last);
        try {
          if (sql !== '') await conn.run(sql ?? m.sql);
        } catch (e) {
          throw new Error(`model ${m.layer}/${m.name}.sql${sql ? ' (new months)' : ''} failed: ${(e as Error).message}`);
        }
        s.done(sql === null ? 'computed again' : sql === '' ? 'view' : 'new months');
      },
      detailOf: async (m) => {
        const sql = incrementalSql(m, last);
        return sql === null ? 'computed again' : sql === '' ? 'view' : 'new months';
      },
    });

    const info = o.p.step('build_info');
    const files: FileReport[] = prev.files.map((f) => {
      const ad = added.get(f.kind);
      const t = tails.get(f.kind);
      if (!ad || !t) return f;
      return {
        ...f, sha256: hashes.get(f.kind)!.whole, rows: f.rows + ad.rows, loaded: f.loaded + ad.loaded, quarantined: f.quarantined + ad.quarantined,
        onePass: { keyMonthMax: ad.keyMonthMax, evidence: ad.evidence, trailingDropped: ad.trailingDropped, rowsSpanned: ad.rowsSpanned, bytes: t.size },
      };
    });
    const qr = await conn.runAndReadAll(`SELECT reason, kind, count(*) AS n FROM quarantine GROUP BY ALL ORDER BY n DESC, reason, kind`);
    const quarantineByReason = qr.getRowObjects().map((x) => ({ reason: String(x.reason), kind: String(x.kind), n: Number(x.n) }));
    const raws = (await conn.runAndReadAll(`SELECT * FROM raw_file`)).getRowObjects().map((x) => {
      const f = files.find((y) => y.kind === x.kind)!;
      return { kind: String(x.kind), file: String(x.file), path: '', format: String(x.format) as 'csv', sheet: x.sheet == null ? undefined : String(x.sheet),
        headerRow: Number(x.header_row), delimiter: x.delimiter == null ? undefined : String(x.delimiter), idNumberStyle: false,
        sha256: f.sha256, rows: f.rows, unusedColumns: [], mappedColumns: [], cellIssues: 0 };
    });
    await writeBuildInfo(conn, { input: o.input, raws, files, settings: o.settings, quarantineByReason, warnings: prev.warnings, startedMs: o.p.elapsedMs });
    for (const t of ['performance_rejected', 'workload_rejected', 'workload_record']) await conn.run(`DROP TABLE IF EXISTS temp.main.${t}`);
    await conn.run(`DETACH ${STAGE}`);
    info.done();

    const tables = (await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND database_name <> 'temp' ORDER BY table_name`)).getRows();
    const tableRows: { name: string; rows: number }[] = [];
    for (const [name] of tables) tableRows.push({ name: String(name), rows: Number((await conn.runAndReadAll(`SELECT count(*) FROM "${String(name)}"`)).getRows()[0]![0]) });
    const fin = o.p.step('publish');
    await conn.run('CHECKPOINT');
    conn.closeSync();
    instance.closeSync();
    publish(tmp, o.db);
    published = true;
    fin.done(basename(o.db));
    return {
      db: o.db, durationMs: o.p.elapsedMs, files, quarantineByReason, tables: tableRows, warnings: prev.warnings,
      warningsByKind: [], settings: o.settings, steps: [...o.p.steps],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (!published) {
      try { conn.closeSync(); } catch { /* already closed */ }
      try { instance.closeSync(); } catch { /* already closed */ }
      discardTemp(tmp);
    }
  }
}

/** The COMMENT statements of a model file (a table created again keeps its documentation). */
function commentsOf(path: string): string {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('COMMENT ON')).join('\n');
}

/** staff_monthly and the marts that read a changed table, directly or through another mart, in run order. */
function dependents(models: Model[]): Model[] {
  const changed = new Set(CHANGED);
  const out: Model[] = [];
  for (const m of models) {
    if (m.name === 'staff_monthly' || (m.layer === 'marts' && m.dependsOn.some((d) => changed.has(d)))) {
      out.push(m);
      changed.add(m.name);
    } else if (m.layer === 'marts' && CHANGED.some((t) => new RegExp(`\\b${t}\\b`).test(m.sql.replace(/--[^\n]*/g, '')))) {
      out.push(m);
      changed.add(m.name);
    }
  }
  return out;
}
