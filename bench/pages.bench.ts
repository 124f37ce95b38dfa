/**
 * Every analysis page in Chromium (npm run bench -- pages), issue 16 "Performance": the production server
 * (adapter-node, dashboard/build) on a loopback port against the city sample warehouse and the province warehouse,
 * signed in as leadership (the harness's session cookie), measuring
 *
 * - first load: navigation start → every chart drawn, in a new browser context each time (empty HTTP cache), the
 *   pages interleaved run by run (BENCH_RUNS, default 5), median / min / max; the HTML bytes of each page;
 * - filter change: on the page just loaded, the time from choosing another month (Ringkasan, /unit/<id>,
 *   /jabatan?title=…), another title (/jabatan), another year (/audit) or the other outcome (/dampak) until its
 *   charts are drawn again (the end of the last chart drawing after the change), median of the runs. Each run picks
 *   a month not asked before, so the server answers it from DuckDB, not from its response cache.
 *
 * "Drawn" is the overview measurement of bench/dashboard.bench.ts (every chart container has its SVG) made strict
 * enough for every page: the page is hydrated (SvelteKit's router has started), every chart container
 * (`[data-chart]` of Chart.svelte, `figure.chart-box` of the public report) has its SVG, and no chart card still
 * shows "Memuat…" (a chart whose data the browser fetches after the page shows: Ringkasan's heat map, /jabatan's
 * positions). A page without charts (/unit) is drawn when hydrated and nothing on it says it is loading (aria-busy); a
 * page without script (/publik, csr = false) when its document is parsed.
 *
 * One unmeasured round of every page first (the server's response cache and DuckDB warm; reported as "first after
 * start"). Targets (issue 16): first load ≤ 1.5 s (city), ≤ 2 s (province); filter change ≤ 300 ms; HTML ≤ 100 KB
 * (asserted by test/browser/analyst.test.ts). Nothing asserts here: the figures are reported with the machine's load.
 *
 * Warehouses: city = the browser tests' sample warehouse (test/browser/sample-warehouse.ts); province =
 * BENCH_PROVINCE_DB, else data/bench/province.duckdb, used only when `seimbang schema` says it matches this version
 * (it is not rebuilt here: `seimbang build --input <province sample> --db data/bench/province.duckdb`).
 * BENCH_SCALES=city skips the province; BENCH_DEBUG=1 prints each filter change's requests and chart drawings.
 * Writes docs/benchmarks.md, section "Pages: first load and filter change (issue 16)".
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, machine, median, writeSection } from './util.ts';
import { CHROMIUM, CHROMIUM_ARGS, startServer, type Server } from '../test/browser/harness.ts';
import { sampleWarehouse } from '../test/browser/sample-warehouse.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCALES = (process.env.BENCH_SCALES ?? 'city,province').split(',');
const TARGET_LOAD: Record<string, number> = { city: 1500, province: 2000 };
const TARGET_FILTER = 300;
const TARGET_HTML = 100 * 1024;
/** after a filter change: no request in flight and no chart drawn for this long = the page has settled */
const QUIET_MS = 600;

