/**
 * What an anonymous visitor can learn (UU 27/2022; issue 19), crawling every page and every data endpoint as a
 * visitor would, Arrow, CSV and server-rendered HTML with the data it inlines:
 * - no NIP-like string, and none of the names, NIPs, birth dates or unwillingness reasons stored in the warehouse;
 * - no quasi-identifier tied to one post or one transfer: no personal or person-level column (education,
 *   competencies, dates in a post, decree numbers and dates, transfer reasons), no decree number of the warehouse,
 *   no day-exact date of a transfer, of a start in a post or of an appointment;
 * - every person-level endpoint answers 401 and every person-level page sends to sign-in, without data.
 * The list of endpoints comes from the server's own index (/api), so a new endpoint is crawled without editing
 * this file. Anything public also holds no count of 1–4 people. What is public at all is decided in
 * dashboard/src/lib/server/access.ts: the public report and sign-in (the analysis pages need an account).
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
/** columns that describe one person (or one transfer of one person) */
const PERSONAL_COLUMNS = [
  'nip', 'name', 'birth_date', 'unwilling_reason', 'willing_to_move', 'sex', 'golongan', 'education_level', 'education_major',
  'competencies', 'missing_competencies', 'holders_below_education', 'position_since', 'appointment_date',
  'decree_number', 'decree_date', 'effective_date', 'reason_text', 'approval_ref', 'to_required_education',
];

let server: Server;
let wh: Awaited<ReturnType<typeof testWarehouse>>;
let personal: { nips: string[]; names: string[]; birthDates: string[]; reasons: string[]; decrees: string[]; personDates: string[] };
let dateSet = new Set<string>();
let decreeSet = new Set<string>();
let samples: { unit: string[]; transfer: string[]; title: string[]; month: string[]; year: string[] };
let index: { path: string; roles: string[]; params: Record<string, string> }[] = [];
let pageRoutes: { route: string; roles: string[] }[] = [];

