/**
 * The warehouse connection: one read-only DuckDB instance per server process.
 *
 * The path comes from env `SEIMBANG_DB` (default `data/seimbang.duckdb`, relative to the working directory).
 * The builder replaces the file atomically by rename, so a rebuilt warehouse is a new inode: at most once per
 * second a request stats the file (cheap) and, when inode/mtime/size changed, opens the new file as a new
 * "generation". Queries already running keep the old generation (DuckDB holds the old, now unlinked, file
 * open) and the old instance is closed when its last query finishes.
 */
import { DuckDBInstance, DuckDBTypeId, VARCHAR, DOUBLE, BIGINT, type DuckDBConnection, type DuckDBType, type JS } from '@duckdb/node-api';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { rebuildCommand, SCHEMA_VERSION, schemaStatus } from '#domain/warehouse-schema.ts';

export class WarehouseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WarehouseUnavailableError';
  }
}

/**
 * The warehouse was built with another schema version (pipeline/domain/warehouse-schema.ts) than this
 * dashboard reads: its tables would fail or, worse, mean something else. Every request answers "rebuild".
 */
export class WarehouseOutdatedError extends WarehouseUnavailableError {
  constructor(
    readonly file: string,
    readonly found: number | null,
    readonly expected: number,
    readonly inputDir: string | null,
  ) {
    const built = found === null ? 'by a version of Seimbang without schema versions' : `with schema version ${found}`;
    super(`The warehouse ${file} was built ${built}; this dashboard reads schema version ${expected}. Rebuild it: ${rebuildCommand(file, inputDir)}`);
    this.name = 'WarehouseOutdatedError';
  }

  get rebuild(): string {
    return rebuildCommand(this.file, this.inputDir);
  }
}

export interface Generation {
  readonly file: string;
  /** inode:mtime:size of the file this generation opened */
  readonly key: string;
  /** build_info.built_at as text (falls back to the file key when build_info is unreadable) */
  readonly builtAt: string;
  readonly version: string | null;
  /** build_info.schema_version (null: built before schema versions) */
  readonly schemaVersion: number | null;
  /** build_info.input_dir, for the rebuild command in messages */
  readonly inputDir: string | null;
  readonly instance: DuckDBInstance;
  /** idle connections, reused by later queries of this generation */
  readonly idle: DuckDBConnection[];
  active: number;
  retired: boolean;
}

export interface QueryResult {
  names: string[];
  types: DuckDBType[];
  /** column-major values as converted by DuckDB's JS converter (DATE → Date, BIGINT → bigint, LIST → array) */
  columns: JS[][];
  rowCount: number;
}

/** Values a query parameter may take; bound through the prepared statement, never interpolated. */
export type ParamValue = string | number | bigint | boolean | null;

const CHECK_INTERVAL_MS = 1000;
const MAX_IDLE_CONNECTIONS = 4;

let current: Generation | null = null;
const generationListeners: ((gen: Generation) => void)[] = [];

/** Called with each newly opened generation (the first one and every rebuilt warehouse), e.g. to warm caches. */
export function onNewGeneration(listener: (gen: Generation) => void): void {
  generationListeners.push(listener);
}
let lastCheck = 0;
let checking: Promise<void> | null = null;

export function warehousePath(): string {
  return path.resolve(process.env.SEIMBANG_DB || 'data/seimbang.duckdb');
}

function fileKey(st: { ino: number; mtimeMs: number; size: number }): string {
  return `${st.ino}:${st.mtimeMs}:${st.size}`;
}

async function openGeneration(file: string, key: string): Promise<Generation> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  let builtAt = `file:${key}`;
  let version: string | null = null;
  let schemaVersion: number | null = null;
  let inputDir: string | null = null;
  const con = await instance.connect();
  try {
    // SELECT * stays readable on warehouses from before schema_version / input_dir existed
    const reader = await con.runAndReadAll('SELECT * REPLACE (CAST(built_at AS VARCHAR) AS built_at) FROM build_info LIMIT 1');
    const row = reader.getRowObjectsJS()[0] ?? {};
    if (row.built_at != null) builtAt = String(row.built_at);
    if (row.version != null) version = String(row.version);
    if (row.schema_version != null) schemaVersion = Number(row.schema_version);
    if (row.input_dir != null) inputDir = String(row.input_dir);
  } catch (err) {
    console.warn(`[seimbang] ${file}: build_info unreadable (${(err as Error).message}); caching by file identity`);
  }
  if (schemaStatus(schemaVersion) !== 'current') {
    console.warn(`[seimbang] ${file}: schema version ${schemaVersion ?? 'none'}, this dashboard reads ${SCHEMA_VERSION}: rebuild the warehouse`);
  }
  return { file, key, builtAt, version, schemaVersion, inputDir, instance, idle: [con], active: 0, retired: false };
}