const log = (s: string) => process.stderr.write(`${s}\n`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/**
 * In the page before any of its scripts: marks the moment the page is drawn (see the header), counts the requests
 * in flight (window.fetch: SvelteKit's loads and the pages' own fetches go through it) and the last one's end. A
 * string, since tsx would wrap named functions in a helper the page does not have.
 */
const INIT_SCRIPT = `(function () {
  var B = (window.__bench = { inflight: 0, lastNet: 0, drawn: undefined, router: undefined, charts: 0 });
  var LOADING = ['Memuat…', 'Loading…'];
  // a page without script (the public report: csr = false) is ready when its document is parsed; others hydrate
  var scriptless = function () {
    return document.readyState !== 'loading' && !document.querySelector('script[type="module"], link[rel="modulepreload"]');
  };
  B.ready = function () {
    if (B.router === undefined && !scriptless()) return false;
    var charts = document.querySelectorAll('[data-chart], figure.chart-box');
    for (var i = 0; i < charts.length; i++) if (!charts[i].querySelector('svg')) return false;
    if (document.querySelector('[aria-busy="true"]')) return false;
    var notes = document.querySelectorAll('section.chart .notice-title');
    for (var j = 0; j < notes.length; j++) if (LOADING.indexOf(notes[j].textContent.trim()) !== -1) return false;
    return true;
  };
  var check = function () {
    if (B.drawn === undefined && B.ready()) {
      B.drawn = performance.now();
      B.charts = document.querySelectorAll('[data-chart], figure.chart-box').length;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
  // the requests since the change, as Chromium timed them (responseEnd: the whole body received)
  var fetches = function () {
    return performance.getEntriesByType('resource').filter(function (r) { return r.initiatorType === 'fetch' && r.startTime >= B.t0; });
  };
  var chartDraws = function () {
    return performance.getEntriesByType('measure').filter(function (m) { return m.name.indexOf('chart:') === 0 && m.startTime >= B.t0; });
  };
  // nothing in flight and nothing received for \`quiet\` ms
  B.atRest = function (quiet) { return B.inflight === 0 && performance.now() - B.lastNet >= quiet; };
  // a filter change has settled: the URL changed, the page is drawn, nothing in flight or drawn for \`quiet\` ms
  B.settled = function (quiet) {
    if (location.href === B.urlBefore || !B.ready() || B.inflight > 0) return false;
    var draws = chartDraws();
    var last = B.lastNet;
    for (var i = 0; i < draws.length; i++) last = Math.max(last, draws[i].startTime + draws[i].duration);
    fetches().forEach(function (r) { last = Math.max(last, r.responseEnd); });
    return draws.length > 0 && performance.now() - last >= quiet;
  };
  B.result = function () {
    var nav = performance.getEntriesByType('navigation')[0];
    var fcp = performance.getEntriesByName('first-contentful-paint')[0];
    var bytes = nav.transferSize;
    performance.getEntriesByType('resource').forEach(function (r) { bytes += r.transferSize; });
    return { drawn: B.drawn, hydrated: B.router, charts: B.charts, fcp: fcp ? fcp.startTime : null, html: nav.decodedBodySize,
      server: nav.responseEnd - nav.requestStart, transferred: bytes };
  };
  B.changeResult = function () {
    var end = 0;
    var data = 0;
    var ids = {};
    var ms = function (x) { return Math.round(x - B.t0); };
    var waterfall = [];
    chartDraws().forEach(function (m) {
      end = Math.max(end, m.startTime + m.duration);
      ids[m.name.slice(6)] = true;
      waterfall.push([m.startTime, m.name + ' ' + ms(m.startTime) + '→' + ms(m.startTime + m.duration)]);
    });
    fetches().forEach(function (r) {
      data = Math.max(data, r.responseEnd);
      waterfall.push([r.startTime, r.name.replace(location.origin, '') + ' ' + ms(r.startTime) + '→' + ms(r.responseEnd) + ' (' + r.decodedBodySize + ' B)']);
    });
    var present = Array.prototype.map.call(document.querySelectorAll('[data-chart]'), function (c) { return c.getAttribute('data-chart'); });
    return { ms: end - B.t0, data: data - B.t0, missing: present.filter(function (id) { return !ids[id]; }),
      waterfall: waterfall.sort(function (a, b) { return a[0] - b[0]; }).map(function (w) { return w[1]; }) };
  };
  // choose a value in a filter field as a person does (input + change events); the form then submits itself
  B.choose = function (selector, value) {
    var el = document.querySelector(selector);
    if (!el) throw new Error('no ' + selector);
    B.urlBefore = location.href;
    B.t0 = performance.now();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  // SvelteKit adds its one popstate listener when it starts its router, right after hydrating the page
  var add = window.addEventListener;
  window.addEventListener = function (type) {
    if (type === 'popstate' && B.router === undefined) {
      B.router = performance.now();
      setTimeout(check, 0);
    }
    return add.apply(this, arguments);
  };
  // requests in flight: counted until the response's headers (the quiet time after covers reading the body)
  var nativeFetch = window.fetch;
  window.fetch = function () {
    B.inflight++;
    var p = nativeFetch.apply(this, arguments);
    var done = function () { B.inflight--; B.lastNet = performance.now(); };
    p.then(done, done);
    return p;
  };
})();`;

interface Load {
  drawn: number;
  hydrated: number;
  charts: number;
  fcp: number | null;
  html: number;
  server: number;
  transferred: number;
}
interface Change {
  ms: number;
  data: number;
  missing: string[];
  /** the requests and chart drawings after the change, ms since the change (printed with BENCH_DEBUG=1) */
  waterfall: string[];
}
/** what INIT_SCRIPT puts on window.__bench */
interface BenchApi {
  drawn: number | undefined;
  ready(): boolean;
  atRest(quietMs: number): boolean;
  settled(quietMs: number): boolean;
  result(): Load;
  changeResult(): Change;
  choose(selector: string, value: string): void;
}
/** the page's window, in the functions run in the page (they are sent as text: they can use no name of this module) */
type BenchWindow = Window & { __bench: BenchApi };
interface Filter {
  name: string;
  selector: string;
  /** the value to choose in run `run` (a different month each run: a server cache miss) */
  value: (run: number) => string;
}
interface PageCase {
  name: string;
  path: string;
  filter?: Filter;
}

async function rowsOf<T>(server: Server, path: string): Promise<T[]> {
  const res = await server.fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return tableFromIPC(new Uint8Array(await res.arrayBuffer())).toArray().map((r) => r.toJSON() as T);
}

/** the outcomes of /dampak other than its default (EJ): dashboard/src/lib/params.ts EFFECT_OUTCOMES */
const OTHER_OUTCOMES = ['mean_score', 'staffing_gap', 'mean_rating_rank'];
const monthKey = (d: unknown) => new Date(d as number).toISOString().slice(0, 7);

/** the pages, with a unit and a title that exist in this warehouse (the unit with the most staff, the title held in most units) */
async function pageCases(server: Server): Promise<PageCase[]> {
  const months = (await rowsOf<{ month: number }>(server, '/api/months')).map((m) => monthKey(m.month));
  const latest = months.length - 1;
  // run r chooses the (r + 2)-th latest month: never the default (the latest), never the same twice
  const otherMonth = (run: number) => months[Math.max(0, latest - 1 - run)]!;
  const units = await rowsOf<{ unit_id: string; current_staff: number }>(server, '/api/unit-load?lang=id');
  const unit = [...units].sort((a, b) => b.current_staff - a.current_staff)[0]!.unit_id;
  const titles = await rowsOf<{ title: string; units: number; positions: number }>(server, `/api/jabatan/titles?month=${months[latest]}`);
  const byReach = [...titles].sort((a, b) => b.units - a.units || b.positions - a.positions);
  const title = byReach[0]!.title;
  const years = [...new Set(months.map((m) => m.slice(0, 4)))].reverse();
  const enc = encodeURIComponent;
  return [
    { name: 'Ringkasan', path: '/', filter: { name: 'month', selector: '#month-select', value: otherMonth } },
    { name: 'Unit list', path: '/unit' },
    { name: 'Unit page', path: `/unit/${enc(unit)}`, filter: { name: 'month', selector: '#month-select', value: otherMonth } },
    // from every title to one title (the five most widespread in turn)
    { name: 'Jabatan', path: '/jabatan', filter: { name: 'title', selector: '#title-select', value: (r) => byReach[r % Math.min(5, byReach.length)]!.title } },
    { name: 'Jabatan, one title', path: `/jabatan?title=${enc(title)}`, filter: { name: 'month', selector: '#month-select', value: otherMonth } },
    // another outcome than the default EJ, in turn (from the fourth run on, the server answers from its cache)
    { name: 'Dampak', path: '/dampak', filter: { name: 'outcome', selector: '#outcome-select', value: (r) => OTHER_OUTCOMES[r % OTHER_OUTCOMES.length]! } },
    { name: 'Audit', path: '/audit', filter: { name: 'year', selector: '#year-select', value: (r) => years[r % years.length]! } },
    { name: 'Publik', path: '/publik' },
  ];
}

async function measure(browser: Browser, server: Server, pc: PageCase, run: number): Promise<{ load: Load; change: Change | null }> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  try {
    const [name, value] = (await server.cookie()).split('=') as [string, string];
    await ctx.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    const page: Page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${server.url}${pc.path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.drawn !== undefined, undefined, { timeout: 60_000 });
    const load = await page.evaluate(() => (window as unknown as BenchWindow).__bench.result());
    let change: Change | null = null;
    if (pc.filter) {
      // the page at rest first (its own late requests done), so the change is measured alone
      await page.waitForFunction((q) => (window as unknown as BenchWindow).__bench.atRest(q), QUIET_MS, { timeout: 60_000, polling: 100 });
      await page.evaluate(([sel, v]) => (window as unknown as BenchWindow).__bench.choose(sel, v), [pc.filter.selector, pc.filter.value(run)] as const);
      await page.waitForFunction((q) => (window as unknown as BenchWindow).__bench.settled(q), QUIET_MS, { timeout: 60_000, polling: 50 });
      change = await page.evaluate(() => (window as unknown as BenchWindow).__bench.changeResult());
      if (process.env.BENCH_DEBUG) log(`  ${change.waterfall.join('\n  ')}`);
      if (change.missing.length) log(`  ${pc.name}: charts not drawn again after the change: ${change.missing.join(', ')}`);
    }
    if (errors.length) log(`  ${pc.name}: page errors: ${errors.join('; ')}`);
    return { load, change };
  } finally {
    await ctx.close();
  }
}

