/**
 * Answer a query module as an Apache Arrow IPC stream (`application/vnd.apache.arrow.stream`), or as CSV
 * with `?format=csv` (the "download the data" links).
 *
 * - parameters are validated (400 with a JSON message when not) and bound through a prepared statement;
 * - `ETag` = hash of build_info.built_at + endpoint + validated params (+ format); `If-None-Match` → 304
 *   without touching DuckDB; the same key indexes an in-process LRU of encoded bodies, so a rebuilt
 *   warehouse (new built_at) never serves stale bytes;
 * - DuckDB columns become Arrow vectors of matching types: DATE → DateDay, TIMESTAMP → TimestampMillisecond,
 *   integers → Int32 (BIGINT/HUGEINT when every value fits, else Float64 while exact, else Utf8),
 *   DOUBLE/DECIMAL → Float64, VARCHAR → Utf8, LIST/ARRAY → List<Utf8> (List<Float64> for numeric lists).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { logOnce } from './log';
import { checkDomain } from './domain-check';
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  List,
  Table,
  TimestampMillisecond,
  Utf8,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { createHash } from 'node:crypto';
import { DuckDBTypeId, type DuckDBType, type JS } from '@duckdb/node-api';
import { acquire, release, runQuery, WarehouseOutdatedError, WarehouseUnavailableError, type Generation, type ParamValue, type QueryResult } from './db';
import { BadRequestError, parseParams } from './params';
import { LruCache, type CachedBody } from './cache';
import { csvField, neutraliseFormula } from './csv';
import type { QueryDef } from './queries/define';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const cache = new LruCache();

// ---------------------------------------------------------------- DuckDB → Arrow

const INT32_TYPES = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
]);
const WIDE_INT_TYPES = new Set([
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.BIGNUM,
]);
const FLOAT_TYPES = new Set([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL]);
const TIMESTAMP_TYPES = new Set([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

const toNum = (v: JS): number | null => (v === null ? null : typeof v === 'bigint' ? Number(v) : Number(v));
const toText = (v: JS): string | null =>
  v === null ? null : typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v, jsonReplacer) : String(v);

function jsonReplacer(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

function wideIntType(values: JS[]): 'int32' | 'float64' | 'utf8' {
  let kind: 'int32' | 'float64' | 'utf8' = 'int32';
  for (const v of values) {
    if (v === null) continue;
    const b = typeof v === 'bigint' ? v : BigInt(v as number);
    if (b < BigInt(INT32_MIN) || b > BigInt(INT32_MAX)) {
      if (b < BigInt(Number.MIN_SAFE_INTEGER) || b > BigInt(Number.MAX_SAFE_INTEGER)) return 'utf8';
      kind = 'float64';
    }
  }
  return kind;
}

function listChildType(type: DuckDBType): DataType {
  const child = (type as unknown as { valueType?: DuckDBType }).valueType;
  if (child && (INT32_TYPES.has(child.typeId) || WIDE_INT_TYPES.has(child.typeId) || FLOAT_TYPES.has(child.typeId))) {
    return new Float64();
  }
  return new Utf8();
}

function toVector(type: DuckDBType, values: JS[]): Vector {
  const id = type.typeId;
  if (id === DuckDBTypeId.BOOLEAN) return vectorFromArray(values.map((v) => (v === null ? null : Boolean(v))), new Bool());
  if (INT32_TYPES.has(id)) return vectorFromArray(values.map(toNum), new Int32());
  if (WIDE_INT_TYPES.has(id)) {
    const kind = wideIntType(values);
    if (kind === 'int32') return vectorFromArray(values.map(toNum), new Int32());
    if (kind === 'float64') return vectorFromArray(values.map(toNum), new Float64());
    return vectorFromArray(values.map(toText), new Utf8());
  }
  if (FLOAT_TYPES.has(id)) return vectorFromArray(values.map(toNum), new Float64());
  if (id === DuckDBTypeId.DATE) {
    return vectorFromArray(
      values.map((v) => (v instanceof Date ? v : null)),
      new DateDay(),
    );
  }
  if (TIMESTAMP_TYPES.has(id)) {
    return vectorFromArray(
      values.map((v) => (v instanceof Date ? v : null)),
      new TimestampMillisecond(),
    );
  }
  if (id === DuckDBTypeId.LIST || id === DuckDBTypeId.ARRAY) {
    const child = listChildType(type);
    const numeric = child instanceof Float64;
    const rows = values.map((v) =>
      Array.isArray(v) ? v.map((x) => (numeric ? toNum(x) : toText(x))) : null,
    );
    return vectorFromArray(rows, new List(new Field('item', child, true)));
  }
  return vectorFromArray(values.map(toText), new Utf8());
}

export function toArrowTable(result: QueryResult): Table {
  const vectors: Record<string, Vector> = {};
  result.names.forEach((name, i) => {
    // DuckDB returns no column arrays for an empty result; the schema still comes from the column types
    vectors[name] = toVector(result.types[i]!, result.columns[i] ?? []);
  });
  return new Table(vectors);
}

export function toArrowIPC(result: QueryResult): Uint8Array {
  return tableToIPC(toArrowTable(result), 'stream');
}

// ---------------------------------------------------------------- CSV

function csvCell(type: DuckDBType, v: JS): string {
  if (v === null) return '';
  let s: string;
  if (v instanceof Date) s = type.typeId === DuckDBTypeId.DATE ? v.toISOString().slice(0, 10) : v.toISOString();
  else if (Array.isArray(v)) s = v.map((x) => toText(x) ?? '').join('; ');
  else s = toText(v) ?? '';
  // numbers come from numeric columns, never from client or input text: a negative one stays a number
  const numeric = typeof v === 'number' || typeof v === 'bigint';
  return csvField(numeric ? s : neutraliseFormula(s));
}

export function toCsv(result: QueryResult): string {
  const lines = [result.names.map((n) => csvCell({ typeId: DuckDBTypeId.VARCHAR } as DuckDBType, n)).join(',')];
  for (let r = 0; r < result.rowCount; r++) {
    lines.push(result.columns.map((col, c) => csvCell(result.types[c]!, col[r] ?? null)).join(','));
  }
  // BOM so that spreadsheet programs read the file as UTF-8
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- HTTP

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);
}

function fileSuffix(values: Record<string, unknown>): string {
  const parts = Object.entries(values)
    .filter(([k, v]) => v !== null && k !== 'lang')
    .map(([, v]) => String(v).replace(/-01$/, ''));
  const s = parts.join('_').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
  return s ? `-${s}` : '';
}

type Format = 'arrow' | 'csv';

/** Cache key and ETag of an answer: the warehouse build, the endpoint, the validated parameters, the format. */
function cacheKey(gen: Generation, def: QueryDef, values: Record<string, ParamValue>, format: Format): { key: string; etag: string } {
  const canonical = JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
  const key = `${gen.builtAt}\n${def.name}\n${canonical}\n${format}`;
  return { key, etag: `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"` };
}

