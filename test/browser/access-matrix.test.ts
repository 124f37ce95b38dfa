/**
 * The route × role matrix (issue 19): every page and every data endpoint, requested by each role — anonymous
 * (publik), pimpinan, analis, admin — answers with the data exactly when the access table admits the role, and
 * otherwise 401 (an API, anonymous), a redirect to sign-in (a page, anonymous) or 403 (signed in, another role).
 * The table is read from the server's own index (/api), and checked against the route folders: a route added
 * under dashboard/src/routes without an entry in lib/server/access.ts makes this test fail (and the server
 * refuses it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { addAccount, REPO, sessionCookie, startServer, testWarehouse, type AccountRole, type Server } from './harness.ts';
import { openStore } from '../../app-store/store.ts';
import { approveScenario, createScenario, submitScenario } from '../../app-store/scenarios.ts';

const ROLES = ['publik', 'pimpinan', 'analis', 'admin'] as const;
type Role = (typeof ROLES)[number];
const ROUTES_DIR = path.join(REPO, 'dashboard', 'src', 'routes');
const CATCH_ALL = '/api/[...path]';

let server: Server;
let wh: Awaited<ReturnType<typeof testWarehouse>>;
const cookies: Partial<Record<Role, string>> = {};
let endpoints: { path: string; roles: string[] }[] = [];
let pages: { route: string; roles: string[] }[] = [];
let sample: Record<string, string> = {};

/** SvelteKit route ids of the folders holding a page or a server route (groups `(x)` dropped) */
function routeIds(dir = ROUTES_DIR, id = ''): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && /^\+(page\.svelte|server\.ts)$/.test(e.name))) out.push(id || '/');
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    const seg = /^\(.*\)$/.test(e.name) ? '' : `/${e.name}`;
    out.push(...routeIds(path.join(dir, e.name), id + seg));
  }
  return out;
}

