/**
 * A warehouse of two regions (the fixture with `twoRegions`): the unit list and Jabatan offer the region filter,
 * name the region, show only its units (names without the region suffix), and keep it across other filters.
 * The audit and Dampak (which the fixture lacks) are checked on the tiny input built by the real builder, with its
 * units spread over two regions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { createFixtureWarehouse } from './fixture-warehouse.ts';
import { cli, copyFixture, removeDir } from '../integration/helpers.ts';
import { gotoAndSettle, launchBrowser, newPage, screenshot, startServer, useServerSession, type Browser, type Server } from './harness.ts';

let dir: string;
let browser: Browser;
let server: Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-regions-'));
  const file = path.join(dir, 'two-regions.duckdb');
  await createFixtureWarehouse(file, { twoRegions: true });
  server = await startServer(file);
  browser = await launchBrowser(server);
});

afterAll(async () => {
  await browser?.close();
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function rows(url: string): Promise<Record<string, unknown>[]> {
  const res = await server.fetch(url);
  expect(res.status, url).toBe(200);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON());
}

describe('API: the region parameter on units and Jabatan', () => {
  it('/api/units: all units with their region in the name, or one region\'s units with plain names', async () => {
    const all = await rows('/api/units');
    expect(all).toHaveLength(9);
    expect(all.map((r) => r.unit_name)).toContain('Kecamatan Utara · Kabupaten Contoh');
    const kab = await rows('/api/units?region=3998');
    expect(kab.map((r) => r.unit_name).sort()).toEqual(['Kecamatan Utara', 'Kelurahan Maju']);
    expect(await rows('/api/units?region=3999')).toHaveLength(7);
    // a region the warehouse does not hold: 400 (issue 19), not an empty list
    const unknown = await server.fetch('/api/units?region=1234');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { param: string }).param).toBe('region');
  });

  it('/api/jabatan: titles and positions of one region add up to those of all regions', async () => {
    const all = await rows('/api/jabatan/titles');
    const parts = [...(await rows('/api/jabatan/titles?region=3998')), ...(await rows('/api/jabatan/titles?region=3999'))];
    const sum = (rs: Record<string, unknown>[], title: string) =>
      rs.filter((r) => r.title === title).reduce((a, r) => a + (r.positions as number), 0);
    for (const t of all) expect(sum(parts, t.title as string), String(t.title)).toBe(t.positions);
    const units = await rows('/api/jabatan/units?region=3998');
    expect(new Set(units.map((r) => r.unit_id))).toEqual(new Set(['KEC-UTARA', 'KEL-MAJU']));
    expect(units.every((r) => !String(r.unit_name).includes(' · '))).toBe(true);
  });
});

describe('pages', () => {
  it('Unit kerja: the region filter lists one region\'s units and names it; the month picker keeps it', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/unit`);
    expect(await page.locator('.units a').count()).toBe(9);
    await page.selectOption('#region-select', '3998');
    await page.waitForURL((u) => u.searchParams.get('region') === '3998');
    await page.locator('h1', { hasText: 'Kabupaten Contoh' }).waitFor();
    // the list arrives after the page (issue 16: large rows stay out of the HTML)
    await expect.poll(() => page.locator('.units a').allInnerTexts()).toEqual(['Kecamatan Utara', 'Kelurahan Maju']);
    await page.selectOption('#month-select', '2023-06');
    await page.waitForURL((u) => u.searchParams.get('month') === '2023-06');
    expect(new URL(page.url()).searchParams.get('region')).toBe('3998');
    await screenshot(page, 'unit-daftar-wilayah', 'desktop');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Jabatan: the region field sits in the page\'s filter form and is kept when a title is chosen', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/jabatan?lang=en`);
    await page.selectOption('#region-select', '3998');
    await page.waitForURL((u) => u.searchParams.get('region') === '3998');
    await page.locator('h1', { hasText: 'Kabupaten Contoh' }).waitFor();
    const titles = await page.locator('#title-options option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(titles.sort()).toEqual(['Analis Kepegawaian', 'Pengadministrasi Umum', 'Pengelola Keuangan']);
    await page.fill('#title-select', 'Analis Kepegawaian');
    await page.press('#title-select', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('title') === 'Analis Kepegawaian');
    const url = new URL(page.url());
    expect(url.searchParams.get('region')).toBe('3998');
    expect(url.searchParams.get('lang')).toBe('en');
    await screenshot(page, 'jabatan-wilayah-en', 'desktop');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the audit and Dampak in a warehouse of two regions (tiny input, real build)', () => {
  let audit: Server;

  beforeAll(async () => {
    const input = copyFixture();
    writeFileSync(path.join(input, 'units.csv'), [
      'unit_id,unit_name,parent_id,unit_kind,region_code,nama_wilayah',
      'U1,Dinas Satu,,dinas,3999,Kota Contoh',
      'U2,Dinas Dua,,dinas,3901,Kabupaten Sukamaju',
      'U3,UPT Satu,U1,upt,3999,Kota Contoh',
    ].join('\n') + '\n');
    const db = path.join(dir, 'tiny-regions.duckdb');
    const r = cli(['build', '--input', input, '--db', db]);
    removeDir(input);
    expect(r.code, r.stderr).toBe(0);
    audit = await startServer(db);
    // cookies are per host, not per port: this server's session replaces the first one's in the shared browser
    await useServerSession(browser, audit);
  }, 120_000);
  afterAll(() => audit?.stop());

  const get = async (url: string) => {
    const res = await audit.fetch(url);
    expect(res.status, url).toBe(200);
    return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON());
  };

  it('a transfer counts in the region of its receiving unit only; the regions add up to the whole', async () => {
    const total = (rs: Record<string, unknown>[]) => rs.reduce((a, r) => a + (r.transfers as number), 0);
    const whole = total(await get('/api/audit/years'));
    expect(whole).toBeGreaterThan(0);
    const byRegion = await Promise.all(['3999', '3901'].map(async (g) => total(await get(`/api/audit/years?region=${g}`))));
    expect(byRegion[0]! + byRegion[1]!).toBe(whole);
    const units = await get('/api/audit/units?region=3901');
    expect(units.every((u) => u.unit_id === 'U2' && u.unit_name === 'Dinas Dua')).toBe(true);
    expect(units.length).toBe(byRegion[1]! > 0 ? 1 : 0);
    for (const u of await get('/api/audit/units')) expect(String(u.unit_name)).toContain(' · ');
  });

  it('the Audit page offers the region field and names the region', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${audit.url}/audit`);
    await page.selectOption('#region-select', '3901');
    await page.waitForURL((u) => u.searchParams.get('region') === '3901');
    await page.locator('h1', { hasText: 'Kabupaten Sukamaju' }).waitFor();
    await page.selectOption('#rule-select', 'receiving_need');
    await page.waitForURL((u) => u.searchParams.get('rule') === 'receiving_need');
    expect(new URL(page.url()).searchParams.get('region')).toBe('3901');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Dampak says its estimates pool the regions (it has no region filter)', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${audit.url}/dampak`);
    expect(await page.locator('main').innerText()).toContain('Gudang data ini memuat 2 wilayah');
    expect(await page.locator('#region-select').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
