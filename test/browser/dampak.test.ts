/**
 * Dampak mutasi and the justification card, as leadership reads them (issue 16), on the sample warehouse, signed in
 * as pimpinan:
 * - the default outcome is EJ (did the rotation balance the load?), the SKP score second;
 * - each rotation wave names its receiving units (as the warehouse has them), linked to their pages;
 * - estimator words (TWFE, not-yet-treated, seeds, file paths) appear only inside "Cara menghitung";
 * - a card whose head-count does not move ("155 → 155") says that another move in the same month offsets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { gotoAndSettle, launchBrowser, newPage, screenshot, signInContext, startServer, testWarehouse, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let wh: Awaited<ReturnType<typeof testWarehouse>>;
let waves: { wave: string; unit_id: string; unit_name: string }[] = [];
let offsetTransfer: { id: string; before: number; after: number } | null = null;

beforeAll(async () => {
  wh = await testWarehouse();
  const db = await DuckDBInstance.create(wh.file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  waves = (await con.runAndReadAll(`SELECT DISTINCT strftime(e.wave_month, '%Y-%m') AS wave, e.unit_id, u.unit_label AS unit_name
      FROM effect_panel_unit e JOIN unit u USING (unit_id) WHERE e.wave_role = 'receiver' ORDER BY 1, 3`)).getRowObjectsJson() as typeof waves;
  // a transfer between two units whose receiving unit has the same head-count the month before and the first month after
  const [row] = (await con.runAndReadAll(`
    WITH t AS (SELECT transfer_id, to_unit_id, from_unit_id,
        CAST(date_trunc('month', effective_date) - INTERVAL 1 MONTH AS DATE) AS b,
        CAST(CASE WHEN day(effective_date) = 1 THEN effective_date ELSE date_trunc('month', effective_date) + INTERVAL 1 MONTH END AS DATE) AS a
      FROM transfer WHERE from_unit_id <> to_unit_id)
    SELECT t.transfer_id AS id, lb.current_staff AS before, la.current_staff AS after FROM t
    JOIN unit_load_monthly lb ON lb.unit_id = t.to_unit_id AND lb.month = t.b
    JOIN unit_load_monthly la ON la.unit_id = t.to_unit_id AND la.month = t.a
    WHERE lb.current_staff = la.current_staff ORDER BY t.transfer_id LIMIT 1`)).getRowObjectsJson();
  offsetTransfer = row ? { id: String(row.id), before: Number(row.before), after: Number(row.after) } : null;
  con.closeSync();
  db.closeSync();
  server = await startServer(wh.file);
  browser = await launchBrowser();
  await signInContext(browser, server, 'pimpinan');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  wh?.cleanup();
});

const ESTIMATOR_WORDS = /TWFE|not-yet|notyettreated|Callaway|bootstrap|benih|seed|\.md\b|docs\//i;

describe('/dampak', () => {
  it('defaults to EJ, with the SKP score as the second choice', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/dampak`);
    expect(await page.locator('#outcome-select').inputValue()).toBe('ej');
    expect((await page.locator('#outcome-select option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).slice(0, 2)).toEqual(['ej', 'mean_score']);
    expect(await page.locator('#summary-title').innerText()).toContain('EJ');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the receiving units of each wave, linked to their unit pages', async () => {
    expect(waves.length).toBeGreaterThan(0);
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/dampak`);
    const sections = page.getByTestId('wave');
    const byWave = new Map<string, string[]>();
    for (const w of waves) byWave.set(w.wave, [...(byWave.get(w.wave) ?? []), w.unit_name]);
    expect(await sections.count()).toBe(byWave.size);
    const names = (await page.locator('#waves tbody tr > :first-child a').allTextContents()).map((s) => s.trim()).sort();
    expect(names).toEqual(waves.map((w) => w.unit_name).sort());
    const link = await page.locator('#waves tbody tr > :first-child a').first().getAttribute('href');
    expect(link).toMatch(/^\/unit\//);
    await screenshot(page, 'dampak-waves', 'desktop');
    await screenshot(page, 'dampak-waves', 'phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps estimator words inside "Cara menghitung" (both languages)', async () => {
    const { page, errors } = await newPage(browser);
    for (const q of ['', '?lang=en', '?outcome=mean_score']) {
      await gotoAndSettle(page, `${server.url}/dampak${q}`);
      const outside = await page.locator('main').evaluate((m) => {
        const c = m.cloneNode(true) as HTMLElement;
        c.querySelector('details#method')?.remove();
        // the CSV file names of the download links are not prose
        c.querySelectorAll('a[download]').forEach((a) => a.remove());
        return c.textContent ?? '';
      });
      expect(outside).not.toMatch(ESTIMATOR_WORDS);
      const method = page.locator('details#method');
      expect(await method.count()).toBe(1);
      await method.locator('summary').click();
      expect(await method.innerText()).toMatch(/TWFE/);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('/audit/[id]: a head-count that does not move', () => {
  it('says that another move in the same month offsets this one', async () => {
    expect(offsetTransfer).not.toBeNull();
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/audit/${offsetTransfer!.id}`);
    const note = (await page.getByTestId('staff-offset').allInnerTexts()).join(' ');
    expect(note).toContain(`${offsetTransfer!.before} → ${offsetTransfer!.after}`);
    expect(note).toMatch(/mutasi lain pada bulan yang sama .* mengimbangi perpindahan ini/);
    await gotoAndSettle(page, `${server.url}/audit/${offsetTransfer!.id}?lang=en`);
    expect((await page.getByTestId('staff-offset').allInnerTexts()).join(' ')).toMatch(/another move in the same month .* offsets this one/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('/dampak and /audit charts: axis titles clear of the tick labels', () => {
  it('no axis title overlaps a tick label (Dampak with the SKP score and EJ, Audit; desktop and phone)', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, errors } = await newPage(browser, viewport);
      for (const outcome of ['/dampak?outcome=mean_score', '/dampak?outcome=ej', '/audit']) {
        await gotoAndSettle(page, `${server.url}${outcome}`);
        const { overlaps, titles: seen } = await page.evaluate(() => {
          const out: string[] = [];
          let n = 0;
          const box = (e: Element) => e.getBoundingClientRect();
          const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          for (const chart of document.querySelectorAll('[data-chart]')) {
            for (const axis of ['x', 'y']) {
              const titles = [...chart.querySelectorAll(`g[data-mark="${axis}-axis label"] text`)];
              const ticks = [...chart.querySelectorAll('g[data-mark$="-axis tick label"] text')];
              n += titles.length;
              for (const ti of titles) for (const tk of ticks) if (hit(box(ti), box(tk))) out.push(`${chart.getAttribute('data-chart')}: "${ti.textContent}" over "${tk.textContent}"`);
            }
          }
          return { overlaps: out, titles: n };
        });
        // the event study, the calendar and the ramp-up (the audit's three charts) carry axis titles: the check saw them
        expect(seen).toBeGreaterThanOrEqual(3);
        expect(overlaps, `${viewport} ${outcome}`).toEqual([]);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe('no raw codes in the texts of /audit, /audit/[id] and /dampak', () => {
  it('words every code (reasons, rules, bands, statuses) in both languages', async () => {
    const db = await DuckDBInstance.create(wh.file, { access_mode: 'READ_ONLY' });
    const con = await db.connect();
    // one transfer per reason and per failed rule: the cards that show each code
    const ids = (await con.runAndReadAll(`
      SELECT min(transfer_id) FROM transfer GROUP BY reason_category
      UNION SELECT min(transfer_id) FROM transfer_audit WHERE status <> 'passed' GROUP BY rule, code`)).getRows().map((r) => String(r[0]));
    con.closeSync();
    db.closeSync();
    const { page, errors } = await newPage(browser);
    const CODE = /\b[a-z]+(?:_[a-z]+)+\b/g;
    for (const lang of ['id', 'en']) {
      const paths = ['/audit', '/audit?year=semua', '/audit?year=semua&rule=documentation', '/dampak', '/dampak?outcome=mean_score', ...ids.map((id) => `/audit/${id}`)];
      for (const p of paths) {
        await gotoAndSettle(page, `${server.url}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
        const text = await page.locator('main').evaluate((m) => {
          const c = m.cloneNode(true) as HTMLElement;
          // file names of downloads and the method's own terms are not prose
          c.querySelectorAll('a[download], details#method').forEach((a) => a.remove());
          return c.innerText ?? c.textContent ?? '';
        });
        expect([...new Set(text.match(CODE) ?? [])], `${p} (${lang})`).toEqual([]);
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
