/**
 * Dashboard benchmark (npm run bench -- dashboard): the production server (adapter-node, dashboard/build) on a
 * loopback port against (a) the city sample warehouse and (b) the province warehouse, measuring
 *
 * - the endpoints the overview page (Ringkasan) loads, under load: autocannon, 20 connections, BENCH_SECONDS
 *   (10) s each; p50/p95/p99 over every response (2xx only). Same URL again and again, so after the first
 *   request these are answers from the server's LRU of encoded bodies (what a dashboard serving many people sees);
 * - the same endpoints uncached: one request per month (the last 12), each a cache miss that runs the query and
 *   encodes Arrow;
 * - the Arrow payload against the same rows as JSON (bytes, raw and gzip);
 * - the first page load of the overview in Chromium (playwright-core, /usr/bin/chromium, new browser context
 *   each run = empty HTTP cache): navigation start → every chart's SVG in the DOM and no chart still loading its
 *   data (the heat map is fetched after the page shows), median of BENCH_LOADS (5). Every page, and the filter
 *   changes: bench/pages.bench.ts.
 *
 * Writes docs/benchmarks.md, section "Dashboard". Targets: p95 ≤ 50 ms (city), ≤ 150 ms (province); first load
 * ≤ 1.5 s (city). Nothing here asserts: the figures are reported as measured, with the machine's load.
 *
 * The province warehouse is data/bench/dashboard-province.duckdb (see provinceWarehouse); BENCH_REBUILD=1 rebuilds
 * it. BENCH_SCALES=city skips the province. The city warehouse is the browser tests' sample warehouse.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { ROOT, machine, median, percentile, writeSection } from './util.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startServer, type Server } from '../test/browser/harness.ts';
import { sampleWarehouse } from '../test/browser/sample-warehouse.ts';

// autocannon has no type declarations: type the part used here
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  throughput: { average: number };
}
interface AutocannonInstance {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  then: Promise<AutocannonResult>['then'];
}
type Autocannon = (opts: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CLI = join(ROOT, 'bin/seimbang.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const SCALES = (process.env.BENCH_SCALES ?? 'city,province').split(',');

/** what the overview page loads (layout + page), as it asks for them */
const OVERVIEW = [
  { name: 'months', path: '/api/months', monthly: false },
  { name: 'build-info', path: '/api/build-info', monthly: false },
  { name: 'overview', path: '/api/overview', monthly: true },
  { name: 'unit-load', path: '/api/unit-load?lang=id', monthly: true },
  { name: 'imbalance', path: '/api/imbalance?level=unit', monthly: false },
  { name: 'heatmap', path: '/api/heatmap', monthly: true },
] as const;

const log = (s: string) => process.stderr.write(`${s}\n`);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (b: number) => (b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);

/**
 * The province warehouse this benchmark reads: data/bench/dashboard-province.duckdb, its own file, because the build
 * benchmark (bench/build.bench.ts) deletes and rebuilds data/bench/province.duckdb while it runs. It is a copy of
 * data/bench/province.duckdb when that exists (again when that is newer), else built from data/bench/province
 * (generated when missing).
 */
