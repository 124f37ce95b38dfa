/**
 * Every page in Chromium against the production server: loads without console errors, its charts render
 * (Plot marks present), the month filter changes the URL and the chart, the language switch works, Tab
 * reaches every control, axe finds no serious/critical violation, nothing overflows a phone screen, and
 * screenshots of every page at desktop and phone widths land in test/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  addAccount,
  sessionCookie,
  chartMarkup,
  gotoAndSettle,
  launchBrowser,
  markCount,
  newPage,
  REPO,
  runAxe,
  screenshot,
  startServer,
  testWarehouse,
  unreachableByTab,
  VIEWPORTS,
  type Browser,
  type Server,
} from './harness.ts';

let server: Server;
let cookie = '';
let browser: Browser;
let wh: Awaited<ReturnType<typeof testWarehouse>>;
let unitId = '';
/** a transfer that breaks a legal rule (the most recent one), for the justification card */
let transferId = '';
let title = '';
let months: string[] = [];

interface PageSpec {
  name: string;
  path: () => string;
  /** chart id → Plot mark that must be drawn */
  charts: Record<string, string>;
  /** text of the <h1> in Indonesian / English (substring) */
  h1: [string, string];
  monthFilter: boolean;
}

const PAGES: PageSpec[] = [
  {
    name: 'ringkasan',
    path: () => '/',
    charts: { 'chart-ej-by-unit': 'bar', 'chart-imbalance': 'line', 'chart-heatmap': 'cell' },
    h1: ['Ringkasan', 'Overview'],
    monthFilter: true,
  },
  { name: 'unit-daftar', path: () => '/unit', charts: {}, h1: ['Unit kerja', 'Units'], monthFilter: true },
  {
    name: 'unit',
    path: () => `/unit/${unitId}`,
    charts: { 'chart-workload-capacity': 'line', 'chart-positions': 'dot', 'chart-ratings': 'bar' },
    h1: ['', ''],
    monthFilter: true,
  },
  { name: 'jabatan', path: () => '/jabatan', charts: { 'chart-title-units': 'dot' }, h1: ['Jabatan', 'Positions'], monthFilter: true },
  {
    name: 'jabatan-judul',
    path: () => `/jabatan?title=${encodeURIComponent(title)}`,
    charts: { 'chart-title-units': 'bar' },
    h1: ['Jabatan', 'Positions'],
    monthFilter: true,
  },
  {
    name: 'dampak',
    path: () => '/dampak',
    charts: {
      'chart-event-study': 'line',
      'chart-effect-group': 'dot',
      'chart-effect-calendar': 'line',
      'chart-rampup': 'line',
    },
    h1: ['Dampak mutasi', 'Transfer effects'],
    monthFilter: false,
  },
  {
    name: 'audit',
    path: () => '/audit',
    charts: { 'chart-audit-rule': 'bar', 'chart-audit-year': 'bar', 'chart-audit-unit': 'bar' },
    h1: ['Audit mutasi', 'Transfer audit'],
    monthFilter: false,
  },
  {
    name: 'audit-kartu',
    path: () => `/audit/${transferId}`,
    charts: { 'chart-transfer-load': 'line' },
    h1: ['Mutasi', 'Transfer'],
    monthFilter: false,
  },
  { name: 'pegawai', path: () => '/pegawai', charts: {}, h1: ['Pegawai', 'Employees'], monthFilter: false },
];

beforeAll(async () => {
  wh = await testWarehouse();
  server = await startServer(wh.file);
  browser = await launchBrowser();
  // the pages as an analyst sees them (every page, with the person-level detail); each role's view: auth.test.ts
  cookie = await sessionCookie(server, await addAccount(server, 'analis'));
  const [name, value] = cookie.split('=') as [string, string];
  await browser.context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  months = (await csv('/api/months')).map((r) => r[0]!.slice(0, 7));
  const titles = (await csv('/api/jabatan/titles')).map((r) => r[0]!.replace(/^"|"$/g, ''));
  title = titles[0]!;
  // a top-level unit that has sub-units (the first in the unit list: the same one on every run)
  const units = await csv('/api/units');
  const parents = new Set(units.map((u) => u[2]).filter(Boolean));
  unitId = units.find((u) => parents.has(u[0]))?.[0] ?? units[0]![0]!;
  transferId = (await csv('/api/audit/failures'))[0]![0]!;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  wh?.cleanup();
});