beforeAll(async () => {
  wh = await testWarehouse();
  // the personal values and quasi-identifiers, straight from the warehouse, to look for them in every answer
  const db = await DuckDBInstance.create(wh.file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  const col = async (sql: string) => (await con.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
  personal = {
    nips: await col('SELECT DISTINCT nip FROM employee WHERE nip IS NOT NULL'),
    names: await col('SELECT DISTINCT name FROM employee WHERE length(name) >= 6'),
    // birth dates on the 1st of a month coincide with month values every answer carries; the column check covers them
    birthDates: await col(`SELECT DISTINCT strftime(birth_date, '%Y-%m-%d') FROM employee WHERE birth_date IS NOT NULL AND day(birth_date) <> 1`),
    reasons: await col('SELECT DISTINCT unwilling_reason FROM employee WHERE length(unwilling_reason) >= 6'),
    decrees: await col('SELECT DISTINCT decree_number FROM transfer WHERE length(decree_number) >= 6'),
    // day-exact dates of one person's career (the 1st of a month is any month value, left to the column check)
    personDates: await col(`
      SELECT DISTINCT strftime(d, '%Y-%m-%d') FROM (
        SELECT effective_date AS d FROM transfer UNION SELECT decree_date FROM transfer
        UNION SELECT position_since FROM employee UNION SELECT appointment_date FROM employee)
      WHERE d IS NOT NULL AND day(d) <> 1`),
  };
  samples = {
    unit: await col('SELECT unit_id FROM unit ORDER BY unit_id'),
    transfer: await col(`SELECT transfer_id FROM (
                          (SELECT DISTINCT transfer_id FROM transfer_audit WHERE status = 'failed' ORDER BY 1 LIMIT 6)
                          UNION (SELECT transfer_id FROM transfer ORDER BY transfer_id LIMIT 3)) ORDER BY 1`),
    title: await col('SELECT DISTINCT title FROM position ORDER BY title LIMIT 3'),
    month: await col(`SELECT DISTINCT strftime(month, '%Y-%m') FROM unit_load_monthly ORDER BY 1 DESC LIMIT 2`),
    year: await col(`SELECT DISTINCT CAST(year(effective_date) AS VARCHAR) FROM transfer ORDER BY 1 DESC LIMIT 3`),
  };
  con.closeSync();
  db.closeSync();
  expect(personal.nips.length, 'the test warehouse should hold employees').toBeGreaterThan(0);
  expect(personal.decrees.length, 'the test warehouse should hold decree numbers').toBeGreaterThan(0);
  dateSet = new Set([...personal.birthDates, ...personal.personDates]);
  decreeSet = new Set(personal.decrees);
  // the decree numbers are found by the extraction below (they hold a slash and no separator)
  expect(personal.decrees.every((d) => /^[^\s",;<>()[\]{}]*\/[^\s",;<>()[\]{}]*$/.test(d)), 'decree numbers as expected').toBe(true);

  server = await startServer(wh.file);
  const body = (await (await fetch(`${server.url}/api`)).json()) as {
    endpoints: { path: string; roles: string[]; params: Record<string, string> }[];
    pages: { route: string; roles: string[] }[];
  };
  index = body.endpoints;
  pageRoutes = body.pages;
});

afterAll(async () => {
  if (process.env.SEIMBANG_TEST_SERVER_LOG) console.error(server?.logs.join(''));
  await server?.stop();
  wh?.cleanup();
});

/**
 * The personal values and quasi-identifiers found in `text`. Kept fast (a crawl checks megabytes): NIPs by the
 * NIP-like patterns (every NIP has 18 digits), dates and decree numbers by extracting the candidates and looking
 * them up, names and reasons by substring search.
 */
function findPersonal(text: string): string[] {
  const hits: string[] = [];
  for (const re of NIP_LIKE) {
    const m = text.match(re);
    if (m) hits.push(`NIP-like ${m[0]}`);
  }
  for (const d of text.match(/\d{4}-\d{2}-\d{2}/g) ?? []) if (dateSet.has(d)) hits.push(`date ${d}`);
  for (const t of text.match(/[^\s",;<>()[\]{}]*\/[^\s",;<>()[\]{}]*/g) ?? []) if (decreeSet.has(t)) hits.push(`decree ${t}`);
  for (const v of [...personal.names, ...personal.reasons]) if (text.includes(v)) hits.push(v);
  return hits.slice(0, 5);
}

/** concrete request paths of an endpoint: every unit / some transfers for `{id}`, and the values of its query parameters */
function expand(e: { path: string; params: Record<string, string> }): string[] {
  let bases = [e.path];
  if (e.path.includes('{id}')) {
    const ids = e.path.startsWith('/api/audit/transfers') ? samples.transfer : samples.unit;
    bases = ids.map((id) => e.path.replace('{id}', encodeURIComponent(id)));
  }
  if (e.path.includes('{ref}')) bases = [e.path.replace('{ref}', '0123456789abcdef01234567')];
  const variants: string[] = [''];
  const p = e.params;
  if ('month' in p) variants.push(...samples.month.map((m) => `month=${m}`));
  if ('lang' in p) variants.push('lang=en');
  if ('year' in p) variants.push(...samples.year.map((y) => `year=${y}`));
  if ('title' in p) variants.push(...samples.title.map((t) => `title=${encodeURIComponent(t)}`));
  if ('rule' in p) variants.push(...['min_tenure', 'election_ban', 'competency', 'documentation', 'receiving_need', 'releasing_slack'].map((r) => `rule=${r}`));
  if ('level' in p) variants.push('level=position');
  if ('outcome' in p) variants.push(...['mean_score', 'ej', 'staffing_gap', 'mean_rating_rank'].map((o) => `outcome=${o}`));
  // unit endpoints: every variant for a few units, the plain answer for all of them
  return bases.flatMap((b, i) => (i < 3 ? variants : ['']).map((v) => (v ? `${b}?${v}` : b)));
}

const isPublic = (roles: string[]) => roles.includes('publik');

/** fetch that names the URL when the connection fails */
async function get(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    throw new Error(`${url}: ${(err as Error).message} (${String((err as { cause?: unknown }).cause)})`);
  }
}

/**
 * Columns that count people (or transfers of people): in anything an anonymous visitor gets, a count of 1–4 would
 * single a person out (issue 19: fewer than 5 people are suppressed), so each such value must be 0, ≥ 5 or hidden.
 */
const PEOPLE_COUNT = /(^|_)(staff|employees|people|pegawai|persons|holders|transfers|movers|count|n)($|_)/;
function smallCells(rows: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    for (const [k, v] of Object.entries(r)) {
      const n = typeof v === 'bigint' ? Number(v) : v;
      if (PEOPLE_COUNT.test(k.toLowerCase()) && typeof n === 'number' && n >= 1 && n <= 4) out.push(`${k}=${n}`);
    }
  }
  return out.slice(0, 5);
}

