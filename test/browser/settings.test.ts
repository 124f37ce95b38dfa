/**
 * The settings in force reach the browser: the bundled sample built with a settings file whose band thresholds
 * differ from the defaults (overloaded above 1,25 instead of 1,10; slack below 0,5 instead of 0,90). The warehouse's
 * bands, /api/build-info, the headline figures, the texts (Indonesian and English) and the chart lines all follow
 * the file, never the defaults in code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { band } from '../../pipeline/domain/metrics.ts';
import { DEFAULT_SETTINGS, parseStoredSettings } from '../../pipeline/domain/settings.ts';
import { cli, ROOT, removeDir, tempDir } from '../integration/helpers.ts';
import { gotoAndSettle, launchBrowser, signInContext, newPage, startServer, type Browser, type Server } from './harness.ts';

const OVER = 1.25;
const SLACK = 0.5;
let dir: string;
let server: Server;
let browser: Browser;
let cookie: string;

beforeAll(async () => {
  dir = tempDir('seimbang-settings-');
  const settings = path.join(dir, 'settings.yaml');
  writeFileSync(
    settings,
    `${readFileSync(path.join(ROOT, 'data/sample/settings.yaml'), 'utf8')}\nworkload:\n  overloaded_above: ${OVER}\n  slack_below: ${SLACK}\n`,
  );
  const db = path.join(dir, 'w.duckdb');
  const r = cli(['build', '--input', path.join(ROOT, 'data/sample'), '--db', db, '--settings', settings]);
  expect(r.code, r.stderr).toBe(0);
  server = await startServer(db);
  browser = await launchBrowser();
  // the simulator, the justification card: people data, for signed-in leadership and analysts (access table)
  cookie = await signInContext(browser, server, 'analis');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) removeDir(dir);
});

async function rows(url: string): Promise<Record<string, any>[]> {
  const res = await fetch(`${server.url}${url}`, { headers: { cookie } });
  expect(res.status, url).toBe(200);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON());
}

describe('a warehouse built with other band thresholds', () => {
  it('/api/build-info serves the settings in force, and every unit band follows them', async () => {
    const [b] = await rows('/api/build-info');
    expect(b).toMatchObject({ overloaded_above: OVER, slack_below: SLACK, effective_minutes_per_year: 75_000 });
    const s = parseStoredSettings(b!.settings);
    expect(s.workload).toMatchObject({ overloaded_above: OVER, slack_below: SLACK });

    const units = await rows('/api/unit-load');
    expect(units.length).toBeGreaterThan(10);
    let differ = 0;
    for (const u of units) {
      expect(u.band, String(u.unit_id)).toBe(band(u.workload_minutes, u.current_staff, u.ej, s.workload));
      if (u.band !== band(u.workload_minutes, u.current_staff, u.ej, DEFAULT_SETTINGS.workload)) differ++;
    }
    // the sample has units between the default and the new thresholds: their band changed
    expect(differ).toBeGreaterThan(0);
    const [ov] = await rows('/api/overview');
    expect(ov!.units_overloaded).toBe(units.filter((u) => u.band === 'overloaded').length);
    expect(ov!.units_slack).toBe(units.filter((u) => u.band === 'slack').length);
  });

  it('Ringkasan: the texts, the headline and the table bands use the thresholds in force (id and en)', async () => {
    const units = await rows('/api/unit-load');
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/`);
    const body = await page.locator('main').innerText();
    expect(body).toContain('EJ di atas 1,25 berarti kekurangan pegawai');
    expect(body).toContain('kanan garis 1,25 berarti unit kekurangan pegawai; di kiri garis 0,5 kelebihan pegawai');
    expect(body).toContain('(EJ > 1,25)');
    expect(body).not.toMatch(/garis 1,0\b|garis 0,7\b/);
    expect(await page.getByTestId('units-overloaded').innerText()).toBe(String(units.filter((u) => u.band === 'overloaded').length));
    // a unit with EJ between 1,0 and 1,25 reads "Seimbang" in the chart's table
    const between = units.find((u) => u.ej > 1 && u.ej <= OVER);
    expect(between, 'a unit with EJ in (1, 1.25] in the latest month').toBeDefined();
    await page.locator('#chart-ej-by-unit details.data-table summary').click();
    const row = page.locator('#chart-ej-by-unit details.data-table tr', { hasText: between!.unit_name });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain('Seimbang');

    await gotoAndSettle(page, `${server.url}/?lang=en`);
    const en = await page.locator('main').innerText();
    expect(en).toContain('EJ above 1.25 means understaffed');
    expect(en).toContain('right of the 1.25 line mean the unit is understaffed; left of the 0.5 line, overstaffed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the transfer card and its chart use the thresholds in force', async () => {
    const [fail] = await rows('/api/audit/failures');
    expect(fail).toBeDefined();
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/audit/${encodeURIComponent(String(fail!.transfer_id))}`);
    const body = await page.locator('main').innerText();
    expect(body).toContain('Garis 1,25: batas kekurangan pegawai; 0,5: kelebihan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the public report writes the thresholds and working time in force, in its text and its data dictionary (id and en)', async () => {
    const id = await (await fetch(`${server.url}/publik`)).text();
    expect(id).toContain('waktu kerja efektif 1.250 jam setahun). EJ di atas 1,25 berarti unit kekurangan pegawai; di bawah 0,5 kelebihan pegawai.');
    const en = await (await fetch(`${server.url}/publik?lang=en`)).text();
    expect(en).toContain('effective working time of 1,250 hours a year). EJ above 1.25 means the unit is short of staff; below 0.5 it has more staff than work.');
    for (const body of [id, en]) expect(body).not.toMatch(/di atas 1,0 |above 1\.0 |di bawah 0,7|below 0\.7/);
    const dictionary = await (await fetch(`${server.url}/publik/data/kamus-data.csv`)).text();
    expect(dictionary).toContain('short: unit kekurangan pegawai (EJ > 1,25); balanced: seimbang; slack: kelebihan pegawai (EJ < 0,5); total');
    expect(dictionary).toContain('short: unit short of staff (EJ > 1.25); balanced; slack: unit with slack (EJ < 0.5); total');
  });
});
