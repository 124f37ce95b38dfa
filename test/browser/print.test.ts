/**
 * Leadership (issue 16): Ringkasan names the last rotation wave's units with their EJ before and after and links to
 * its effect, and prints as a one-page briefing — printed to PDF by Chromium (page.pdf) and the pages counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ARTIFACTS, gotoAndSettle, launchBrowser, newPage, screenshot, startServer, testWarehouse, type Browser, type Server } from './harness.ts';

let browser: Browser;
let server: Server;
let db: string;

beforeAll(async () => {
  db = (await testWarehouse()).file;
  server = await startServer(db);
  browser = await launchBrowser(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function sql(q: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const con = await inst.connect();
  try {
    return (await con.runAndReadAll(q)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

/** pages of a PDF: its page objects (`/Type /Page`, not `/Pages`) */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe('Ringkasan for leadership', () => {
  it('the last rotation wave: its units named, EJ before → after, and a link to its effect', async () => {
    // the sample's waves (data/sample/_truth): the last one is July 2025
    const units = await sql(`SELECT DISTINCT u.unit_label FROM rotation_wave_transfer w JOIN unit u ON u.unit_id IN (w.to_unit_id, w.from_unit_id)
      WHERE w.month = (SELECT max(month) FROM rotation_wave_transfer)`);
    expect(units.length).toBeGreaterThan(0);
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/?month=2025-12`);
    const strip = page.getByTestId('last-wave');
    const text = await strip.innerText();
    expect(text).toContain('Juli 2025');
    for (const u of units) expect(text).toContain(String(u.unit_label));
    expect(await strip.getByTestId('wave-ej').count()).toBe(units.length);
    expect(await strip.getByTestId('wave-ej').first().innerText()).toMatch(/EJ \d+,\d\d.*→ \d+,\d\d/s);
    expect(await strip.locator('a[href^="/dampak"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the trend chart marks every rotation wave', async () => {
    const waves = await sql('SELECT DISTINCT month FROM rotation_wave_transfer ORDER BY month');
    expect(waves.length).toBe(3); // the sample plants three waves (data/sample/_truth)
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/`);
    const labels = await page.locator('[data-chart="chart-imbalance"] svg g[data-mark="text"] text').allTextContents();
    expect(labels.filter((l) => l === 'rotasi')).toHaveLength(waves.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints to one A4 page in Chromium', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/?month=2025-12`);
    await page.emulateMedia({ media: 'print' });
    // what the briefing must carry: the headlines, the wave, the most understaffed units
    expect(await page.getByTestId('units-overloaded').isVisible()).toBe(true);
    expect(await page.getByTestId('last-wave').isVisible()).toBe(true);
    expect(await page.getByTestId('print-top').isVisible()).toBe(true);
    expect(await page.locator('header nav').isVisible()).toBe(false);
    await screenshot(page, 'ringkasan-print', 'desktop');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'ringkasan-print.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