describe('an anonymous visitor', () => {
  it('the small-cell check finds what it looks for', () => {
    expect(smallCells([{ staff: 3, units: 2 }, { employees: 12n }, { transfers: 0 }])).toEqual(['staff=3']);
  });

  it('gets no personal value, quasi-identifier, person-level column or cell of 1–4 people from any public endpoint (Arrow and CSV)', async () => {
    const pub = index.filter((e) => isPublic(e.roles));
    // what the page frame needs before sign-in (months, build, regions); access-matrix.test.ts pins the list
    expect(pub.length).toBeGreaterThan(0);
    let requests = 0;
    for (const e of pub) {
      for (const p of expand(e)) {
        const res = await get(`${server.url}${p}`);
        expect(res.status, p).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(findPersonal(Buffer.from(bytes).toString('latin1')), p).toEqual([]);
        const table = tableFromIPC(bytes);
        const rows = table.toArray().map((r) => r.toJSON() as Record<string, unknown>);
        const json = JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
        expect(findPersonal(json), p).toEqual([]);
        expect(smallCells(rows), `${p}: cells of fewer than 5 people`).toEqual([]);
        const cols = table.schema.fields.map((f) => f.name.toLowerCase());
        for (const c of PERSONAL_COLUMNS) expect(cols, `${p} has column ${c}`).not.toContain(c);
        const csv = await (await get(`${server.url}${p}${p.includes('?') ? '&' : '?'}format=csv`)).text();
        expect(findPersonal(csv), `${p} (CSV)`).toEqual([]);
        requests += 2;
      }
    }
    expect(requests).toBeGreaterThan(2);
  }, 600_000);

  it('is refused every person-level endpoint with 401 and no data, in Arrow and CSV', async () => {
    const closed = index.filter((e) => !isPublic(e.roles));
    expect(closed.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/api/audit/transfers/{id}', '/api/audit/transfers/{id}/rules', '/api/audit/transfers/{id}/load', '/api/audit/failures', '/api/units/{id}/positions/holders', '/api/pegawai/{ref}']),
    );
    for (const e of closed) {
      for (const p of expand(e).slice(0, 12)) {
        for (const url of [p, `${p}${p.includes('?') ? '&' : '?'}format=csv`]) {
          const res = await fetch(`${server.url}${url}`);
          expect(res.status, url).toBe(401);
          expect(res.headers.get('content-type'), url).toMatch(/application\/json/);
          const body = (await res.json()) as { error: string };
          expect(body.error).toBe('sign_in_required');
          expect(Object.keys(body).sort()).toEqual(['error', 'message']);
        }
      }
    }
  });

  it('sees the public report without personal data or quasi-identifiers; the front door leads there', async () => {
    const pages = ['/masuk', '/publik', '/publik?lang=en', '/publik/data/kamus-data.csv'];
    for (const r of pageRoutes.filter((x) => isPublic(x.roles))) {
      // every public route is in the crawl (a new public page must be added here with sample parameters)
      const prefix = r.route.replace(/\/\[\w+\]$/, '/');
      if (r.route === '/keluar' || r.route === '/api') continue;
      expect(pages.some((p) => (r.route.includes('[') ? p.startsWith(prefix) : p.split('?')[0] === r.route)), `public route ${r.route} is crawled`).toBe(true);
    }
    for (const p of pages) {
      const res = await get(`${server.url}${p}`);
      expect(res.status, p).toBe(200);
      const html = await res.text();
      expect(findPersonal(html), p).toEqual([]);
      for (const c of ['holders_below_education', 'missing_competencies', 'decree_number', 'effective_date']) {
        expect(html.includes(`"${c}"`), `${p} carries ${c}`).toBe(false);
      }
    }
    for (const lang of ['', '?lang=en']) {
      const res = await fetch(`${server.url}/${lang}`, { redirect: 'manual' });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/publik${lang}`);
    }
  }, 600_000);

  it('is sent to sign in from every analysis page (counts of 1–4 people, single-holder posts), which renders no data', async () => {
    const pages = [
      '/unit', '/jabatan', '/dampak', '/dampak?outcome=ej&lang=en', '/audit', '/audit?lang=en', '/audit?rule=competency',
      ...samples.year.map((y) => `/audit?year=${y}`),
      ...samples.unit.map((u) => `/unit/${u}`),
    ];
    for (const p of pages) {
      const res = await fetch(`${server.url}${p}`, { redirect: 'manual' });
      expect(res.status, p).toBe(303);
      expect(res.headers.get('location'), p).toBe(`/masuk?next=${encodeURIComponent(p)}${p.includes('lang=en') ? '&lang=en' : ''}`);
      expect(await res.text(), p).toBe('');
    }
  });

  it('is sent to sign in from every person-level page, which renders no data', async () => {
    const pages = [
      ...samples.transfer.flatMap((id) => [`/audit/${id}`, `/audit/${id}?lang=en`]),
      '/pegawai',
      '/pegawai/0123456789abcdef01234567',
      '/admin/pengguna',
      '/admin/log-audit',
      '/admin/log-audit/csv',
      '/akun',
    ];
    for (const p of pages) {
      const res = await fetch(`${server.url}${p}`, { redirect: 'manual' });
      expect(res.status, p).toBe(303);
      expect(res.headers.get('location'), p).toMatch(/^\/masuk\?next=/);
      expect(findPersonal(await res.text()), p).toEqual([]);
    }
  });
});