function provinceWarehouse(): string {
  const input = join(ROOT, 'data/bench/province');
  const shared = join(ROOT, 'data/bench/province.duckdb');
  const db = join(ROOT, 'data/bench/dashboard-province.duckdb');
  // the copy is reused unless the build benchmark has built a newer warehouse since (a warehouse of an older
  // build lacks the tables and columns the dashboard of this version reads)
  const newer = existsSync(shared) && (!existsSync(db) || statSync(shared).mtimeMs > statSync(db).mtimeMs);
  if (existsSync(db) && !newer && process.env.BENCH_REBUILD !== '1') return db;
  if (existsSync(shared) && process.env.BENCH_REBUILD !== '1') {
    log(`copying ${shared} to ${db} …`);
    copyFileSync(shared, `${db}.copying`);
    renameSync(`${db}.copying`, db);
    return db;
  }
  if (!existsSync(join(input, '_truth'))) {
    log(`generating the province sample in ${input} …`);
    execFileSync(process.execPath, [CLI, 'sample', '--scale', 'province', '--out', input], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  log(`building ${db} (a few minutes) …`);
  execFileSync(process.execPath, [CLI, 'build', '--input', input, '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
  return db;
}

async function get(server: Server, path: string): Promise<{ ms: number; bytes: Uint8Array; status: number }> {
  const t = performance.now();
  // the analysis pages and their data need an account (dashboard/src/lib/server/access.ts): signed in as leadership
  const res = await server.fetch(path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { ms: performance.now() - t, bytes, status: res.status };
}

/** the rows of an Arrow answer as the JSON an equivalent endpoint would send (dates as ISO strings) */
function asJson(bytes: Uint8Array): string {
  const rows = tableFromIPC(bytes).toArray().map((r) => r.toJSON());
  return JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
}

async function loadTest(server: Server, path: string): Promise<{ p50: number; p95: number; p99: number; rps: number; n: number; errors: number }> {
  // 2 s unmeasured first: the JIT and the connection pool warm up, the answer is in the cache
  const headers = { Cookie: await server.cookie() };
  await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: 2, headers });
  const times: number[] = [];
  const inst = autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: SECONDS, headers });
  inst.on('response', (_c, status, _b, t) => {
    if (status >= 200 && status < 300) times.push(t);
  });
  const r = await inst;
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: r.requests.average,
    n: times.length,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

interface PageLoad {
  drawn: number;
  fcp: number | null;
  dcl: number;
  server: number;
}

// drawn: every chart container has its SVG and no chart card still says "Memuat…" (the heat map's data is fetched
// after the page shows: without this the mark came before the heat map was drawn); bench/pages.bench.ts the same
const DRAWN_SCRIPT = `
  new MutationObserver(function (_records, observer) {
    var charts = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
    var loading = Array.prototype.some.call(document.querySelectorAll('section.chart .notice-title'), function (n) {
      return n.textContent.trim() === 'Memuat…';
    });
    if (charts.length > 0 && !loading && charts.every(function (c) { return c.querySelector('svg'); })) {
      window.__drawn = performance.now();
      performance.mark('charts-drawn');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** navigation start → all charts drawn, each run in a new browser context (cold HTTP cache) */
async function pageLoads(server: Server, runs: number): Promise<PageLoad[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const out: PageLoad[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      const [name, value] = (await server.cookie()).split('=') as [string, string];
      await ctx.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
      const page = await ctx.newPage();
      // mark the moment the last chart container gets its SVG (the charts draw after hydration); a string, since
      // tsx would wrap a named function in a helper the page does not have
      await page.addInitScript(DRAWN_SCRIPT);
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __drawn?: number }).__drawn !== undefined, undefined, { timeout: 30_000 });
      out.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return {
            drawn: (window as unknown as { __drawn: number }).__drawn,
            fcp: fcp ? fcp.startTime : null,
            dcl: nav.domContentLoadedEventEnd,
            server: nav.responseEnd - nav.requestStart,
          };
        }),
      );
      await page.close();
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

interface ScaleResult {
  scale: string;
  db: string;
  units: number;
  rows: string[];
  sizes: string[];
  loads: PageLoad[];
  firstLoad: PageLoad | null;
  worstP95: number;
  loadBefore: string;
  loadAfter: string;
}

async function benchScale(scale: string, db: string): Promise<ScaleResult> {
  const server = await startServer(db);
  const loadBefore = load();
  try {
    // the very first page load: nothing cached in the server yet (what the first visitor after a rebuild sees)
    log(`[${scale}] first page load (cold server cache) …`);
    const [firstLoad] = await pageLoads(server, 1);
    const months = asJson((await get(server, '/api/months')).bytes);
    const monthKeys = (JSON.parse(months) as { month: number }[]).map((m) => new Date(m.month).toISOString().slice(0, 7));
    const units = (JSON.parse(asJson((await get(server, '/api/units')).bytes)) as unknown[]).length;

    const rows: string[] = [];
    const sizes: string[] = [];
    let worstP95 = 0;
    for (const e of OVERVIEW) {
      // uncached: one request per month (the last 12), each a cache miss (query + Arrow encoding)
      const cold: number[] = [];
      if (e.monthly) {
        for (const m of monthKeys.slice(-12)) {
          const sep = e.path.includes('?') ? '&' : '?';
          cold.push((await get(server, `${e.path}${sep}month=${m}`)).ms);
        }
      }
      const first = await get(server, e.path); // the default (latest month): a miss unless the page load above cached it
      log(`[${scale}] ${e.path}: autocannon ${CONNECTIONS} connections × ${SECONDS} s …`);
      const r = await loadTest(server, e.path);
      worstP95 = Math.max(worstP95, r.p95);
      rows.push(
        `| \`${e.path}\` | ${ms(r.p50)} | **${ms(r.p95)}** | ${ms(r.p99)} | ${Math.round(r.rps).toLocaleString('en')} | ${r.errors} | ` +
          `${cold.length ? `${ms(median(cold))} / ${ms(Math.max(...cold))}` : `${ms(first.ms)} (first)`} |`,
      );
      const json = asJson(first.bytes);
      const jb = Buffer.byteLength(json);
      const ab = first.bytes.byteLength;
      const jz = gzipSync(json).byteLength;
      const az = gzipSync(first.bytes).byteLength;
      sizes.push(`| \`${e.path}\` | ${tableFromIPC(first.bytes).numRows.toLocaleString('en')} | ${kb(ab)} | ${kb(jb)} | **${(jb / ab).toFixed(2)}** | ${kb(az)} | ${kb(jz)} |`);
    }
    log(`[${scale}] page loads …`);
    const loads = await pageLoads(server, LOADS);
    return { scale, db, units, rows, sizes, loads, firstLoad: firstLoad ?? null, worstP95, loadBefore, loadAfter: load() };
  } finally {
    await server.stop();
  }
}

