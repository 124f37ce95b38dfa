/**
 * Data endpoints over HTTP against the production server: Arrow IPC that apache-arrow decodes with the right
 * types, CSV downloads, ETag / If-None-Match → 304, and 400 with a JSON message for invalid parameters. Requests
 * are made as a signed-in analyst (who may see every data endpoint); who may see what is access-matrix.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC, DataType, type Table } from 'apache-arrow';
import { ruleDetail, type RuleTextRow } from '../../dashboard/src/lib/rule-text.ts';
import { addAccount, sessionCookie, startServer, testWarehouse, type Server } from './harness.ts';

const ARROW = 'application/vnd.apache.arrow.stream';

let server: Server;
let wh: Awaited<ReturnType<typeof testWarehouse>>;
let unitId = '';
let title = '';
let months: string[] = [];
let transferId = '';

let cookie = '';
async function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, { headers: { Cookie: cookie, ...headers } });
}

async function arrow(path: string): Promise<Table> {
  const res = await get(path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  expect(res.headers.get('content-type')).toBe(ARROW);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer()));
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

beforeAll(async () => {
  wh = await testWarehouse();
  server = await startServer(wh.file);
  cookie = await sessionCookie(server, await addAccount(server, 'analis'));
  const units = await arrow('/api/units');
  // a unit that has sub-units, else the first one
  const rows = units.toArray().map((r) => r.toJSON() as { unit_id: string; parent_id: string | null });
  const parents = new Set(rows.map((r) => r.parent_id).filter(Boolean));
  unitId = rows.find((r) => parents.has(r.unit_id))?.unit_id ?? rows[0]!.unit_id;
  const titles = await arrow('/api/jabatan/titles');
  title = String(titles.get(0)!.toJSON().title);
  months = (await arrow('/api/months')).toArray().map((r) => monthOf(r.toJSON().month as number));
  transferId = String((await arrow('/api/audit/failures')).get(0)!.toJSON().transfer_id);
});

afterAll(async () => {
  await server?.stop();
  wh?.cleanup();
});

describe('Arrow endpoints', () => {
  const endpoints = () => [
    { path: '/api/months', columns: ['month'] },
    { path: '/api/units', columns: ['unit_id', 'unit_name', 'parent_id', 'depth', 'top_unit_id'] },
    { path: '/api/build-info', columns: ['version', 'built_at', 'effective_minutes_per_year'] },
    { path: '/api/regions', columns: ['region_code', 'region_name', 'units'] },
    { path: '/api/overview?region=3999', columns: ['units_total', 'gini'] },
    { path: '/api/imbalance?region=3999', columns: ['month', 'gini'] },
    { path: '/api/overview', columns: ['month', 'units_total', 'units_overloaded', 'staff_in_overloaded_units', 'staffing_gap_fte', 'gini', 'gini_change'] },
    { path: '/api/unit-load', columns: ['unit_id', 'unit_name', 'ej', 'grade', 'band', 'label', 'current_staff', 'required_staff'] },
    { path: '/api/imbalance', columns: ['month', 'gini', 'cv', 'theil', 'staffing_gap'] },
    { path: '/api/imbalance?level=position', columns: ['month', 'gini'] },
    { path: '/api/heatmap', columns: ['unit_id', 'unit_name', 'month', 'ej', 'band'] },
    { path: `/api/units/${unitId}`, columns: ['unit_id', 'unit_name', 'parent_id', 'unit_kind'] },
    { path: `/api/units/${unitId}/history`, columns: ['month', 'workload_minutes', 'capacity_minutes', 'ej'] },
    { path: `/api/units/${unitId}/positions`, columns: ['position_id', 'title', 'required_staff', 'current_staff', 'shortfall'] },
    { path: `/api/units/${unitId}/positions/holders`, columns: ['position_id', 'holders_below_education', 'missing_competencies'] },
    { path: `/api/units/${unitId}/transfers`, columns: ['month', 'transfers_in', 'transfers_out'], mayBeEmpty: true },
    { path: `/api/units/${unitId}/performance`, columns: ['rating_rank', 'rating', 'employees'] },
    { path: `/api/units/${unitId}/subunits`, columns: ['unit_id', 'unit_name', 'ej', 'band'] },
    { path: `/api/units/${unitId}/waves`, columns: ['month', 'moved', 'arrivals', 'departures'] },
    { path: '/api/jabatan/titles', columns: ['title', 'positions', 'units', 'positions_short', 'positions_surplus'] },
    { path: `/api/jabatan/units?title=${encodeURIComponent(title)}`, columns: ['title', 'unit_id', 'unit_name', 'difference'] },
    { path: '/api/audit/rules', columns: ['rule', 'severity', 'transfers', 'passed', 'failed', 'unknown', 'rate'] },
    { path: '/api/audit/rules?year=2024', columns: ['rule', 'passed', 'failed'] },
    { path: '/api/audit/years', columns: ['year', 'transfers', 'passed', 'failed', 'unknown', 'rate'] },
    { path: '/api/audit/years?rule=receiving_need', columns: ['year', 'failed'] },
    { path: '/api/audit/units?year=2024&rule=election_ban', columns: ['unit_id', 'unit_name', 'transfers', 'failed', 'rate'] },
    { path: '/api/audit/failures', columns: ['transfer_id', 'effective_date', 'from_unit_name', 'to_unit_name', 'rule', 'code', 'threshold'] },
    { path: `/api/audit/transfers/${transferId}`, columns: ['transfer_id', 'effective_date', 'to_unit_name', 'to_ej_before', 'to_ej_after', 'from_ej_before'] },
    { path: `/api/audit/transfers/${transferId}/rules`, columns: ['rule', 'severity', 'status', 'code', 'value', 'threshold'] },
    { path: `/api/audit/transfers/${transferId}/load`, columns: ['side', 'unit_id', 'month', 'ej'] },
    { path: '/api/effects/info', columns: ['outcome', 'level', 'status', 'n_units', 'n_treated', 'cohorts', 'warnings'] },
    { path: '/api/effects', columns: ['aggregation', 'event_time', 'att', 'ci_low', 'ci_high', 'n_treated'] },
    { path: '/api/effects?outcome=staffing_gap', columns: ['aggregation', 'att'] },
    { path: '/api/effects/rampup', columns: ['months_since_transfer', 'effect', 'ci_low', 'ci_high', 'share_of_full_productivity'] },
  ];

  it('every endpoint answers an Arrow IPC stream that apache-arrow decodes, with its columns', async () => {
    for (const e of endpoints()) {
      const table = await arrow(e.path);
      const names = table.schema.fields.map((f) => f.name);
      for (const c of e.columns) expect(names, `${e.path} lacks ${c}`).toContain(c);
      if (!e.mayBeEmpty) expect(table.numRows, `${e.path} has no rows`).toBeGreaterThan(0);
    }
  });

  it('maps DuckDB types to Arrow types (DateDay, Int32, Float64, Utf8, List<Utf8>, Timestamp)', async () => {
    const type = (t: Table, c: string) => t.schema.fields.find((f) => f.name === c)!.type;
    const m = await arrow('/api/months');
    expect(DataType.isDate(type(m, 'month'))).toBe(true);
    expect(String(type(m, 'month'))).toBe('Date32<DAY>');
    const o = await arrow('/api/overview');
    expect(String(type(o, 'units_total'))).toBe('Int32');
    expect(String(type(o, 'gini'))).toBe('Float64');
    const p = await arrow(`/api/units/${unitId}/positions/holders`);
    expect(String(type(p, 'missing_competencies'))).toBe('List<Utf8>');
    expect(String(type(p, 'position_id'))).toBe('Utf8');
    expect(String(type(await arrow(`/api/units/${unitId}/positions`), 'title'))).toBe('Utf8');
    const first = p.get(0)!.toJSON();
    expect(Array.isArray([...(first.missing_competencies as Iterable<string>)])).toBe(true);
    const b = await arrow('/api/build-info');
    expect(DataType.isTimestamp(type(b, 'built_at'))).toBe(true);
    // dates arrive as the first of the month (UTC)
    expect(new Date(m.get(0)!.toJSON().month as number).getUTCDate()).toBe(1);
  });

  it('the month parameter selects the month (and defaults to the latest)', async () => {
    const latest = await arrow('/api/overview');
    expect(monthOf(latest.get(0)!.toJSON().month as number)).toBe(months[months.length - 1]);
    const first = await arrow(`/api/overview?month=${months[0]}`);
    expect(monthOf(first.get(0)!.toJSON().month as number)).toBe(months[0]);
    const ul = await arrow(`/api/unit-load?month=${months[0]}`);
    for (const r of ul.toArray()) expect(monthOf(r.toJSON().month as number)).toBe(months[0]);
  });

  it('the region parameter keeps one region: the sample city is one region, an unknown region has no units', async () => {
    const regions = (await arrow('/api/regions')).toArray().map((r) => r.toJSON());
    expect(regions).toEqual([{ region_code: '3999', region_name: 'Kota Sukamaju', units: 47 }]);
    const whole = (await arrow('/api/overview')).get(0)!.toJSON();
    expect((await arrow('/api/overview?region=3999')).get(0)!.toJSON()).toEqual(whole);
    // a region the warehouse does not hold: 400 naming the parameter (issue 19), not an empty answer
    for (const p of ['/api/overview', '/api/unit-load', '/api/heatmap', '/api/imbalance']) {
      const res = await get(`${p}?region=1234`);
      expect(res.status, p).toBe(400);
      expect(((await res.json()) as { param: string }).param).toBe('region');
    }
    const byRegion = (await arrow('/api/imbalance?region=3999')).toArray().map((r) => r.toJSON());
    expect(byRegion).toEqual((await arrow('/api/imbalance')).toArray().map((r) => r.toJSON()));
    // the unit list, Jabatan and the audit take the same parameter
    const json = async (url: string) => (await arrow(url)).toArray().map((r) => JSON.stringify(r.toJSON()));
    for (const path of ['/api/units', '/api/jabatan/titles', '/api/jabatan/units', '/api/audit/rules', '/api/audit/years',
      '/api/audit/units', '/api/audit/failures']) {
      const whole = await json(path);
      expect(whole.length, path).toBeGreaterThan(0);
      expect(await json(`${path}?region=3999`), path).toEqual(whole);
      expect((await get(`${path}?region=1234`)).status, path).toBe(400);
    }
  });

  it('lang selects the label language', async () => {
    const id = (await arrow('/api/unit-load')).toArray().map((r) => r.toJSON().label);
    const en = (await arrow('/api/unit-load?lang=en')).toArray().map((r) => r.toJSON().label);
    expect(id).not.toEqual(en);
  });

  it('last-wave: `limit` keeps the first rows by net arrivals; every row carries the whole wave\'s units and people moved', async () => {
    const all = (await arrow('/api/last-wave?month=2025-12')).toArray().map((r) => r.toJSON());
    expect(all.length).toBeGreaterThan(3);
    const two = (await arrow('/api/last-wave?month=2025-12&limit=2')).toArray().map((r) => r.toJSON());
    expect(two.map((r) => r.unit_id)).toEqual(all.slice(0, 2).map((r) => r.unit_id));
    for (const r of [...all, ...two]) {
      expect(r.wave_units).toBe(all.length);
      expect(r.wave_moved).toBe(all.reduce((s, x) => s + x.arrivals, 0));
    }
  });

  it('an unknown but well-formed unit id gives an empty table, not an error', async () => {
    const t = await arrow('/api/units/NO-SUCH-UNIT/positions');
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((f) => f.name)).toContain('current_staff');
    const h = await arrow('/api/units/NO-SUCH-UNIT/positions/holders');
    expect(h.schema.fields.map((f) => f.name)).toContain('missing_competencies');
  });

  it('Audit: the rule filter selects one rule, and the audit answers carry no NIP column', async () => {
    const all = (await arrow('/api/audit/failures')).toArray().map((r) => r.toJSON());
    expect(all.every((r) => r.severity === 'rule')).toBe(true);
    const one = (await arrow('/api/audit/failures?rule=receiving_need&lang=en')).toArray().map((r) => r.toJSON());
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((r) => r.rule === 'receiving_need')).toBe(true);
    // the warehouse answers a code and the numbers; the dashboard words them ($lib/rule-text.ts)
    expect(ruleDetail(one[0] as unknown as RuleTextRow, 'en')).toMatch(/EJ|workload/);
    const empty = await arrow('/api/audit/transfers/T9999999/rules');
    expect(empty.numRows).toBe(0);
  });

  it('Effects: the outcome parameter selects the outcome; the TWFE estimate is there beside the CS aggregations', async () => {
    const a = (await arrow('/api/effects?outcome=ej')).toArray().map((r) => r.toJSON());
    const b = (await arrow('/api/effects')).toArray().map((r) => r.toJSON());
    expect(a.find((r) => r.aggregation === 'simple')!.att).not.toBe(b.find((r) => r.aggregation === 'simple')!.att);
    for (const agg of ['simple', 'twfe', 'dynamic', 'group', 'calendar']) expect(b.some((r) => r.aggregation === agg), agg).toBe(true);
    expect(b.some((r) => r.aggregation === 'att_gt')).toBe(false);
  });

  it('parameters are bound, not interpolated: SQL in a title matches nothing', async () => {
    const t = await arrow(`/api/jabatan/units?title=${encodeURIComponent("x' OR '1'='1")}`);
    expect(t.numRows).toBe(0);
  });
});

describe('CSV downloads', () => {
  it('?format=csv answers text/csv with a header row and an attachment file name', async () => {
    const res = await get(`/api/unit-load?month=${months[0]}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="seimbang-unit-load-[\w.-]+\.csv"/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const [header, row] = text.split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['unit_id', 'unit_name', 'month', 'ej', 'band']));
    expect(row).toContain(`${months[0]}-01`);
  });

  it('lists are joined with "; " in CSV', async () => {
    const res = await get(`/api/units/${unitId}/positions/holders?format=csv`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('missing_competencies');
    expect(text).toMatch(/"[^"\r\n]+; [^"\r\n]+"/);
  });
});

describe('ETag and caching', () => {
  it('If-None-Match with the ETag → 304 without a body', async () => {
    const first = await get('/api/unit-load');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    // an account-only aggregate: revalidated by the browser, never kept by a shared proxy
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    await first.arrayBuffer();
    const again = await get('/api/unit-load', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    const weak = await get('/api/unit-load', { 'If-None-Match': `"other", W/${etag}` });
    expect(weak.status).toBe(304);
  });

  it('the ETag depends on endpoint, parameters and format; a stale one gets 200', async () => {
    const tags = new Set<string>();
    for (const p of ['/api/unit-load', `/api/unit-load?month=${months[0]}`, '/api/unit-load?lang=en', '/api/unit-load?format=csv', '/api/heatmap']) {
      const r = await get(p);
      await r.arrayBuffer();
      tags.add(r.headers.get('etag')!);
    }
    expect(tags.size).toBe(5);
    const r = await get('/api/unit-load', { 'If-None-Match': '"not-the-tag"' });
    expect(r.status).toBe(200);
  });

  it('an explicit default (lang=id) and the same request twice give the same ETag and bytes', async () => {
    const a = await get('/api/unit-load');
    const b = await get('/api/unit-load?lang=id');
    const ba = new Uint8Array(await a.arrayBuffer());
    const bb = new Uint8Array(await b.arrayBuffer());
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    expect(Buffer.from(ba).equals(Buffer.from(bb))).toBe(true);
  });
});

describe('invalid parameters → 400 with a JSON message', () => {
  const bad: [string, string][] = [
    ['/api/overview?month=2024-13', 'month'],
    ['/api/overview?month=202406', 'month'],
    ['/api/overview?month=juni', 'month'],
    ['/api/overview?month=2024-06&month=2024-07', 'month'],
    ['/api/unit-load?lang=fr', 'lang'],
    ['/api/imbalance?level=team', 'level'],
    ['/api/unit-load?format=xml', 'format'],
    [`/api/units/${encodeURIComponent('bad id')}/history`, 'id'],
    [`/api/units/${'a'.repeat(41)}/history`, 'id'],
    [`/api/units/${encodeURIComponent("x';DROP TABLE unit;--")}`, 'id'],
    [`/api/jabatan/units?title=${encodeURIComponent('a\u0001b')}`, 'title'],
    [`/api/jabatan/units?title=${'x'.repeat(121)}`, 'title'],
    ['/api/audit/rules?year=24', 'year'],
    ['/api/audit/units?year=2024x', 'year'],
    ['/api/audit/years?rule=tenure', 'rule'],
    ['/api/audit/failures?lang=de', 'lang'],
    [`/api/audit/transfers/${encodeURIComponent("T1' OR 1=1 --")}`, 'id'],
    ['/api/effects?outcome=score', 'outcome'],
    [`/api/overview?region=${encodeURIComponent("39' OR 1=1")}`, 'region'],
    [`/api/unit-load?region=${'9'.repeat(21)}`, 'region'],
    ['/api/audit/failures?region=39%2099', 'region'],
    ['/api/jabatan/titles?region=x%27y', 'region'],
    // well-formed but outside the warehouse (issue 19)
    ['/api/overview?month=0000-01', 'month'],
    ['/api/overview?month=9999-12', 'month'],
    ['/api/unit-load?month=1990-01', 'month'],
    ['/api/overview?region=1234', 'region'],
    ['/api/last-wave?limit=0', 'limit'],
    ['/api/last-wave?limit=1001', 'limit'],
    ['/api/last-wave?limit=2.5', 'limit'],
  ];
  it.each(bad)('%s', async (path, param) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error: string; param: string; message: string };
    expect(body.error).toBe('bad_request');
    expect(body.param).toBe(param);
    expect(body.message).toMatch(new RegExp(`\`${param}\``));
  });
});

describe('API index', () => {
  it('/api lists every endpoint with its parameters', async () => {
    const res = await get('/api');
    const body = (await res.json()) as { endpoints: { name: string; path: string; params: Record<string, string> }[] };
    expect(body.endpoints.length).toBeGreaterThanOrEqual(25);
    for (const e of body.endpoints) expect(e.path, e.name).toMatch(/^\/api\//);
    expect(body.endpoints.find((e) => e.name === 'overview')!.params).toHaveProperty('month');
  });
});
