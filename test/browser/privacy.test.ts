/**
 * Personal data never leaves the server (UU 27/2022): no endpoint, CSV or page may contain a NIP-like 18-digit
 * string, nor the columns nip / name / birth_date / unwilling_reason, nor any actual name, NIP, birth date or
 * unwillingness reason stored in the warehouse. Covers every endpoint, including the audit (transfer_audit and
 * transfer hold the NIP) and effects endpoints, and the Dampak / Audit pages and justification cards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { startServer, testWarehouse, type Server } from './harness.ts';

/**
 * 18 digits in a row, or written NIP-style with spaces/dots (19660801 198803 1 001 / 19660801.198803.1.001).
 * Digits right after a decimal point are the fraction of a number (0.003167154134967237), not a NIP.
 */
const NIP_LIKE = [/(?<![\d.])\d{18}(?![\d.])/, /(?<![\d.])\d{8}[ .]\d{6}[ .]\d[ .]\d{3}(?![\d.])/];
const PERSONAL_COLUMNS = ['nip', 'name', 'birth_date', 'unwilling_reason'];

let server: Server;
let wh: Awaited<ReturnType<typeof testWarehouse>>;
let personal: { nips: string[]; names: string[]; birthDates: string[]; reasons: string[] };
let paths: string[] = [];
let cardIds: string[] = [];