/** An endpoint's CSV rows (header dropped), split naively on commas (enough for ids, months and numbers). */
async function csv(p: string): Promise<string[][]> {
  return (await (await fetch(`${server.url}${p}${p.includes('?') ? '&' : '?'}format=csv`, { headers: { Cookie: cookie } })).text())
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','));
}

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const t = await newPage(browser);
  await gotoAndSettle(t.page, `${server.url}${path}`);
  return t;
}

describe.each(PAGES)('page $name', (spec) => {
  it('loads without console errors, with landmarks and a heading', async () => {
    const { page, errors } = await open(spec.path());
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await expect.poll(() => page.locator('main#main').count()).toBe(1);
    expect(await page.locator('header nav').count()).toBe(1);
    expect(await page.locator('footer').count()).toBe(1);
    const h1 = await page.locator('h1').innerText();
    expect(h1).toContain(spec.h1[0]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders its charts (SVG marks present), each with a title, a data table and a CSV link', async () => {
    const { page, errors } = await open(spec.path());
    for (const [chart, mark] of Object.entries(spec.charts)) {
      expect(await markCount(page, chart, mark), `${chart} ${mark} marks`).toBeGreaterThan(0);
      const card = page.locator(`section#${chart}`);
      expect((await card.locator('h2').innerText()).length).toBeGreaterThan(3);
      // a labelled image, or a labelled group when its marks link to a unit (an image may hold no link)
      expect(await card.locator('svg[role="img"][aria-label], svg[role="group"][aria-label]').count()).toBeGreaterThan(0);
      expect(await card.locator('a[download][href*="format=csv"]').count()).toBe(1);
      // the data table: visible, or built when its <details> is opened
      const summary = card.locator('details.data-table > summary');
      if ((await summary.count()) > 0) await summary.click();
      await expect.poll(() => card.locator('table').count(), { message: `${chart} data table` }).toBe(1);
      expect(await card.locator('table tbody tr').count(), `${chart} data table rows`).toBeGreaterThan(0);
      // a labelled value axis (the heat map's axes are the units and months themselves) and Plot's tip mark
      if (mark !== 'cell') expect(await card.locator('svg g[data-mark$="axis label"]').count(), `${chart} axis label`).toBeGreaterThan(0);
      expect(await card.locator('svg g[data-mark="tip"]').count(), `${chart} tip`).toBeGreaterThan(0);
    }
    if (spec.name === 'pegawai') {
      // the search form, no person listed before a search
      expect(await page.locator('[data-chart], table').count()).toBe(0);
      await expect.poll(() => page.locator('main').innerText()).toContain('Cari nama atau NIP');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Tab reaches every control', async () => {
    const { page } = await open(spec.path());
    expect(await unreachableByTab(page)).toEqual([]);
    await page.close();
  });

  it('axe-core: no serious or critical violations', async () => {
    const { page } = await open(spec.path());
    const violations = await runAxe(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.close();
  });

  it('fits a phone screen (no horizontal scrolling); screenshots at both widths, both languages', async () => {
    const { page, errors } = await open(spec.path());
    await screenshot(page, spec.name, 'desktop');
    await screenshot(page, spec.name, 'phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow at 390 px').toBeLessThanOrEqual(0);
    await page.setViewportSize(VIEWPORTS.desktop);
    const sep = spec.path().includes('?') ? '&' : '?';
    await gotoAndSettle(page, `${server.url}${spec.path()}${sep}lang=en`);
    await screenshot(page, `${spec.name}-en`, 'desktop');
    await screenshot(page, `${spec.name}-en`, 'phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the language switch moves to English (?lang=en) and back, keeping the page state', async () => {
    const { page, errors } = await open(spec.path());
    const before = new URL(page.url());
    await page.locator('header a.lang').click();
    await page.waitForURL((u) => u.searchParams.get('lang') === 'en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('h1').innerText()).toContain(spec.h1[1]);
    await expect.poll(() => page.locator('header nav').innerText()).toContain('Overview');
    const en = new URL(page.url());
    expect(en.pathname).toBe(before.pathname);
    for (const [k, v] of before.searchParams) expect(en.searchParams.get(k)).toBe(v);
    // links keep the language
    const navHrefs = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const h of navHrefs) expect(h).toContain('lang=en');
    for (const chart of Object.keys(spec.charts)) {
      await expect.poll(() => page.locator(`[data-chart="${chart}"] svg`).count()).toBeGreaterThan(0);
    }
    await page.locator('header a.lang').click();
    await page.waitForURL((u) => !u.searchParams.has('lang'));
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
    expect(errors).toEqual([]);
    await page.close();
  });

});

describe.each(PAGES.filter((p) => p.monthFilter))('month filter on $name', (spec) => {
  it('changes the URL and the charts', async () => {
    const { page, errors } = await open(spec.path());
    const firstChart = Object.keys(spec.charts)[0];
    const before = firstChart ? await chartMarkup(page, firstChart) : await page.locator('main').innerText();
    const target = months[Math.max(0, months.length - 7)]!; // six months before the latest
    await page.selectOption('#month-select', target);
    await page.waitForURL((u) => u.searchParams.get('month') === target);
    if (spec.name === 'jabatan-judul') expect(new URL(page.url()).searchParams.get('title')).toBe(title);
    await expect.poll(() => page.locator('#month-select').inputValue()).toBe(target);
    if (firstChart) {
      await expect.poll(() => chartMarkup(page, firstChart), { timeout: 10_000 }).not.toBe(before);
      expect(await markCount(page, firstChart, spec.charts[firstChart]!)).toBeGreaterThan(0);
    } else {
      await expect.poll(() => page.locator('main').innerText()).not.toBe(before);
    }
    // the selection survives a reload (it is in the URL)
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('#month-select').inputValue()).toBe(target);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('page specifics', () => {
  it('Ringkasan: headline figures, the 1.0 line, and the heat map shows the June–July surge at Dinas Pendidikan', async () => {
    const { page, errors } = await open('/');
    const stats = page.locator('ul.stats li');
    expect(await stats.count()).toBe(4);
    expect(await page.locator('[data-testid="units-overloaded"]').innerText()).toMatch(/^\d+$/);
    // the EJ chart draws rules at 0, 0.7 and 1.0
    expect(await page.locator('[data-chart="chart-ej-by-unit"] svg g[data-mark="rule"]').count()).toBeGreaterThanOrEqual(3);
    // hovering a bar shows the tooltip with the unit, EJ and plain label
    const bar = page.locator('[data-chart="chart-ej-by-unit"] svg g[data-mark="bar"] rect').first();
    await bar.hover();
    const tips = page.locator('[data-chart="chart-ej-by-unit"] svg g[data-mark="tip"]');
    await expect.poll(async () => (await tips.allTextContents()).join(' ')).toMatch(/EJ: \d+,\d\d/);
    // the sample plants a June–July surge (×1.8–2.2) at Dinas Pendidikan (data/sample/_truth/truth.json)
    const units = await csv('/api/units');
    const disdik = units.find((u) => u[1] === 'Dinas Pendidikan')?.[0] ?? 'DISDIK-SD';
    // the surge is a month's peak: the month view (the default annual view spreads it over the year, issue 16)
    const history = await csv(`/api/units/${disdik}/history?view=month`);
    const ej = (mm: string) => Number(history.filter((r) => r[0]!.slice(5, 7) === mm).at(-1)![5]);
    expect(ej('06')).toBeGreaterThan(1.5 * ej('03'));
    expect(ej('07')).toBeGreaterThan(1.5 * ej('03'));
    // one cell per unit and month (24 months)
    const cells = await page.locator('[data-chart="chart-heatmap"] svg g[data-mark="cell"] rect').count();
    expect(cells).toBeGreaterThanOrEqual(units.length * Math.min(24, months.length));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ringkasan: a unit in the data table links to its unit page, keeping month and language', async () => {
    const { page, errors } = await open(`/?month=${months[0]}&lang=en`);
    const card = page.locator('section#chart-ej-by-unit');
    await card.locator('summary').click();
    const link = card.locator('details table a').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/unit/[^?]+\\?.*month=${months[0]}`));
    expect(href).toContain('lang=en');
    await link.click();
    await page.waitForURL((u) => u.pathname.startsWith('/unit/'));
    await gotoAndSettle(page, page.url());
    expect(await page.locator('#month-select').inputValue()).toBe(months[0]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Ringkasan: one region (the sample city) has no region filter; a region in the URL names it and keeps it across a month change', async () => {
    const { page, errors } = await open('/');
    expect(await page.locator('#region-select').count()).toBe(0);
    await gotoAndSettle(page, `${server.url}/?region=3999`);
    expect(await page.locator('h1').innerText()).toContain('Ringkasan — Kota Sukamaju');
    expect(await page.locator('[data-testid="units-overloaded"]').count()).toBe(1);
    await page.selectOption('#month-select', months[0]!);
    await page.waitForURL((u) => u.searchParams.get('month') === months[0]);
    expect(new URL(page.url()).searchParams.get('region')).toBe('3999');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Jabatan: the title filter changes the URL and the chart', async () => {
    const { page, errors } = await open('/jabatan');
    const before = await chartMarkup(page, 'chart-title-units');
    // the title picker is searchable (a datalist over every title): type the name, press Enter
    await page.fill('#title-select', title);
    await page.press('#title-select', 'Enter');
    await page.waitForURL((u) => u.searchParams.get('title') === title);
    await expect.poll(() => chartMarkup(page, 'chart-title-units')).not.toBe(before);
    await expect.poll(() => markCount(page, 'chart-title-units', 'bar')).toBeGreaterThan(0);
    await expect.poll(() => page.locator('h1').innerText()).toContain(title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Unit: positions with their needs, transfers (counts only), sub-units, and an unknown unit gives a 404 page', async () => {
    const { page, errors } = await open(`/unit/${unitId}`);
    // positions with required vs current staff and the competencies no holder has, in a visible table
    const positions = await csv(`/api/units/${unitId}/positions`);
    const table = await page.locator('section#chart-positions table').innerText();
    expect(table).toContain(positions[0]![1]!.replace(/^"|"$/g, ''));
    expect(await page.locator('section#chart-positions table tbody tr').count()).toBe(positions.length);
    // transfers: bars inside the warehouse's months only (the records reach back decades), no names
    expect(await markCount(page, 'chart-transfers', 'rect')).toBeGreaterThan(0);
    const ticks = await page.locator('[data-chart="chart-transfers"] svg g[data-mark="x-axis tick label"] text').allTextContents();
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.length).toBeLessThan(40);
    expect(await page.locator('section[aria-labelledby="subunits-title"] table a').count()).toBeGreaterThan(0);
    const res = await page.goto(`${server.url}/unit/NO-SUCH-UNIT`);
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.locator('main').innerText()).toContain('NO-SUCH-UNIT');
    const bad = await page.goto(`${server.url}/unit/${encodeURIComponent('bad id!')}`);
    expect(bad?.status()).toBe(400);
    expect(errors.filter((e) => !/status of (404|400)/.test(e))).toEqual([]);
    await page.close();
  });

  it('Jabatan: with hundreds of titles the chart shows the ones that differ most between units', async () => {
    const { page, errors } = await open('/jabatan');
    const titles = await csv('/api/jabatan/titles');
    const drawn = await page.locator('[data-chart="chart-title-units"] svg g[data-mark="y-axis tick label"] text').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(Math.min(25, titles.length));
    expect(await page.locator('section#chart-title-units .subtitle').innerText()).toContain(`dari ${titles.length} nama jabatan`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an invalid ?month= shows a notice and the latest month', async () => {
    const { page, errors } = await open('/?month=2024-99');
    await expect.poll(() => page.locator('main').innerText()).toContain('Parameter bulan tidak valid');
    expect(await page.locator('#month-select').inputValue()).toBe(months[months.length - 1]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a month without data: says so, names the months that exist, and shows empty states', async () => {
    const { page, errors } = await open('/?month=2001-01');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Tidak ada data untuk Januari 2001');
    expect(main).toContain('pilih bulan lain');
    // the EJ chart has nothing to draw and says so; the time series still draws
    expect(await page.locator('section#chart-ej-by-unit [data-chart]').count()).toBe(0);
    expect(await page.locator('section#chart-ej-by-unit').innerText()).toContain('Tidak ada data');
    expect(await markCount(page, 'chart-imbalance', 'line')).toBeGreaterThan(0);
    await screenshot(page, 'ringkasan-bulan-kosong', 'desktop');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every page is at most 100 KB of HTML: large rows are asked for after the page, /publik has no script (issue 16)', async () => {
    const sizes: Record<string, number> = {};
    for (const p of [...PAGES.map((s) => s.path()), '/publik', '/publik?lang=en']) {
      const res = await fetch(`${server.url}${p}`, { headers: { Cookie: cookie } });
      expect(res.status, p).toBe(200);
      sizes[p] = (await res.text()).length;
    }
    for (const [p, n] of Object.entries(sizes)) expect(n, `${p}: ${n} bytes`).toBeLessThanOrEqual(100 * 1024);
    // the public report is read and printed, not used: no hydration, so its data is not written twice
    const publik = await (await fetch(`${server.url}/publik`)).text();
    expect(publik).not.toMatch(/<script/);
    expect(publik).toContain('<table');
  });

  it('works without JavaScript: the month form is a plain GET form', async () => {
    const ctx = browser.context;
    const page = await ctx.newPage();
    await page.route('**/*.js', (r) => r.abort());
    await page.goto(`${server.url}/?month=${months[0]}`);
    expect(await page.locator('h1').innerText()).toContain('Ringkasan');
    expect(await page.locator('form.filter[method="GET"] select[name="month"]').count()).toBe(1);
    expect(await page.locator('#month-select').inputValue()).toBe(months[0]);
    await page.close();
    // the unit list comes after the page (issue 16); without script (<noscript>) the page offers it as a download
    const html = await (await fetch(`${server.url}/unit`, { headers: { Cookie: cookie } })).text();
    expect(html).toMatch(/<noscript>[^]*?<a href="\/api\/unit-load\?[^"]*format=csv" download[^>]*>CSV<\/a>[^]*?<\/noscript>/);
  });
});

describe('Dampak mutasi and Audit mutasi', () => {
  const truth = () =>
    JSON.parse(readFileSync(path.join(REPO, 'data', 'sample', '_truth', 'truth.json'), 'utf8')) as {
      effects: { employee_event_time_effects: { event_time: number; effect: number }[] };
      transfer_audit: { counts: Record<string, number> };
    };

  it('Dampak: the outcome filter changes the URL, the summary and the event study; the selection survives a reload', async () => {
    const { page, errors } = await open('/dampak');
    const before = await chartMarkup(page, 'chart-event-study');
    const summaryBefore = await page.locator('[data-testid="effect-says"]').innerText();
    // EJ is the default (issue 16); the SKP score is the second choice
    await page.selectOption('#outcome-select', 'mean_score');
    await page.waitForURL((u) => u.searchParams.get('outcome') === 'mean_score');
    await expect.poll(() => chartMarkup(page, 'chart-event-study'), { timeout: 10_000 }).not.toBe(before);
    expect(await markCount(page, 'chart-event-study', 'line')).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="effect-says"]').innerText()).not.toBe(summaryBefore);
    expect(await page.locator('#summary-title').innerText()).toContain('SKP');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('#outcome-select').inputValue()).toBe('mean_score');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Dampak: the plain-language summary reads the numbers; TWFE is shown beside Callaway & Sant’Anna with the Goodman-Bacon note', async () => {
    const { page, errors } = await open('/dampak?outcome=mean_score');
    const says = await page.locator('[data-testid="effect-says"]').innerText();
    // the sample's three rotation waves (Juli 2023, Februari 2024, Juli 2025) and the receiving units
    expect(says).toContain('3 gelombang rotasi');
    expect(says).toMatch(/Juli 2023/);
    // the overall effect of the table, formatted as on the page, is in the summary and on the comparison chart
    const overall = await csv('/api/effects?outcome=mean_score');
    const simple = Number(overall.find((r) => r[0] === 'simple')![6]);
    const twfe = Number(overall.find((r) => r[0] === 'twfe')![6]);
    const one = (v: number, sign = false) =>
      new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: sign ? 'exceptZero' : 'auto' }).format(v);
    expect(says).toContain(`naik ${one(Math.abs(simple))} poin`);
    // the estimator comparison lives in "Cara menghitung" (issue 16: estimator words only there)
    await page.locator('details#method summary').click();
    const compare = await page.locator('details#method table').innerText();
    expect(compare).toContain(one(simple, true));
    expect(compare).toContain(one(twfe, true));
    expect(await page.locator('details#method').innerText()).toContain('Goodman-Bacon 2021');
    // the planted ramp-up (data/sample/_truth): no effect any more from month k on
    const effects = truth().effects.employee_event_time_effects;
    const k = effects.find((e, i) => effects.slice(i).every((x) => x.effect === 0))!.event_time;
    expect(await page.locator('[data-testid="rampup-summary"]').innerText()).toContain(`bulan ke-${k}`);
    // the estimator's notes in Indonesian, with month names: the sample's small waves are February 2024 and July 2025
    const notes = page.locator('[data-testid="effect-notes"] li');
    const noteTexts = await notes.allInnerTexts();
    expect(noteTexts.length).toBeGreaterThan(0);
    expect(noteTexts.join(' ')).toContain('Gelombang Februari 2024 dan Juli 2025 hanya melibatkan kurang dari 5 unit penerima');
    expect(noteTexts.join(' ')).not.toMatch(/Some groups|simultaneous|Dropped/);
    expect(await page.locator('[data-testid="effect-notes"] li[lang]').count()).toBe(0);
    // the ramp-up's own notes (employee level: people, not units), behind a disclosure under its chart
    await page.locator('#chart-rampup details.notes summary').click();
    const rampNotes = (await page.locator('[data-testid="rampup-notes"] li').allInnerTexts()).join(' ');
    expect(rampNotes).toMatch(/\d+ pegawai sudah dimutasi pada bulan pertama data/);
    expect(rampNotes).toContain('pegawai dimutasi pada');
    expect(rampNotes).not.toMatch(/Some groups|Dropped| unit /);
    // English switch: the summary in English
    await gotoAndSettle(page, `${server.url}/dampak?lang=en&outcome=mean_score`);
    expect(await page.locator('[data-testid="effect-says"]').innerText()).toContain('rotation waves');
    await page.locator('details#method summary').click();
    await page.locator('#chart-rampup details.notes summary').click();
    expect((await page.locator('[data-testid="effect-notes"] li').allInnerTexts()).join(' ')).toContain('The waves of February 2024 and July 2025');
    expect(await page.locator('[data-testid="rampup-notes"] li').first().textContent()).toMatch(/^\d+ people had already been transferred/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Audit: the failed transfers are the planted breaks, listed by id, date, units, rule and detail, without NIP or name', async () => {
    // every year: the default is the analysis window (issue 16), the planted breaks span the whole history
    const { page, errors } = await open('/audit?year=semua');
    const planted = truth().transfer_audit.counts;
    const expected = ['election_ban', 'min_tenure', 'competency', 'documentation'].reduce((s, r) => s + (planted[r] ?? 0), 0);
    const table = page.locator('#audit-failures table');
    expect(await table.locator('tbody tr').count()).toBe(expected);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Mutasi', 'TMT', 'Unit asal', 'Unit penerima', 'Aturan', 'Keterangan']);
    const text = await table.innerText();
    expect(text).toContain('UU 10/2016 Pasal 71 ayat 2');
    expect(text).not.toMatch(/\d{18}|\d{8} \d{6} \d \d{3}/);
    expect(await page.locator('[data-testid="audit-failed"]').innerText()).toBe(String(expected));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Audit: the year and rule filters change the URL and the charts, and survive a reload', async () => {
    const { page, errors } = await open('/audit');
    const unitBefore = await chartMarkup(page, 'chart-audit-unit');
    await page.selectOption('#year-select', '2024');
    await page.waitForURL((u) => u.searchParams.get('year') === '2024');
    await expect.poll(() => chartMarkup(page, 'chart-audit-unit'), { timeout: 10_000 }).not.toBe(unitBefore);
    expect(await markCount(page, 'chart-audit-unit', 'bar')).toBeGreaterThan(0);
    const yearBefore = await chartMarkup(page, 'chart-audit-year');
    await page.selectOption('#rule-select', 'election_ban');
    await page.waitForURL((u) => u.searchParams.get('rule') === 'election_ban' && u.searchParams.get('year') === '2024');
    await expect.poll(() => chartMarkup(page, 'chart-audit-year'), { timeout: 10_000 }).not.toBe(yearBefore);
    const rows = page.locator('#audit-failures table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const r of await rows.allInnerTexts()) expect(r).toContain('Larangan menjelang pilkada');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('#year-select').inputValue()).toBe('2024');
    expect(await page.locator('#rule-select').inputValue()).toBe('election_ban');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Audit: a transfer links to its justification card: workload before/after, rules met or broken, in words', async () => {
    const { page, errors } = await open('/audit?rule=election_ban');
    const link = page.locator('#audit-failures table tbody a').first();
    const id = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL((u) => u.pathname === `/audit/${id}`);
    await gotoAndSettle(page, page.url());
    expect(await page.locator('h1').innerText()).toContain(id);
    expect(await page.locator('[data-testid="card-summary"]').innerText()).toContain('melanggar 1 aturan wajib: larangan menjelang pilkada');
    const rules = page.locator('[data-testid="card-rules"] li');
    expect(await rules.count()).toBe(6);
    expect(await rules.filter({ hasText: 'Larangan menjelang pilkada' }).innerText()).toContain('Tidak terpenuhi');
    const load = await page.locator('table.load').innerText();
    expect(load).toContain('Unit penerima');
    expect(load).toMatch(/\d,\d\d → \d,\d\d/);
    expect(await markCount(page, 'chart-transfer-load', 'line')).toBeGreaterThan(0);
    const res = await page.goto(`${server.url}/audit/T9999999`);
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.locator('main').innerText()).toContain('T9999999');
    const bad = await page.goto(`${server.url}/audit/${encodeURIComponent('bad id!')}`);
    expect(bad?.status()).toBe(400);
    expect(errors.filter((e) => !/status of (404|400)/.test(e))).toEqual([]);
    await page.close();
  });
});
