/**
 * Audit mutasi on a hand-made warehouse whose rates are known (fixture-warehouse.ts AUDIT_TRUTH; issue 16):
 * - the default scope is the analysis window (the last three years of the warehouse), not every year since the
 *   first recorded transfer, and the chosen year's rate stands beside the window's;
 * - the election ban of a transfer dated where no election dates are configured is "tidak dapat diperiksa" /
 *   "cannot be checked", never counted as met.
 * Signed in as pimpinan: the aggregate pages are becoming sign-in only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AUDIT_TRUTH, createFixtureWarehouse } from './fixture-warehouse.ts';
import { gotoAndSettle, launchBrowser, newPage, openDataTable, screenshot, signInContext, startServer, type Browser, type Server } from './harness.ts';

const pct = (lang: 'id' | 'en', v: number) =>
  new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

let dir: string;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-audit-'));
  const db = await createFixtureWarehouse(path.join(dir, 'audit.duckdb'), { audit: true });
  server = await startServer(db);
  browser = await launchBrowser();
  await signInContext(browser, server, 'pimpinan');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const text = async (page: import('playwright-core').Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim();

describe('/audit scope and rates', () => {
  it('defaults to the analysis window, with the latest year beside it', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/audit`);
    const w = AUDIT_TRUTH.window;
    expect(await text(page, 'audit-transfers')).toBe(String(w.transfers));
    expect(await text(page, 'audit-failed')).toBe(String(w.failed));
    expect(await text(page, 'audit-rate')).toBe(pct('id', w.rate));
    expect(await text(page, 'audit-rate-year')).toBe(pct('id', AUDIT_TRUTH[2024].rate));
    expect(await page.locator('#year-select option:checked').textContent()).toContain(`${w.from}–${w.to}`);
    // the by-year table covers the window only
    await openDataTable(page, '#chart-audit-year');
    const yearCells = await page.locator('#chart-audit-year table tbody tr > :first-child').allTextContents();
    expect(yearCells.map((s) => s.trim()).filter(Boolean).sort()).toEqual(['2023', '2024']);
    // artefacts: the page at desktop and phone widths (test/artifacts/)
    await screenshot(page, 'audit-window', 'desktop');
    await screenshot(page, 'audit-window', 'phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a chosen year shows its rate beside the window's", async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/audit?year=2023&lang=en`);
    expect(await text(page, 'audit-transfers')).toBe(String(AUDIT_TRUTH[2023].transfers));
    expect(await text(page, 'audit-rate')).toBe(pct('en', AUDIT_TRUTH[2023].rate));
    expect(await text(page, 'audit-rate-window')).toBe(pct('en', AUDIT_TRUTH.window.rate));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every year: the transfers without election dates for their period cannot be checked and are not counted as met', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/audit?year=semua`);
    const a = AUDIT_TRUTH.all;
    expect(await text(page, 'audit-transfers')).toBe(String(a.transfers));
    expect(await text(page, 'audit-rate')).toBe(pct('id', a.rate)); // 3 of 6, not 5 of 8
    expect(await page.getByText(`${a.unknown} tidak dapat diperiksa`).count()).toBeGreaterThan(0);

    await gotoAndSettle(page, `${server.url}/audit?year=semua&rule=election_ban`);
    const e = AUDIT_TRUTH.electionBanAll;
    expect(await text(page, 'audit-failed')).toBe(String(e.failed));
    expect(await text(page, 'audit-rate')).toBe(pct('id', e.rate));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the transfer's card says the election ban cannot be checked, in both languages", async () => {
    const { page, errors } = await newPage(browser);
    for (const id of AUDIT_TRUTH.unchecked) {
      await gotoAndSettle(page, `${server.url}/audit/${id}`);
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toMatch(/Tidak dapat diperiksa: tanggal pilkada untuk masa TMT/);
      await gotoAndSettle(page, `${server.url}/audit/${id}?lang=en`);
      expect((await page.locator('main').textContent()) ?? '').toMatch(/Cannot be checked: no election dates are set for the period/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('/audit fairness breakdown', () => {
  const COUNT_COLS = ['staff', 'moved', 'transfers'] as const;

  it('no published count of 1–4 people, in the data and on the page; hidden counts read "< 5" or "·"', async () => {
    for (const q of ['', '?from=2022&to=2024', '?year=2024']) {
      const res = await server.fetch(`/api/audit/fairness${q}${q ? '&' : '?'}format=csv`);
      expect(res.status).toBe(200);
      const [head, ...lines] = (await res.text()).trim().split(/\r?\n/);
      const cols = head!.split(',');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const cells = line.split(',');
        for (const c of COUNT_COLS) {
          const v = cells[cols.indexOf(c)]!;
          if (v !== '') expect(Number(v) === 0 || Number(v) >= 5, `${c} in ${line}`).toBe(true);
        }
      }
    }
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/audit?year=semua`);
    const section = page.locator('#audit-fairness');
    for (const dim of ['golongan', 'sex', 'age_band', 'reason', 'repeat']) expect(await section.getByTestId(`fairness-${dim}`).count()).toBe(1);
    const cells = (await section.locator('tbody td.num').allTextContents()).map((s) => s.trim());
    expect(cells.filter((s) => /^[1-4]$/.test(s))).toEqual([]);
    // 8 transfers of 7 people in all years: small counts, so some are hidden
    expect(cells).toContain('< 5');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the repeat movers: TR-002 and TR-007 are one person moved twice (all years), hidden as fewer than 5', async () => {
    const res = await server.fetch(`/api/audit/fairness?format=csv`);
    const [head, ...lines] = (await res.text()).trim().split(/\r?\n/);
    const cols = head!.split(',');
    const row = (dim: string, key: string) => lines.map((l) => l.split(',')).find((c) => c[cols.indexOf('dimension')] === dim && c[cols.indexOf('group_key')] === key);
    const twice = row('repeat', '2')!;
    expect(twice[cols.indexOf('moved')]).toBe('');
    expect(twice[cols.indexOf('moved_suppression')]).toBe('primary');
    // six people moved once: shown, unless hidden to protect the one moved twice from the total of 7
    const once = row('repeat', '1')!;
    expect(['6', '']).toContain(once[cols.indexOf('moved')]);
  });
});

describe('table downloads people can open (XLSX and CSV in the page language)', () => {
  it('the XLSX has the page headers and the values as shown; the CSV uses ; and a BOM in Indonesian, , in English', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/audit`);
    const chart = page.locator('#chart-audit-rule');
    await openDataTable(page, '#chart-audit-rule');
    const headers = (await chart.locator('table thead th').allTextContents()).map((s) => s.trim());
    const firstRow = (await chart.locator('table tbody tr').first().locator('td').allTextContents()).map((s) => s.trim());

    const [xlsxDl] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-xlsx').click()]);
    expect(xlsxDl.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await import('node:fs/promises')).readFile((await xlsxDl.path())!)) as never);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(headers);
    const cells = row(2);
    expect(cells[0]).toBe(firstRow[0]); // the rule's name in words, not its code
    // every count and the rate, as numbers, equal to what the page shows (rounded as shown)
    for (let i = 2; i < headers.length; i++) {
      const shown = firstRow[i]!;
      const n = Number(shown.replace(/[.\s\u00a0%]/g, '').replace(',', '.')) / (shown.includes('%') ? 100 : 1);
      expect(cells[i], headers[i]).toBeCloseTo(n, 10);
    }
    const rateCol = headers.indexOf('Kepatuhan');
    expect(ws.getRow(2).getCell(rateCol + 1).numFmt).toBe('0.0%');

    const [csvDl] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-csv').click()]);
    const csv = await (await import('node:fs/promises')).readFile((await csvDl.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(headers.join(';'));
    expect(lines[1]!.split(';')[0]).toBe(firstRow[0]);
    expect(lines[1]!.split(';')[rateCol]).toMatch(/^\d+,\d%$/);

    await gotoAndSettle(page, `${server.url}/audit?lang=en`);
    const [enDl] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-audit-rule').getByTestId('download-csv').click()]);
    const en = (await (await import('node:fs/promises')).readFile((await enDl.path())!, 'utf8')).slice(1).split('\r\n');
    expect(en[0]).toMatch(/^Rule,/);
    expect(en[1]!.split(',')[rateCol]).toMatch(/^\d+\.\d%$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