beforeAll(async () => {
  wh = await testWarehouse();
  server = await startServer(wh.file);
  for (const role of ROLES) if (role !== 'publik') cookies[role] = await sessionCookie(server, await addAccount(server, role as AccountRole));
  const body = (await (await fetch(`${server.url}/api`)).json()) as { endpoints: { path: string; roles: string[] }[]; pages: { route: string; roles: string[] }[] };
  endpoints = body.endpoints;
  pages = body.pages;

  // sample parameters: a unit, a transfer, a person (its opaque reference, from this installation's key)
  const db = await DuckDBInstance.create(wh.file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  const one = async (sql: string) => String((await con.runAndReadAll(sql)).getRows()[0]![0]);
  const unit = await one('SELECT unit_id FROM unit ORDER BY unit_id LIMIT 1');
  const transfer = await one('SELECT transfer_id FROM transfer ORDER BY transfer_id LIMIT 1');
  const nip = await one('SELECT nip FROM transfer ORDER BY transfer_id LIMIT 1');
  const month = await one("SELECT strftime(max(month), '%Y-%m') FROM position_load_monthly");
  con.closeSync();
  db.closeSync();
  const store = openStore(server.appDb);
  store.prepare('INSERT OR IGNORE INTO app_secret (name, value) VALUES (?, ?)').run('person_ref_key', randomBytes(32).toString('hex'));
  const key = (store.prepare("SELECT value FROM app_secret WHERE name = 'person_ref_key'").get() as { value: string }).value;
  store.close();
  const ref = createHash('sha256').update(key + nip).digest('hex').slice(0, 24);
  // a saved scenario both people roles may open (leadership: submitted or approved) and export (approved)
  const scenarios = openStore(server.appDb);
  const s = createScenario(scenarios, { username: 'analis-matrix', role: 'analis' }, { name: 'Matriks', baselineBuild: 'matrix', baselineMonth: month });
  submitScenario(scenarios, { username: 'analis-matrix', role: 'analis' }, s.id);
  approveScenario(scenarios, { username: 'pimpinan-matrix', role: 'pimpinan' }, s.id);
  scenarios.close();
  sample = { unit, transfer, ref, scenario: String(s.id) };
});

afterAll(async () => {
  await server?.stop();
  wh?.cleanup();
});

function concrete(p: string): string {
  return p
    .replace('/audit/transfers/{id}', `/audit/transfers/${sample.transfer}`)
    .replace('/audit/[id]', `/audit/${sample.transfer}`)
    .replace('/skenario/[id]', `/skenario/${sample.scenario}`)
    .replace('/ekspor/[format]', '/ekspor/csv')
    .replace(/\{id\}|\[id\]/, sample.unit!)
    .replace(/\{ref\}|\[ref\]/, sample.ref!)
    .replace('/publik/data/[file]', '/publik/data/kamus-data.csv');
}

async function request(url: string, role: Role): Promise<Response> {
  return fetch(`${server.url}${url}`, { redirect: 'manual', headers: role === 'publik' ? {} : { Cookie: cookies[role]! } });
}

describe('the access table', () => {
  it('has an entry for every route folder (a new route without one fails here)', () => {
    const ids = routeIds();
    expect(ids).toContain('/audit/[id]');
    expect(ids).toContain(CATCH_ALL);
    const declared = new Set(pages.map((p) => p.route));
    const missing = ids.filter((id) => id !== CATCH_ALL && !declared.has(id));
    expect(missing, 'routes without an entry in dashboard/src/lib/server/access.ts').toEqual([]);
    // and no entry for a route that does not exist
    expect(pages.map((p) => p.route).filter((r) => !ids.includes(r))).toEqual([]);
  });

  it('admits only known roles, and people data to no one without an account', () => {
    for (const e of [...endpoints.map((x) => ({ id: x.path, roles: x.roles })), ...pages.map((x) => ({ id: x.route, roles: x.roles }))]) {
      expect(e.roles.length, e.id).toBeGreaterThan(0);
      for (const r of e.roles) expect(ROLES, e.id).toContain(r);
    }
    for (const p of ['/api/audit/transfers/{id}', '/api/audit/transfers/{id}/rules', '/api/audit/transfers/{id}/load', '/api/audit/failures', '/api/units/{id}/positions/holders', '/api/pegawai/{ref}']) {
      expect(endpoints.find((e) => e.path === p)?.roles, p).not.toContain('publik');
    }
    for (const p of ['/audit/[id]', '/pegawai', '/pegawai/[ref]', '/admin/pengguna', '/admin/log-audit']) {
      expect(pages.find((e) => e.route === p)?.roles, p).not.toContain('publik');
    }
  });

  it('opens to an anonymous visitor only the public report, sign-in and the index of endpoints (README: who sees what)', () => {
    const open = pages.filter((p) => p.roles.includes('publik')).map((p) => p.route).sort();
    expect(open).toEqual(['/api', '/keluar', '/masuk', '/publik', '/publik/data/[file]']);
    const openData = endpoints.filter((e) => e.roles.includes('publik')).map((e) => e.path).sort();
    // what the page frame needs before sign-in: the months, the build's date and settings, the regions' names
    expect(openData).toEqual(['/api/build-info', '/api/months', '/api/regions']);
  });
});

describe('route × role matrix', () => {
  it.each(ROLES)('data endpoints as %s', async (role) => {
    expect(endpoints.length).toBeGreaterThan(25);
    for (const e of endpoints) {
      const url = concrete(e.path);
      const res = await request(url, role);
      const body = await res.arrayBuffer();
      if (e.roles.includes(role)) {
        expect(res.status, `${role} ${url}`).toBe(200);
        expect(res.headers.get('content-type'), url).toBe('application/vnd.apache.arrow.stream');
        expect(body.byteLength, url).toBeGreaterThan(0);
      } else {
        expect(res.status, `${role} ${url}`).toBe(role === 'publik' ? 401 : 403);
        expect(res.headers.get('content-type'), url).toMatch(/application\/json/);
      }
    }
  });

  it.each(ROLES)('pages as %s', async (role) => {
    for (const p of pages) {
      if (p.route === '/keluar') continue; // POST only: below
      const url = concrete(p.route);
      const res = await request(url, role);
      await res.arrayBuffer();
      if (p.roles.includes(role)) {
        // the sign-in page sends a signed-in user on
        const expected = p.route === '/masuk' && role !== 'publik' ? 303 : 200;
        expect(res.status, `${role} ${url}`).toBe(expected);
      } else if (role === 'publik' && url.startsWith('/api/')) {
        // a server route under /api (not the catch-all router) answers an anonymous request with 401, as every API
        expect(res.status, `${role} ${url}`).toBe(401);
      } else if (role === 'publik') {
        expect(res.status, `${role} ${url}`).toBe(303);
        // the front door sends an anonymous visitor to the public report; any other page to sign-in
        expect(res.headers.get('location'), url).toBe(url === '/' ? '/publik' : `/masuk?next=${encodeURIComponent(url)}`);
      } else {
        expect(res.status, `${role} ${url}`).toBe(403);
      }
    }
  });

  it('sign-out is a POST from this site only (SvelteKit CSRF check), open to everyone', async () => {
    const cross = await fetch(`${server.url}/keluar`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example', Cookie: cookies.analis! },
      body: '',
    });
    expect(cross.status).toBe(403);
    // the session survived the cross-site attempt
    expect((await request(concrete('/api/audit/transfers/{id}'), 'analis')).status).toBe(200);
  });
});