beforeAll(async () => {
  wh = await testWarehouse();
  // read the personal values straight from the warehouse, to look for them in every answer
  const db = await DuckDBInstance.create(wh.file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  const col = async (sql: string) => (await con.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
  personal = {
    nips: await col('SELECT DISTINCT nip FROM employee WHERE nip IS NOT NULL'),
    names: await col('SELECT DISTINCT name FROM employee WHERE length(name) >= 6'),
    // Birth dates that coincide with dates the answers legitimately carry are left to the column and NIP-like
    // checks: the 1st of a month (every month value: a month of transfers in 1997 can be someone's birthday) and the
    // effective and decree dates of transfers (a decree of 25 March 1991 is someone's birthday by chance). A leaked
    // birth-date column would still show thousands of the others.
    birthDates: await col(`
      SELECT DISTINCT strftime(birth_date, '%Y-%m-%d') FROM employee
      WHERE birth_date IS NOT NULL AND day(birth_date) <> 1
        AND birth_date NOT IN (SELECT effective_date FROM transfer UNION SELECT decree_date FROM transfer WHERE decree_date IS NOT NULL)`),
    reasons: await col('SELECT DISTINCT unwilling_reason FROM employee WHERE length(unwilling_reason) >= 6'),
  };
  const units = await col('SELECT unit_id FROM unit ORDER BY unit_id');
  const titles = await col('SELECT DISTINCT title FROM position ORDER BY title LIMIT 3');
  const months = await col(`SELECT DISTINCT strftime(month, '%Y-%m') FROM unit_load_monthly ORDER BY 1`);
  // transfers for the audit cards: every one that broke a rule, the first and the last few, and a spread between
  const transfers = await col(`
    SELECT transfer_id FROM (
      SELECT DISTINCT transfer_id FROM transfer_audit WHERE status = 'failed' AND severity = 'rule'
      UNION SELECT transfer_id FROM (SELECT transfer_id FROM transfer ORDER BY transfer_id LIMIT 5)
      UNION SELECT transfer_id FROM (SELECT transfer_id FROM transfer ORDER BY transfer_id DESC LIMIT 5)
      UNION SELECT transfer_id FROM transfer USING SAMPLE 20 ROWS (reservoir, 7)
    ) ORDER BY 1`);
  const years = await col(`SELECT DISTINCT CAST(year(effective_date) AS VARCHAR) FROM transfer ORDER BY 1 DESC LIMIT 3`);
  con.closeSync();
  db.closeSync();
  expect(personal.nips.length, 'the test warehouse should hold employees').toBeGreaterThan(0);
  cardIds = transfers.slice(0, 12);

  server = await startServer(wh.file);
  const month = months[0] ?? '';
  paths = [
    '/api',
    '/api/months',
    '/api/units',
    '/api/build-info',
    '/api/overview',
    `/api/overview?month=${month}`,
    '/api/unit-load',
    '/api/imbalance',
    '/api/imbalance?level=position',
    '/api/heatmap',
    '/api/jabatan/titles',
    '/api/jabatan/units',
    ...titles.map((t) => `/api/jabatan/units?title=${encodeURIComponent(t)}`),
    ...units.flatMap((u) => [
      `/api/units/${u}`,
      `/api/units/${u}/history`,
      `/api/units/${u}/positions`,
      `/api/units/${u}/transfers`,
      `/api/units/${u}/performance`,
      `/api/units/${u}/performance?month=${month}`,
      `/api/units/${u}/subunits`,
    ]),
    '/api/audit/rules',
    ...years.map((y) => `/api/audit/rules?year=${y}`),
    ...['all', 'min_tenure', 'election_ban', 'competency', 'documentation', 'receiving_need', 'releasing_slack'].flatMap((r) => [
      `/api/audit/years?rule=${r}`,
      `/api/audit/units?rule=${r}`,
      `/api/audit/failures?rule=${r}`,
      `/api/audit/failures?rule=${r}&lang=en`,
    ]),
    ...years.map((y) => `/api/audit/units?year=${y}`),
    ...years.map((y) => `/api/audit/failures?year=${y}`),
    ...transfers.flatMap((id) => [
      `/api/audit/transfers/${id}`,
      `/api/audit/transfers/${id}?lang=en`,
      `/api/audit/transfers/${id}/rules`,
      `/api/audit/transfers/${id}/rules?lang=en`,
      `/api/audit/transfers/${id}/load`,
    ]),
    '/api/effects/info',
    ...['mean_score', 'ej', 'staffing_gap', 'mean_rating_rank'].map((o) => `/api/effects?outcome=${o}`),
    '/api/effects/rampup',
  ];
});

afterAll(async () => {
  await server?.stop();
  wh?.cleanup();
});

function findPersonal(text: string): string[] {
  const hits: string[] = [];
  for (const re of NIP_LIKE) {
    const m = text.match(re);
    if (m) hits.push(`NIP-like ${m[0]}`);
  }
  for (const v of [...personal.nips, ...personal.names, ...personal.birthDates, ...personal.reasons]) {
    if (text.includes(v)) hits.push(v);
  }
  return hits;
}

describe('no personal data in any answer', () => {
  it('Arrow answers: no NIP-like strings, no personal values, no personal columns', async () => {
    for (const p of paths) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.status, p).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      // raw bytes (strings in Arrow buffers are plain UTF-8) …
      expect(findPersonal(Buffer.from(bytes).toString('latin1')), p).toEqual([]);
      if (res.headers.get('content-type') === 'application/vnd.apache.arrow.stream') {
        const table = tableFromIPC(bytes);
        // … and the decoded values
        const json = JSON.stringify(table.toArray().map((r) => r.toJSON()), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
        expect(findPersonal(json), p).toEqual([]);
        const cols = table.schema.fields.map((f) => f.name.toLowerCase());
        for (const c of PERSONAL_COLUMNS) expect(cols, `${p} has column ${c}`).not.toContain(c);
      }
    }
  });

  it('CSV downloads: no NIP-like strings, no personal values, no personal columns', async () => {
    for (const p of paths.filter((x) => x !== '/api')) {
      const res = await fetch(`${server.url}${p}${p.includes('?') ? '&' : '?'}format=csv`);
      expect(res.status, p).toBe(200);
      const text = await res.text();
      expect(findPersonal(text), p).toEqual([]);
      const header = text.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
      for (const c of PERSONAL_COLUMNS) expect(header, `${p} has column ${c}`).not.toContain(c);
    }
  });

  it('pages (server-rendered HTML with the data they embed): no NIP-like strings or personal values', async () => {
    const units = (await (await fetch(`${server.url}/api/units?format=csv`)).text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]!);
    const pages = [
      '/',
      '/?lang=en',
      '/unit',
      '/jabatan',
      '/pegawai',
      '/pegawai?lang=en',
      ...units.map((u) => `/unit/${u}`),
      '/dampak',
      '/dampak?outcome=ej&lang=en',
      '/audit',
      '/audit?lang=en',
      '/audit?rule=receiving_need',
      ...cardIds.flatMap((id) => [`/audit/${id}`, `/audit/${id}?lang=en`]),
    ];
    for (const p of pages) {
      const res = await fetch(`${server.url}${p}`);
      expect(res.status, p).toBe(200);
      const html = await res.text();
      // the SSR page inlines its fetched Arrow bytes as base64: decode those too
      const inlined = [...html.matchAll(/<script [^>]*data-b64[^>]*>([^<]*)<\/script>/g)].map((m) =>
        Buffer.from((JSON.parse(m[1]!) as { body: string }).body, 'base64').toString('latin1'),
      );
      expect(inlined.length, `${p} embeds its data`).toBeGreaterThan(0);
      expect(findPersonal(html), p).toEqual([]);
      for (const body of inlined) expect(findPersonal(body), `${p} (inlined data)`).toEqual([]);
    }
  });
});