const results: ScaleResult[] = [];
for (const scale of SCALES) {
  const db = scale === 'city' ? await sampleWarehouse(log) : scale === 'province' ? provinceWarehouse() : null;
  if (!db) throw new Error(`unknown scale ${scale} (city, province)`);
  results.push(await benchScale(scale, db));
}

const TARGET: Record<string, { p95: number; load?: number }> = { city: { p95: 50, load: 1500 }, province: { p95: 150 } };
const lines: string[] = [
  'The production server (`node dashboard/build`) on 127.0.0.1 against a warehouse file; the load generator',
  `(autocannon, ${CONNECTIONS} connections, ${SECONDS} s per endpoint after 2 s of unmeasured warm-up) and Chromium run on the`,
  'same machine. Latencies in ms. Under load the same URL is asked again and again, so after its first answer the',
  'server serves the encoded bytes from its in-process LRU (keyed by build time + endpoint + parameters): the steady',
  'state of a dashboard many people open. "Uncached" is one request per month for the last 12 months (each a cache',
  'miss: the DuckDB query plus the Arrow encoding), median / max; for endpoints without a month, the first request.',
  '',
  'What keeps these figures where they are: the server warms its response cache for the overview page (latest month)',
  'whenever it opens a warehouse (dashboard/src/lib/server/warm.ts); the heat map sends at most 60 units (the most',
  'often understaffed: a province has ~900) and the EJ bar chart draws the 30 highest and 30 lowest; the data tables',
  'under the charts are built when opened, not hydrated with the page.',
  '',
];
for (const r of results) {
  const t = TARGET[r.scale]!;
  const drawn = r.loads.map((l) => l.drawn);
  lines.push(
    `### ${r.scale === 'city' ? 'City (sample warehouse, data/sample)' : 'Province (data/bench/province, 17 regencies/cities)'}: ${r.units.toLocaleString('en')} units`,
    '',
    `Endpoints of the overview page — target p95 ≤ ${t.p95} ms; worst p95 here **${ms(r.worstP95)} ms** (${r.worstP95 <= t.p95 ? 'met' : 'missed'}).`,
    '',
    '| endpoint | p50 | p95 | p99 | req/s | errors | uncached median / max |',
    '|---|---|---|---|---|---|---|',
    ...r.rows,
    '',
    'Payload: Arrow IPC stream vs the same rows as JSON (array of objects, dates as ISO strings); the server sends',
    'Arrow uncompressed (gzip shown for reference).',
    '',
    '| endpoint | rows | Arrow | JSON | JSON ÷ Arrow | Arrow gzip | JSON gzip |',
    '|---|---|---|---|---|---|---|',
    ...r.sizes,
    '',
    `First page load of the overview in Chromium (new context each time, empty HTTP cache), navigation start → all ` +
      `charts drawn: median **${ms(median(drawn))} ms** of ${drawn.length} (min ${ms(Math.min(...drawn))}, max ${ms(Math.max(...drawn))})` +
      (t.load ? `, target ≤ ${t.load} ms (${median(drawn) <= t.load ? 'met' : 'missed'})` : '') +
      `; first contentful paint median ${ms(median(r.loads.map((l) => l.fcp ?? NaN).filter(Number.isFinite)))} ms; ` +
      `HTML response (server-side render with the data inlined) median ${ms(median(r.loads.map((l) => l.server)))} ms.` +
      (r.firstLoad ? ` The very first load after the server started (nothing cached yet): ${ms(r.firstLoad.drawn)} ms.` : ''),
    '',
    `Load average (1 / 5 / 15 min) before: ${r.loadBefore}; after: ${r.loadAfter}.`,
    '',
  );
}
lines.push(`Reproduce: \`npm run bench -- dashboard\` (${machine()}; the machine was shared with other work, see the load averages).`);
writeSection('Dashboard', lines.join('\n'));
process.stdout.write(`${lines.join('\n')}\n`);