/** Run the query and encode the answer; the encoded bytes go into the LRU. */
async function encode(gen: Generation, def: QueryDef, values: Record<string, ParamValue>, format: Format, key: string, etag: string): Promise<CachedBody> {
  const raw = await runQuery(gen, def.sql, { ...(def.constants ?? {}), ...(def.runtime?.() ?? {}), ...values });
  const result = def.transform ? def.transform(raw) : raw;
  const entry: CachedBody =
    format === 'csv'
      ? {
          body: new TextEncoder().encode(toCsv(result)),
          contentType: 'text/csv; charset=utf-8',
          etag,
          headers: { 'Content-Disposition': `attachment; filename="seimbang-${def.name}${fileSuffix(values)}.csv"` },
        }
      : { body: toArrowIPC(result), contentType: ARROW_STREAM, etag };
  cache.set(key, entry);
  return entry;
}

/**
 * Put the Arrow answer of `def` for the query string `search` (validated like a request) into the cache of
 * generation `gen`, unless it is there already. Used to warm the cache when a warehouse is opened.
 */
export async function prefill(gen: Generation, def: QueryDef, search: Record<string, string> = {}): Promise<void> {
  const url = new URL('http://warm.invalid/');
  for (const [k, v] of Object.entries(search)) url.searchParams.set(k, v);
  const { values } = parseParams(def.params, url, {});
  const { key, etag } = cacheKey(gen, def, values, 'arrow');
  if (!cache.get(key)) await encode(gen, def, values, 'arrow', key, etag);
}

