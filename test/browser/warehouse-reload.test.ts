/**
 * The server opens the warehouse read-only and picks up a rebuilt file (atomic rename) without a restart;
 * without a warehouse, or with one built by another schema version, it answers 503 with what to do, and the
 * pages say so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { createFixtureWarehouse } from './fixture-warehouse.ts';
import { SCHEMA_VERSION } from '../../pipeline/domain/warehouse-schema.ts';
import { addAccount, gotoAndSettle, launchBrowser, newPage, sessionCookie, startServer, useServerSession, type Browser, type Server } from './harness.ts';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-reload-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('warehouse replaced while the server runs', () => {
  let server: Server;
  const file = () => path.join(dir, 'rebuilt.duckdb');

  beforeAll(async () => {
    await createFixtureWarehouse(file(), { builtAt: '2025-01-01T00:00:00Z', version: 'first' });
    server = await startServer(file());
    await useServerSession(browser, server);
  });
  afterAll(() => server?.stop());

  it('a rebuilt warehouse (new file renamed into place) is served without restart, with new ETags', async () => {
    const before = await fetch(`${server.url}/api/build-info`);
    const etag = before.headers.get('etag')!;
    const v1 = tableFromIPC(new Uint8Array(await before.arrayBuffer())).get(0)!.toJSON();
    expect(v1.version).toBe('first');

    await createFixtureWarehouse(file(), { builtAt: '2025-02-01T00:00:00Z', version: 'second' });
    await sleep(1200); // the server looks at the file at most once per second

    const after = await fetch(`${server.url}/api/build-info`, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200); // the old ETag no longer matches
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.headers.get('x-seimbang-built-at')).toContain('2025-02-01');
    const v2 = tableFromIPC(new Uint8Array(await after.arrayBuffer())).get(0)!.toJSON();
    expect(v2.version).toBe('second');
    expect(server.logs.join('')).toContain('warehouse reopened');
  });

  it('queries keep working across several replacements', async () => {
    for (let i = 0; i < 3; i++) {
      await createFixtureWarehouse(file(), { builtAt: `2025-03-0${i + 1}T00:00:00Z`, version: `v${i}` });
      await sleep(1100);
      const [a, b] = await Promise.all([server.fetch('/api/heatmap'), server.fetch('/api/unit-load')]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(tableFromIPC(new Uint8Array(await a.arrayBuffer())).numRows).toBeGreaterThan(0);
      await b.arrayBuffer();
    }
  });
});

describe('no warehouse yet', () => {
  let server: Server;
  const file = () => path.join(dir, 'later.duckdb');

  beforeAll(async () => {
    server = await startServer(file());
    await useServerSession(browser, server);
  });
  afterAll(() => server?.stop());

  it('data endpoints answer 503 with a JSON message saying how to build it', async () => {
    const res = await fetch(`${server.url}/api/months`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('warehouse_unavailable');
    expect(body.message).toContain('npm run build:warehouse');
    expect(JSON.stringify(body)).not.toContain(dir);
  });

  it('pages answer 503 (so monitoring notices), without the file path in the page or its data', async () => {
    // signed in (an anonymous visitor at `/` is sent to the public report before anything is read)
    const res = await server.fetch('/');
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain(dir);
    // the sign-in page works without a warehouse
    expect((await fetch(`${server.url}/masuk`)).status).toBe(200);
  });

  it('pages say the data is missing and what to do, without console errors', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const main = await page.locator('main').innerText();
    expect(main).toContain('Data belum tersedia');
    expect(main).toContain('npm run build:warehouse');
    // the page itself answers 503 (issue 19: monitoring notices), which Chromium reports; nothing else fails
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    await page.goto(`${server.url}/unit?lang=en`, { waitUntil: 'networkidle' });
    expect(await page.locator('main').innerText()).toContain('No data yet');
    await page.close();
  });

  it('once the warehouse appears it is used, without restart', async () => {
    await createFixtureWarehouse(file());
    await sleep(1100);
    const res = await fetch(`${server.url}/api/months`);
    expect(res.status).toBe(200);
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/`);
    expect(await page.locator('[data-chart] svg').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a warehouse built by another version', () => {
  let server: Server;
  const file = () => path.join(dir, 'outdated.duckdb');

  beforeAll(async () => {
    await createFixtureWarehouse(file(), { schemaVersion: SCHEMA_VERSION - 1 });
    server = await startServer(file());
    await useServerSession(browser, server);
  });
  afterAll(() => server?.stop());

  it('data endpoints answer 503 "warehouse_outdated" with both schema versions and the rebuild command', async () => {
    for (const endpoint of ['/api/months', '/api/build-info', '/api/heatmap']) {
      const res = await fetch(`${server.url}${endpoint}`);
      expect(res.status, endpoint).toBe(endpoint === '/api/heatmap' ? 401 : 503);
      if (res.status === 401) continue; // an analysis endpoint refuses an anonymous visitor before opening anything
      const body = (await res.json()) as { error: string; schema_version: number; expected: number; rebuild: string; message: string };
      expect(body.error).toBe('warehouse_outdated');
      expect(body.schema_version).toBe(SCHEMA_VERSION - 1);
      expect(body.expected).toBe(SCHEMA_VERSION);
      // no file path to an anonymous visitor (issue 19): the exact command goes to admins
      expect(body.rebuild).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain(dir);
      expect(body.message).toContain(`schema version ${SCHEMA_VERSION}`);
    }
    const admin = await sessionCookie(server, await addAccount(server, 'admin'));
    const res = await fetch(`${server.url}/api/months`, { headers: { Cookie: admin } });
    expect(((await res.json()) as { rebuild: string }).rebuild).toBe(`npx seimbang build --input <input folder> --db ${file()}`);
    expect(server.logs.join('')).toContain('rebuild the warehouse');
  });

  it('pages say the warehouse needs a rebuild and show the command, in both languages', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const main = await page.locator('main').innerText();
    expect(main).toContain('Gudang data perlu dibangun ulang');
    expect(main).toContain(`skema versi ${SCHEMA_VERSION - 1}`);
    expect(main).toContain('npx seimbang build --input');
    await page.goto(`${server.url}/unit?lang=en`, { waitUntil: 'networkidle' });
    expect(await page.locator('main').innerText()).toContain('The warehouse needs a rebuild');
    expect(errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    await page.close();
  });

  it('a warehouse from before schema versions is outdated too; a rebuilt one is served without restart', async () => {
    await createFixtureWarehouse(file(), { schemaVersion: null, builtAt: '2025-04-01T00:00:00Z' });
    await sleep(1100);
    const old = await fetch(`${server.url}/api/months`);
    expect(old.status).toBe(503);
    expect(((await old.json()) as { schema_version: unknown }).schema_version).toBeNull();

    await createFixtureWarehouse(file(), { builtAt: '2025-05-01T00:00:00Z' });
    await sleep(1100);
    const res = await fetch(`${server.url}/api/months`);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });
});