function closeGeneration(gen: Generation): void {
  for (const con of gen.idle.splice(0)) {
    try {
      con.closeSync();
    } catch {
      /* already closed */
    }
  }
  try {
    gen.instance.closeSync();
  } catch {
    /* already closed */
  }
}

async function refresh(): Promise<void> {
  const file = warehousePath();
  let key: string;
  try {
    key = fileKey(await stat(file));
  } catch {
    // The file is gone. Keep serving what we have (a rename never leaves a gap); otherwise say what to do.
    if (current) return;
    throw new WarehouseUnavailableError(
      `The warehouse file ${file} does not exist yet. Build it with \`npm run build:warehouse\` ` +
        '(or set SEIMBANG_DB to an existing warehouse).',
    );
  }
  if (current && current.file === file && current.key === key) return;
  let next: Generation;
  try {
    next = await openGeneration(file, key);
  } catch (err) {
    if (current) {
      console.warn(`[seimbang] could not open the new warehouse ${file}: ${(err as Error).message}; keeping the previous one`);
      return;
    }
    throw new WarehouseUnavailableError(`The warehouse ${file} could not be opened: ${(err as Error).message}`);
  }
  const old = current;
  current = next;
  if (old) {
    old.retired = true;
    if (old.active === 0) closeGeneration(old);
    console.log(`[seimbang] warehouse reopened (${next.builtAt})`);
  }
  for (const listener of generationListeners) listener(next);
}

/** The current generation, with a reference held until `release`. */
export async function acquire(): Promise<Generation> {
  const now = Date.now();
  if (!current || now - lastCheck >= CHECK_INTERVAL_MS) {
    if (!checking) {
      lastCheck = now;
      checking = refresh().finally(() => {
        checking = null;
      });
    }
    await checking;
  }
  const gen = current;
  if (!gen) throw new WarehouseUnavailableError(`The warehouse ${warehousePath()} is not available.`);
  if (schemaStatus(gen.schemaVersion) !== 'current') {
    throw new WarehouseOutdatedError(gen.file, gen.schemaVersion, SCHEMA_VERSION, gen.inputDir);
  }
  gen.active++;
  return gen;
}

export function release(gen: Generation): void {
  gen.active--;
  if (gen.retired && gen.active === 0) closeGeneration(gen);
}

function typeOf(value: ParamValue): DuckDBType {
  if (typeof value === 'number') return DOUBLE;
  if (typeof value === 'bigint') return BIGINT;
  return VARCHAR; // strings and NULLs; SQL casts where another type is needed (e.g. CAST($month AS DATE))
}

/**
 * Run `sql` on a generation with named parameters (`$name`) bound through a prepared statement.
 * Every `$name` the statement uses must be present in `params`.
 */
export async function runQuery(gen: Generation, sql: string, params: Record<string, ParamValue>): Promise<QueryResult> {
  const con = gen.idle.pop() ?? (await gen.instance.connect());
  let reusable = true;
  try {
    const prepared = await con.prepare(sql);
    try {
      for (let i = 1; i <= prepared.parameterCount; i++) {
        const name = prepared.parameterName(i);
        if (!(name in params)) throw new Error(`query parameter $${name} has no value`);
        const value = params[name]!;
        if (value === null) prepared.bindNull(i);
        else if (typeof value === 'boolean') prepared.bindBoolean(i, value);
        else prepared.bindValue(i, value, typeOf(value));
      }
      const reader = await prepared.runAndReadAll();
      const names = reader.columnNames();
      const types = reader.columnTypes();
      const columns = reader.getColumnsJS();
      return { names, types, columns, rowCount: reader.currentRowCount };
    } finally {
      prepared.destroySync();
    }
  } catch (err) {
    reusable = false;
    throw err;
  } finally {
    if (reusable && !gen.retired && gen.idle.length < MAX_IDLE_CONNECTIONS) gen.idle.push(con);
    else con.closeSync();
  }
}

/** Convenience: acquire, run, release. */
export async function query(sql: string, params: Record<string, ParamValue> = {}): Promise<QueryResult & { builtAt: string }> {
  const gen = await acquire();
  try {
    return { ...(await runQuery(gen, sql, params)), builtAt: gen.builtAt };
  } finally {
    release(gen);
  }
}

export { DuckDBTypeId };
