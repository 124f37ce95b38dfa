/**
 * Cross-page agreement (issue 16): the same number is the same everywhere. Reads figures from the pages as a
 * reader sees them (Indonesian formatting) and from the /api endpoints, on the sample warehouse, and asserts they
 * are equal: a unit's EJ and required staff, a position's need on /unit/[id] and /jabatan for the same month and
 * view, and the band counts of Ringkasan against the unit list of the same month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import type { Page } from 'playwright-core';
import { gotoAndSettle, launchBrowser, newPage, openDataTable, screenshot, startServer, testWarehouse, type Browser, type Server } from './harness.ts';

let browser: Browser;
let server: Server;

beforeAll(async () => {
  server = await startServer((await testWarehouse()).file);
  browser = await launchBrowser(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Row = Record<string, unknown>;
async function api(url: string): Promise<Row[]> {
  const res = await server.fetch(url);
  expect(res.status, url).toBe(200);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON() as Row);
}

/** "2.919,9" → 2919.9 (Indonesian digit grouping and decimal comma), "–" → null */
function idNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '' || s === '–') return null;
  const n = Number(s.replaceAll('.', '').replace(',', '.'));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return n;
}
const round = (x: unknown, d: number) => Number((x as number).toFixed(d));

/** the text of the cell under header `col` in the table row whose first cell is `first`, in `scope` */
async function cell(page: Page, scope: string, first: string, col: string): Promise<string> {
  const table = page.locator(`${scope} table`).first();
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
  const i = headers.indexOf(col);
  expect(i, `${scope}: no column ${col} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const row = table.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^\\s*${first}\\s*$`) }) });
  expect(await row.count(), `${scope}: rows named ${first}`).toBe(1);
  return row.locator('td').nth(i).innerText();
}

const UNIT = 'DISDIK';
const TITLE = 'Guru Kelas SD';

describe('the same numbers on every page and endpoint', () => {
  // the month view of a surge month, and the default (annual: 12 months to the month) view
  const cases = [
    { month: '2024-07', view: 'month' },
    { month: '2025-12', view: 'month' },
    { month: '2024-07', view: null },
  ] as const;
  for (const { month, view } of cases) {
    it(`${view ?? 'default (annual)'} view ${month}: the unit's EJ and need, and ${TITLE}'s need, agree between /unit/${UNIT}, /jabatan and the API`, async () => {
      const v = view ? `&view=${view}` : '';
      const { page, errors } = await newPage(browser);
      await gotoAndSettle(page, `${server.url}/unit/${UNIT}?month=${month}${v}`);
      // the page says which view it shows
      expect(await page.getByTestId('view-shown').innerText()).toMatch(view === 'month' ? /EJ bulan/ : /EJ tahunan/);
      const hist = (await api(`/api/units/${UNIT}/history?${v.slice(1)}`)).find((r) => new Date(r.month as number).toISOString().startsWith(month));
      expect(hist, 'history row of the month').toBeTruthy();
      expect(idNumber(await page.getByTestId('unit-ej').innerText())).toBe(round(hist!.ej, 2));
      expect(idNumber(await page.getByTestId('unit-required').innerText())).toBe(round(hist!.required_staff, 1));

      // the position table below follows the same month and view
      const unitNeed = idNumber(await cell(page, '#chart-positions', TITLE, 'Kebutuhan'));
      const apiPos = (await api(`/api/units/${UNIT}/positions?month=${month}${v}`)).find((r) => r.title === TITLE)!;
      expect(unitNeed).toBe(round(apiPos.required_staff, 1));
      await screenshot(page, `agreement-unit-${month}-${view ?? 'annual'}`, 'desktop');

      // /jabatan for the same month, title and view: the same need for the same position
      await gotoAndSettle(page, `${server.url}/jabatan?month=${month}&title=${encodeURIComponent(TITLE)}${v}`);
      await openDataTable(page, '#chart-title-units');
      const jabatanNeed = idNumber(await cell(page, '#chart-title-units', TITLE, 'Kebutuhan'));
      const apiJab = (await api(`/api/jabatan/units?month=${month}&title=${encodeURIComponent(TITLE)}${v}`)).find((r) => r.unit_id === UNIT)!;
      expect(round(apiJab.required_staff, 6)).toBe(round(apiPos.required_staff, 6));
      expect(jabatanNeed).toBe(unitNeed);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('Ringkasan: the band counts equal the bands of the unit list of the same month', async () => {
    const month = '2025-12';
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/?month=${month}&view=month`);
    const units = await api(`/api/unit-load?month=${month}&view=month`);
    const ov = (await api(`/api/overview?month=${month}&view=month`))[0]!;
    const count = (band: string) => units.filter((r) => r.band === band).length;
    expect(ov.units_overloaded).toBe(count('overloaded'));
    expect(ov.units_balanced).toBe(count('balanced'));
    expect(ov.units_slack).toBe(count('slack'));
    expect(idNumber(await page.getByTestId('units-overloaded').innerText())).toBe(count('overloaded'));
    expect(idNumber(await page.getByTestId('units-balanced').innerText())).toBe(count('balanced'));
    expect(idNumber(await page.getByTestId('units-slack').innerText())).toBe(count('slack'));
    // the band is the tolerance of the settings in force (served by /api/build-info), not a cut at 1.0
    const [limits] = await api('/api/build-info');
    for (const u of units.filter((r) => r.ej != null)) {
      const e = u.ej as number;
      const want = e > (limits!.overloaded_above as number) ? 'overloaded' : e < (limits!.slack_below as number) ? 'slack' : 'balanced';
      expect(u.band, String(u.unit_id)).toBe(want);
    }
    // a unit's EJ on Ringkasan's table = its EJ on its own page
    const disdik = units.find((r) => r.unit_id === UNIT)!;
    await openDataTable(page, '#chart-ej-by-unit');
    expect(idNumber(await cell(page, '#chart-ej-by-unit', String(disdik.unit_name), 'EJ'))).toBe(round(disdik.ej, 2));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ringkasan on the default (annual) view: its counts and EJ are those of the unit page on the same view', async () => {
    const month = '2025-12';
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/?month=${month}`);
    expect(await page.getByTestId('view-shown').innerText()).toMatch(/EJ tahunan/);
    const units = await api(`/api/unit-load?month=${month}`);
    expect(idNumber(await page.getByTestId('units-overloaded').innerText())).toBe(units.filter((r) => r.band === 'overloaded').length);
    const disdik = units.find((r) => r.unit_id === UNIT)!;
    // the unit's link keeps month and view; its page shows the same EJ
    await openDataTable(page, '#chart-ej-by-unit');
    const link = page.locator('#chart-ej-by-unit table a', { hasText: String(disdik.unit_name) });
    await Promise.all([page.waitForURL((u) => u.pathname === `/unit/${UNIT}`), link.click()]);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).searchParams.get('month')).toBe(month);
    expect(idNumber(await page.getByTestId('unit-ej').innerText())).toBe(round(disdik.ej, 2));
    expect(errors).toEqual([]);
    await page.close();
  });
});
