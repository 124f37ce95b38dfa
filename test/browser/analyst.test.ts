/**
 * The moves an analyst expects (issue 16), on the sample warehouse: a bar, a heat-map cell or a table row opens its
 * unit; the region and the EJ view travel with every navigation link; one "Tampilkan" button; /jabatan's 215 titles
 * in a searchable picker and its tables sortable, searchable and paged; rotation readiness per unit (counts only);
 * the rotation waves marked on the unit page's trend charts, those that moved the unit's staff drawn thick; wide tables
 * on a phone keep their key (first) column in view while scrolled sideways;
 * and the smaller defects seen: phone ticks that do not overlap, "jam" in Indonesian, the footer time in WIB, no
 * "dari X dari X", a heat map by name over the trend's 36 months with a swatch for every band shown, pages of at
 * most 100 KB of HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
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

const UNIT = 'DISDIK';

describe('click to the unit', () => {
  it('Ringkasan: a bar of the EJ chart and a heat-map cell open their unit, keeping month and view', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/?month=2024-07&view=month`);
    const bar = page.locator('[data-chart="chart-ej-by-unit"] svg a').first();
    const target = new URL((await bar.getAttribute('href'))!, server.url);
    expect(target.pathname).toMatch(/^\/unit\/[^/]+$/);
    expect(target.searchParams.get('month')).toBe('2024-07');
    expect(target.searchParams.get('view')).toBe('month');
    await Promise.all([page.waitForURL((u) => u.pathname === target.pathname), bar.locator('rect').click()]);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/');
    const cell = page.locator('[data-chart="chart-heatmap"] svg a').first();
    expect(new URL((await cell.getAttribute('href'))!, server.url).pathname).toMatch(/^\/unit\//);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ringkasan: the heat map is sorted by unit name, spans the trend\'s 36 months and has a legend swatch per band', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/`);
    const labels = await page.locator('[data-chart="chart-heatmap"] svg g[data-mark="y-axis tick label"] text').allTextContents();
    const names = labels.map((l) => l.replace(/^· /, ''));
    expect(names.length).toBeGreaterThan(10);
    // by name, case-insensitively (as the heat map query orders them: lower(unit_label))
    const key = (s: string) => s.toLowerCase();
    const sorted = [...names].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(names).toEqual(sorted);
    const months = await sql('SELECT count(DISTINCT month) AS n FROM unit_load_monthly');
    // the first cell mark holds the units × months (the second outlines the selected month)
    const cells = await page.locator('[data-chart="chart-heatmap"] svg g[data-mark="cell"]').first().locator('rect').count();
    expect(cells).toBe(names.length * Math.min(36, Number(months[0]!.n)));
    // the legend names every band drawn, "Tanpa pegawai" included when a unit had nobody in post
    const legend = await page.locator('#chart-heatmap .plot').innerText();
    expect(legend).toContain('Seimbang');
    expect(legend).toContain('Kekurangan pegawai');
    // the plain band leads; the grade comes second, explained
    expect(await page.getByTestId('grade-note').innerText()).toMatch(/menilai efisiensi, bukan kecukupan pegawai/);
    await screenshot(page, 'ringkasan', 'desktop');
    await screenshot(page, 'ringkasan', 'phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the chosen region and view travel with every link', () => {
  it('nav links to Ringkasan, Unit kerja and Jabatan keep region, month and view; one Tampilkan button', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/?region=3999&month=2025-06&view=month`);
    for (const path of ['/unit', '/jabatan']) {
      const a = page.locator(`header nav a[href^="${path}?"], header nav a[href="${path}"]`).first();
      const u = new URL((await a.getAttribute('href'))!, server.url);
      expect(u.searchParams.get('region'), path).toBe('3999');
      expect(u.searchParams.get('month'), path).toBe('2025-06');
      expect(u.searchParams.get('view'), path).toBe('month');
    }
    expect(await page.locator('.page-head button[type=submit]').count()).toBe(1);
    // the unit list keeps them in each unit's link, and the unit page in its own links
    await gotoAndSettle(page, `${server.url}/unit?region=3999&view=month`);
    const first = new URL((await page.locator('.units a').first().getAttribute('href'))!, server.url);
    expect(first.searchParams.get('region')).toBe('3999');
    expect(first.searchParams.get('view')).toBe('month');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('/jabatan: a searchable picker and a table to sort, search and page', () => {
  it('the 215 titles are a datalist behind a search field; a picked title shows its units', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/jabatan`);
    const n = Number((await sql('SELECT count(DISTINCT title) AS n FROM position'))[0]!.n);
    expect(await page.locator('#title-select').evaluate((e) => e.tagName)).toBe('INPUT');
    expect(await page.locator('#title-options option').count()).toBe(n);
    await page.fill('#title-select', 'Guru Kelas SD');
    await page.press('#title-select', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('title') === 'Guru Kelas SD');
    await expect.poll(() => page.locator('h1').innerText()).toContain('Guru Kelas SD');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the titles table pages by 25, its search narrows the rows and a header sorts them', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/jabatan`);
    const section = page.locator('section[aria-labelledby="titles-title"]');
    expect(await section.locator('tbody tr').count()).toBe(25);
    await expect.poll(() => section.getByTestId('table-page').innerText()).toMatch(/^Halaman 1 dari \d+$/);
    await section.getByTestId('table-search').fill('guru');
    await expect.poll(async () => (await section.locator('tbody tr td:first-child').allInnerTexts()).every((t) => /guru/i.test(t))).toBe(true);
    await section.getByTestId('table-search').fill('');
    // sort by "Pegawai": descending after two clicks
    await section.locator('thead th button', { hasText: 'Pegawai' }).click();
    await section.locator('thead th button', { hasText: 'Pegawai' }).click();
    const col = (await section.locator('thead th').allInnerTexts()).map((s) => s.trim()).indexOf('Pegawai');
    const values = (await section.locator(`tbody tr td:nth-child(${col + 1})`).allInnerTexts()).map((s) => Number(s.replaceAll('.', '')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const most = await sql('SELECT max(n) AS m FROM (SELECT p.title, sum(s.current_staff) AS n FROM position_load_monthly s JOIN position p USING (position_id) WHERE s.month = (SELECT max(month) FROM position_load_monthly) GROUP BY 1)');
    expect(values[0]).toBe(Number(most[0]!.m));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the unit page', () => {
  it('rotation readiness: overdue and unwilling counts equal the warehouse, counts only', async () => {
    const [w] = await sql(`SELECT (SELECT count(*) FROM tenure_overdue WHERE unit_id = '${UNIT}') AS overdue,
      (SELECT count(*) FROM employee WHERE unit_id = '${UNIT}' AND willing_to_move = 'no') AS unwilling,
      (SELECT count(*) FROM employee WHERE unit_id = '${UNIT}') AS staff`);
    // a unit of ~1,400 with counts well above 5 either way: nothing to suppress here
    for (const k of ['overdue', 'unwilling'] as const) {
      expect(Number(w![k])).toBeGreaterThanOrEqual(5);
      expect(Number(w!.staff) - Number(w![k])).toBeGreaterThanOrEqual(5);
    }
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/unit/${UNIT}`);
    const num = async (id: string) => Number((await page.getByTestId(id).innerText()).replaceAll('.', ''));
    expect(await num('readiness-overdue')).toBe(Number(w!.overdue));
    expect(await num('readiness-unwilling')).toBe(Number(w!.unwilling));
    const text = await page.getByTestId('readiness').innerText();
    expect(text).not.toMatch(/\d{18}/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Indonesian words: "jam" not "h", no "dari X dari X", the footer time in WIB', async () => {
    const { page, errors } = await newPage(browser);
    await gotoAndSettle(page, `${server.url}/unit/${UNIT}`);
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/dari [\d.]+ dari [\d.]+/);
    expect(await page.locator('[data-chart="chart-workload-capacity"]').innerText()).toMatch(/Jam per 12 bulan/);
    await page.locator('[data-chart="chart-workload-capacity"] svg g[data-mark="dot"] circle').nth(5).hover();
    await expect.poll(() => page.locator('[data-chart="chart-workload-capacity"] svg g[data-mark="tip"]').textContent()).toMatch(/\d jam/);
    expect(await page.locator('footer').innerText()).toMatch(/WIB/);
    expect(await page.locator('footer').innerText()).not.toMatch(/UTC/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the trend charts mark the region\'s rotation waves: those that moved this unit\'s staff thick, labelled and named in the caption', async () => {
    // from the warehouse: the waves inside the unit's months, and for each unit the waves that moved someone into or
    // out of it (mart rotation_wave_transfer); the unit tried is one that some waves touched and others did not
    const wavesOf = async (unit: string) => {
      const rows = await sql(`SELECT strftime(w.month, '%Y-%m') AS month,
          bool_or((w.to_unit_id = '${unit}' OR w.from_unit_id = '${unit}') AND w.to_unit_id IS DISTINCT FROM w.from_unit_id) AS mine
        FROM rotation_wave_transfer w
        WHERE w.month BETWEEN (SELECT min(month) FROM unit_load_monthly WHERE unit_id = '${unit}') AND (SELECT max(month) FROM unit_load_monthly WHERE unit_id = '${unit}')
        GROUP BY 1 ORDER BY 1`);
      return { mine: rows.filter((r) => r.mine).map((r) => String(r.month)), other: rows.filter((r) => !r.mine).map((r) => String(r.month)) };
    };
    const [pick] = await sql(`WITH m AS (
        SELECT to_unit_id AS unit_id, month FROM rotation_wave_transfer WHERE to_unit_id IS DISTINCT FROM from_unit_id
        UNION SELECT from_unit_id, month FROM rotation_wave_transfer WHERE to_unit_id IS DISTINCT FROM from_unit_id)
      SELECT unit_id FROM m WHERE unit_id IS NOT NULL GROUP BY unit_id
      HAVING count(DISTINCT month) < (SELECT count(DISTINCT month) FROM rotation_wave_transfer)
      ORDER BY count(DISTINCT month) DESC, unit_id LIMIT 1`);
    const monthName = (ym: string) => new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
    for (const unit of [String(pick!.unit_id), UNIT]) {
      const w = await wavesOf(unit);
      expect(w.mine.length + w.other.length, unit).toBeGreaterThan(0);
      if (unit !== UNIT) expect(w.mine.length * w.other.length, `${unit}: touched by some waves, not all`).toBeGreaterThan(0);
      const { page, errors } = await newPage(browser);
      await gotoAndSettle(page, `${server.url}/unit/${unit}`);
      for (const chart of ['chart-workload-capacity', 'chart-transfers']) {
        const plot = page.locator(`[data-chart="${chart}"] svg`);
        if (chart === 'chart-transfers' && (await plot.count()) === 0) continue; // no transfer in the charted months
        const titles = async (cls: string) => plot.locator(`g.${cls} line title`).allTextContents();
        const mine = await titles('wave-unit');
        const other = await titles('wave-other');
        expect(mine.map((x) => x.split(':')[0]), `${unit} ${chart}`).toEqual(w.mine.map((m) => `Gelombang rotasi ${monthName(m)}`));
        expect(other.map((x) => x.split(':')[0]), `${unit} ${chart}`).toEqual(w.other.map((m) => `Gelombang rotasi ${monthName(m)}`));
        for (const x of mine) expect(x).toMatch(/unit ini: \+\d+ masuk, −\d+ keluar/);
        for (const x of other) expect(x).toContain('tidak memindahkan pegawai unit ini');
        // a label over each wave that touched the unit only
        expect(await plot.locator('g.wave-label text').allTextContents()).toEqual(w.mine.map(() => 'rotasi'));
        const caption = await page.locator(`#${chart} .subtitle`).innerText();
        for (const m of [...w.mine, ...w.other]) expect(caption).toContain(monthName(m));
        expect(caption).toContain(w.mine.length ? 'Garis hijau tebal: gelombang rotasi yang memindahkan pegawai unit ini' : 'Tidak ada gelombang rotasi yang memindahkan pegawai unit ini');
      }
      if (unit !== UNIT) await screenshot(page, 'unit-waves', 'desktop');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('on a phone the position chart\'s axis ticks do not overlap, and a wide table says it scrolls', async () => {
    const { page, errors } = await newPage(browser, 'phone');
    await gotoAndSettle(page, `${server.url}/unit/${UNIT}`);
    const boxes = await boxesOf(page, '[data-chart="chart-positions"] svg g[data-mark="x-axis tick label"] text');
    expect(boxes.length).toBeGreaterThan(1);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x, `tick ${i}`).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
    // the axis title sits below the tick labels
    const title = (await boxesOf(page, '[data-chart="chart-positions"] svg g[data-mark="x-axis label"] text'))[0]!;
    expect(title.y).toBeGreaterThanOrEqual(Math.max(...boxes.map((b) => b.y + b.height)) - 1);
    await expect.poll(() => page.getByTestId('scroll-cue').count()).toBeGreaterThan(0);
    await screenshot(page, 'unit-disdik', 'phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('tables on a phone keep their key column in view', () => {
  it.each([
    [`/unit/${UNIT}`, '#chart-positions .table-wrap', 'unit-positions-table'],
    ['/jabatan', 'section[aria-labelledby="titles-title"] .table-wrap', 'jabatan-titles-table'],
  ])('%s: scrolled sideways, the first column stays at the left edge while the others move', async (path, wrapSelector, shot) => {
    const { page, errors } = await newPage(browser, 'phone');
    await gotoAndSettle(page, `${server.url}${path}`);
    const wrap = page.locator(wrapSelector).first();
    await wrap.scrollIntoViewIfNeeded();
    const geometry = () =>
      wrap.evaluate((el) => {
        const x = (e: Element | null) => e!.getBoundingClientRect().x;
        const row = el.querySelector('tbody tr')!;
        const key = row.querySelector('td:first-child')!;
        return {
          wrap: x(el),
          head: x(el.querySelector('thead th:first-child')),
          key: x(key),
          later: x(row.querySelector('td:nth-child(3)')),
          scrollLeft: el.scrollLeft,
          overflow: el.scrollWidth - el.clientWidth,
          background: getComputedStyle(key).backgroundColor,
        };
      });
    const before = await geometry();
    expect(before.overflow, 'the table is wider than the phone').toBeGreaterThan(40);
    expect(before.scrollLeft).toBe(0);
    await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(async () => (await geometry()).scrollLeft).toBe(before.overflow);
    const after = await geometry();
    // the key column (header and cell) sits at the container's left edge, on an opaque background
    expect(Math.abs(after.key - after.wrap)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.head - after.wrap)).toBeLessThanOrEqual(1);
    expect(after.background).not.toMatch(/^(transparent|rgba\(.*, 0\))$/);
    // a later column moved left by the distance scrolled
    expect(Math.abs(before.later - after.scrollLeft - after.later)).toBeLessThanOrEqual(1);
    await wrap.screenshot({ path: `${ARTIFACTS}/${shot}-scrolled-phone.png` });
    await screenshot(page, shot, 'phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('/jabatan chart', () => {
  it('the axis title does not collide with the tick labels (desktop and phone)', async () => {
    for (const vp of ['desktop', 'phone'] as const) {
      const { page, errors } = await newPage(browser, vp);
      await gotoAndSettle(page, `${server.url}/jabatan?title=${encodeURIComponent('Guru Kelas SD')}`);
      const ticks = await boxesOf(page, '[data-chart="chart-title-units"] svg g[data-mark="x-axis tick label"] text');
      const [title] = await boxesOf(page, '[data-chart="chart-title-units"] svg g[data-mark="x-axis label"] text');
      for (const b of ticks) {
        const apart = title!.y >= b.y + b.height - 1 || title!.x >= b.x + b.width || b.x >= title!.x + title!.width;
        expect(apart, `${vp}: axis title over a tick label`).toBe(true);
      }
      await screenshot(page, 'jabatan-guru-kelas-sd', vp);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe('HTML size', () => {
  it.each(['/', `/unit/${UNIT}`, '/jabatan', '/unit'])('%s is at most 100 KB of HTML', async (path) => {
    const res = await server.fetch(path);
    expect(res.status).toBe(200);
    const bytes = (await res.arrayBuffer()).byteLength;
    expect(bytes, `${path}: ${bytes} bytes`).toBeLessThanOrEqual(100 * 1024);
  });
});

async function boxesOf(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}
