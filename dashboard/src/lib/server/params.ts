/**
 * Named, validated endpoint parameters. Each endpoint declares its parameters; anything invalid becomes
 * `400 {"error": "bad_request", "param": …, "message": …}`. Validated values are what queries bind
 * (never the raw client text) and what the ETag / cache key is computed from.
 */
import { MONTH_RE, REGION_RE, TRANSFER_ID_RE, UNIT_ID_RE, VIEWS, DEFAULT_VIEW, YEAR_RE, isTitle } from '$lib/params';
import type { ParamValue } from './db';

export class BadRequestError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'BadRequestError';
  }
}

export interface ParamSpec {
  /** where the value comes from: the query string (default) or a route segment */
  from?: 'query' | 'route';
  /** human-readable rule, used in the 400 message */
  rule: string;
  /** raw text (or undefined when absent) → bound value; throw BadRequestError via `fail` when invalid */
  parse(raw: string | undefined, fail: (message?: string) => never): ParamValue;
}

export const month = (): ParamSpec => ({
  rule: 'a month as YYYY-MM (e.g. 2024-06); optional, defaults to the latest month in the warehouse',
  parse(raw, fail) {
    if (raw === undefined || raw === '') return null;
    if (!MONTH_RE.test(raw)) fail();
    return `${raw}-01`;
  },
});

export const unitId = (from: 'query' | 'route' = 'route'): ParamSpec => ({
  from,
  rule: 'a unit id: 1–40 characters A–Z a–z 0–9 . _ -',
  parse(raw, fail) {
    if (raw === undefined || !UNIT_ID_RE.test(raw)) return fail();
    return raw;
  },
});

export const transferId = (): ParamSpec => ({
  from: 'route',
  rule: 'a transfer id as in the warehouse (e.g. T0000123): 1–40 characters A–Z a–z 0–9 . _ -',
  parse(raw, fail) {
    if (raw === undefined || !TRANSFER_ID_RE.test(raw)) return fail();
    return raw;
  },
});

export const year = (): ParamSpec => ({
  rule: 'a year as YYYY (1900–2099); optional (all years when absent)',
  parse(raw, fail) {
    if (raw === undefined || raw === '') return null;
    if (!YEAR_RE.test(raw)) fail();
    return Number(raw);
  },
});

export const region = (): ParamSpec => ({
  rule: 'a region code (kode wilayah) as in unit.region_code: 1–20 characters A–Z a–z 0–9 . _ -; optional (all regions when absent)',
  parse(raw, fail) {
    if (raw === undefined || raw === '') return null;
    if (!REGION_RE.test(raw)) fail();
    return raw;
  },
});

export const lang = (): ParamSpec => ({
  rule: '`id` or `en`; optional, defaults to `id`',
  parse(raw, fail) {
    if (raw === undefined || raw === '') return 'id';
    if (raw !== 'id' && raw !== 'en') fail();
    return raw;
  },
});

export const oneOf = (values: readonly string[], fallback: string): ParamSpec => ({
  rule: `one of ${values.map((v) => `\`${v}\``).join(', ')}; optional, defaults to \`${fallback}\``,
  parse(raw, fail) {
    if (raw === undefined || raw === '') return fallback;
    if (!values.includes(raw)) fail();
    return raw;
  },
});

/** `annual` (default: rolling 12-month workload, marts *_load_annual) or `month` (*_load_monthly): $lib/params VIEWS */
export const view = (): ParamSpec => oneOf(VIEWS, DEFAULT_VIEW);

export const title = (): ParamSpec => ({
  rule: 'a position title, 1–120 printable characters; optional (all titles when absent)',
  parse(raw, fail) {
    if (raw === undefined || raw === '') return null;
    if (!isTitle(raw)) fail();
    return raw;
  },
});

/** an opaque person reference (lib/server/queries/pegawai.ts): 24 lowercase hex digits */
export const personRef = (): ParamSpec => ({
  from: 'route',
  rule: 'a person reference: 24 hexadecimal digits as in the links of /pegawai',
  parse(raw, fail) {
    if (raw === undefined || !/^[0-9a-f]{24}$/.test(raw)) return fail();
    return raw;
  },
});

/** at most this many rows (a page's short list; the CSV and the full list leave it out): 1–1000, optional */
export const limit = (): ParamSpec => ({
  rule: 'a whole number of rows, 1–1000; optional (every row when absent)',
  parse(raw, fail) {
    if (raw === undefined || raw === '') return null;
    if (!/^[1-9][0-9]{0,3}$/.test(raw) || Number(raw) > 1000) fail();
    return Number(raw);
  },
});

export type ParamSpecs = Record<string, ParamSpec>;

/** Validate `url` query / route params against `specs`; also validates `format`. */
export function parseParams(
  specs: ParamSpecs,
  url: URL,
  route: Record<string, string>,
): { values: Record<string, ParamValue>; format: 'arrow' | 'csv' } {
  const values: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = spec.from === 'route' ? route[name] : (url.searchParams.get(name) ?? undefined);
    const fail = (message?: string): never => {
      throw new BadRequestError(name, message ?? `Invalid parameter \`${name}\`: expected ${spec.rule}.`);
    };
    if (spec.from !== 'route' && url.searchParams.getAll(name).length > 1) fail(`Parameter \`${name}\` was given more than once.`);
    values[name] = spec.parse(raw, fail);
  }
  const f = url.searchParams.get('format');
  if (f !== null && f !== 'arrow' && f !== 'csv') {
    throw new BadRequestError('format', 'Invalid parameter `format`: expected `arrow` (default) or `csv`.');
  }
  return { values, format: f === 'csv' ? 'csv' : 'arrow' };
}