interface PageResult {
  pc: PageCase;
  loads: Load[];
  changes: Change[];
  cold: Load | null;
}
interface ScaleResult {
  scale: string;
  units: number;
  pages: PageResult[];
  loadBefore: string;
  loadAfter: string;
  loadMax: number;
}

async function benchScale(scale: string, db: string): Promise<ScaleResult> {
  const server = await startServer(db).catch(() => startServer(db)); // a loaded machine may need a second try
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const loadBefore = load();
  let loadMax = loadavg()[0]!;
  try {
    const cases = await pageCases(server);
    const units = (await rowsOf<unknown>(server, '/api/units')).length;
    const results: PageResult[] = cases.map((pc) => ({ pc, loads: [], changes: [], cold: null }));
    // round 0: the first visit of each page after the server started (unmeasured in the medians)
    for (const r of results) {
      r.cold = (await measure(browser, server, { ...r.pc, filter: undefined }, 0)).load;
      log(`[${scale}] first after start ${r.pc.path}: ${ms(r.cold.drawn)} ms`);
    }
    for (let run = 0; run < RUNS; run++) {
      for (const r of results) {
        const m = await measure(browser, server, r.pc, run);
        r.loads.push(m.load);
        if (m.change) r.changes.push(m.change);
        loadMax = Math.max(loadMax, loadavg()[0]!);
        log(`[${scale}] run ${run + 1}/${RUNS} ${r.pc.path}: drawn ${ms(m.load.drawn)} ms${m.change ? `, ${r.pc.filter!.name} change ${ms(m.change.ms)} ms` : ''} (load ${loadavg()[0]!.toFixed(1)})`);
      }
    }
    return { scale, units, pages: results, loadBefore, loadAfter: load(), loadMax };
  } finally {
    await browser.close();
    await server.stop();
  }
}

