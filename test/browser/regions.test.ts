/**
 * A warehouse of two regions (the fixture with `twoRegions`): the unit list and Jabatan offer the region filter,
 * name the region, show only its units (names without the region suffix), and keep it across other filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { createFixtureWarehouse } from './fixture-warehouse.ts';
import { gotoAndSettle, launchBrowser, newPage, screenshot, startServer, type Browser, type Server } from './harness.ts';

let dir: string;
let browser: Browser;
let server: Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-regions-'));
  const file = path.join(dir, 'two-regions.duckdb');
  await createFixtureWarehouse(file, { twoRegions: true });
  server = await startServer(file);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function rows(url: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${server.url}${url}`);
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
    expect(await rows('/api/units?region=1234')).toHaveLength(0);
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
    expect(await page.locator('.units a').allInnerTexts()).toEqual(['Kecamatan Utara', 'Kelurahan Maju']);
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
    const titles = await page.locator('#title-select option').allInnerTexts();
    expect(titles.slice(1).sort()).toEqual(['Analis Kepegawaian', 'Pengadministrasi Umum', 'Pengelola Keuangan']);
    await page.selectOption('#title-select', 'Analis Kepegawaian');
    await page.waitForURL((u) => u.searchParams.get('title') === 'Analis Kepegawaian');
    const url = new URL(page.url());
    expect(url.searchParams.get('region')).toBe('3998');
    expect(url.searchParams.get('lang')).toBe('en');
    await screenshot(page, 'jabatan-wilayah-en', 'desktop');
    expect(errors).toEqual([]);
    await page.close();
  });
});