/** The whole GET handler of a data endpoint. */
export async function serveQuery(event: RequestEvent, def: QueryDef, routeParams: Record<string, string>): Promise<Response> {
  let parsed: ReturnType<typeof parseParams>;
  try {
    parsed = parseParams(def.params, event.url, routeParams);
  } catch (err) {
    if (err instanceof BadRequestError) {
      return json({ error: 'bad_request', param: err.param, message: err.message }, { status: 400 });
    }
    throw err;
  }
  const { values, format } = parsed;

  let gen;
  try {
    gen = await acquire();
  } catch (err) {
    if (err instanceof WarehouseUnavailableError) return warehouseErrorResponse(err, event.locals.role === 'admin');
    throw err;
  }
  try {
    // months outside the warehouse and unknown regions: 400, not an empty answer computed (and cached) for nothing
    const domainError = await checkDomain(gen, values);
    if (domainError) return json({ error: 'bad_request', param: domainError.param, reason: 'outside_warehouse', message: domainError.message }, { status: 400 });
    const { key, etag } = cacheKey(gen, def, values, format);
    const common: Record<string, string> = {
      ETag: etag,
      'Cache-Control': 'no-cache',
      'X-Seimbang-Built-At': gen.builtAt,
    };
    if (etagMatches(event.request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers: common });
    }
    const entry = cache.get(key) ?? (await encode(gen, def, values, format, key, etag));
    return new Response(entry.body as BodyInit, {
      status: 200,
      headers: { ...common, ...(entry.headers ?? {}), 'Content-Type': entry.contentType },
    });
  } catch (err) {
    // the details (SQL, DuckDB's message) go to the server log, never to the browser
    logOnce(`query ${def.name}`, err);
    return json({ error: 'query_failed', message: `The ${def.name} data could not be computed; the server log says why.` }, { status: 500 });
  } finally {
    release(gen);
  }
}

/**
 * The answer when no warehouse can be read: 503 with a message without file paths or DuckDB errors (those go to
 * the server log, once). An admin is also shown the rebuild command (it names the warehouse file).
 */
export function warehouseErrorResponse(err: WarehouseUnavailableError, admin: boolean): Response {
  logOnce('warehouse', err);
  const headers = { 'Retry-After': '10' };
  if (err instanceof WarehouseOutdatedError) {
    return json(
      {
        error: 'warehouse_outdated',
        message:
          `The warehouse was built ${err.found === null ? 'by a version of Seimbang without schema versions' : `with schema version ${err.found}`}; ` +
          `this dashboard reads schema version ${err.expected}. An administrator must rebuild it.`,
        schema_version: err.found,
        expected: err.expected,
        ...(admin ? { rebuild: err.rebuild } : {}),
      },
      { status: 503, headers },
    );
  }
  return json(
    {
      error: 'warehouse_unavailable',
      message: 'No warehouse is available yet. An administrator builds it with `npm run build:warehouse` (or sets SEIMBANG_DB); the server log names the file.',
    },
    { status: 503, headers },
  );
}

/** For tests and diagnostics. */
export function clearResponseCache(): void {
  cache.clear();
}