function provinceWarehouse(): string | null {
  const db = process.env.BENCH_PROVINCE_DB ?? join(ROOT, 'data/bench/province.duckdb');
  if (!existsSync(db)) {
    log(`province: ${db} is missing; skipped (build it with \`seimbang build --input <province sample> --db ${db}\`)`);
    return null;
  }
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/seimbang.js'), 'schema', '--db', db], { encoding: 'utf8' });
  if (r.status !== 0) {
    log(`province: ${db} does not match this version; skipped:\n${r.stdout}${r.stderr}`);
    return null;
  }
  return db;
}

const results: ScaleResult[] = [];
for (const scale of SCALES) {
  const db = scale === 'city' ? await sampleWarehouse(log) : scale === 'province' ? provinceWarehouse() : undefined;
  if (db === undefined) throw new Error(`unknown scale ${scale} (city, province)`);
  if (db) results.push(await benchScale(scale, db));
}

const spread = (xs: number[]) => (xs.length ? `**${ms(median(xs))}** (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})` : '–');
const verdict = (x: number, target: number) => (x <= target ? 'met' : `missed by ${ms(x - target)} ms`);

const lines: string[] = [
  'Every analysis page in Chromium (playwright-core, /usr/bin/chromium, 1366 × 900, signed in as leadership) against',
  'the production server (`node dashboard/build`) on 127.0.0.1, both on the same machine. **First load**: navigation',
  'start → the page drawn — hydrated, every chart container with its SVG, and no chart still waiting for the data the',
  'browser fetches after the page shows (Ringkasan\'s heat map, /jabatan\'s positions); /unit has no chart (drawn =',
  `hydrated), /publik's charts are SVG in its HTML. A new browser context per load (empty HTTP cache); the pages in`,
  `turn, ${RUNS} rounds, median (min–max), after one unmeasured round whose figure is "first after start" (the server's`,
  'response cache and DuckDB cold, except what the server warms when it opens the warehouse). **Filter change**: on the',
  'page just loaded and at rest, choosing another value (input + change events, as a person picking in the field) →',
  'the end of the last chart drawing after the page settled (SvelteKit loads the new data client-side; each month',
  'chosen once, so the server answers it from DuckDB, not from its cache; Dampak\'s three other outcomes and Audit\'s',
  'years of data in turn, so cached from the fourth round). "data" is the time until the last response of the change arrived. **HTML**: the page\'s',
  'decoded HTML; "transferred" is every byte of the load (HTML, scripts, styles, data). Ratios are median ÷ target.',
  '',
];
for (const r of results) {
  const tl = TARGET_LOAD[r.scale]!;
  lines.push(
    `### ${r.scale === 'city' ? 'City (the sample warehouse)' : 'Province (data/bench/province.duckdb)'}: ${r.units.toLocaleString('en')} units`,
    '',
    `First load — target ≤ ${tl} ms; HTML target ≤ 100 KB.`,
    '',
    '| page | first load, median (min–max) ms | ÷ target | target | first after start | hydrated (median) | FCP (median) | charts | HTML | ÷ 100 KB | transferred |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const p of r.pages) {
    const d = median(p.loads.map((l) => l.drawn));
    const html = median(p.loads.map((l) => l.html));
    lines.push(
      `| \`${p.pc.path}\` ${p.pc.name} | ${spread(p.loads.map((l) => l.drawn))} | ${(d / tl).toFixed(2)} | ${verdict(d, tl)} | ${ms(p.cold?.drawn ?? NaN)} | ` +
        `${ms(median(p.loads.map((l) => l.hydrated ?? NaN).filter(Number.isFinite)))} | ${ms(median(p.loads.map((l) => l.fcp ?? NaN).filter(Number.isFinite)))} | ${p.loads[0]?.charts ?? 0} | ` +
        `${kb(html)} | ${(html / TARGET_HTML).toFixed(2)}${html <= TARGET_HTML ? '' : ' (missed)'} | ${kb(median(p.loads.map((l) => l.transferred)))} |`,
    );
  }
  lines.push('', `Filter change — target ≤ ${TARGET_FILTER} ms.`, '', '| page | change | redrawn, median (min–max) ms | ÷ target | target | data (median) |', '|---|---|---|---|---|---|');
  for (const p of r.pages.filter((x) => x.pc.filter && x.changes.length)) {
    const c = median(p.changes.map((x) => x.ms));
    lines.push(
      `| \`${p.pc.path}\` | ${p.pc.filter!.name} | ${spread(p.changes.map((x) => x.ms))} | ${(c / TARGET_FILTER).toFixed(2)} | ${verdict(c, TARGET_FILTER)} | ${ms(median(p.changes.map((x) => x.data)))} |`,
    );
  }
  lines.push('', `Load average (1 / 5 / 15 min) before: ${r.loadBefore}; after: ${r.loadAfter}; highest 1-min while measuring: ${r.loadMax.toFixed(2)}.`, '');
}
lines.push(`Reproduce: \`npm run bench -- pages\` (BENCH_RUNS, BENCH_SCALES, BENCH_PROVINCE_DB; ${machine()}; the machine was shared with other work, see the load averages).`);
writeSection('Pages: first load and filter change (issue 16)', lines.join('\n'));
process.stdout.write(`${lines.join('\n')}\n`);
