/**
 * Browser-test harness: builds the dashboard when its build is missing or older than its sources, starts the
 * production server (adapter-node) on a free port against a test warehouse, drives the system Chromium through
 * playwright-core, collects console errors, saves screenshots and runs axe-core.
 *
 * The test warehouse is `SEIMBANG_TEST_DB` when set, else the real sample warehouse (data/sample built by the
 * real builder, cached under test/artifacts/warehouse/ by a hash of its inputs: sample-warehouse.ts). The small
 * SQL fixture of fixture-warehouse.ts is only for what the sample cannot show (a warehouse replaced while the
 * server runs, no warehouse at all). The server reads either exactly as in production (env SEIMBANG_DB).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { sampleWarehouse } from './sample-warehouse.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = path.join(REPO, 'test', 'artifacts');
export const CHROMIUM = '/usr/bin/chromium';
const BUILD_ENTRY = path.join(REPO, 'dashboard', 'build', 'index.js');
const SOURCES = ['dashboard/src', 'dashboard/static', 'dashboard/svelte.config.js', 'dashboard/vite.config.ts', 'pipeline/domain', 'pipeline/simulate', 'pipeline/sim-state', 'pipeline/optimize', 'app-store'];

export const VIEWPORTS = {
  desktop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

// ------------------------------------------------------------------ build

function newestMtime(p: string): number {
  const full = path.join(REPO, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(full, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    max = Math.max(max, newestMtime(path.join(p, e.name)));
  }
  return max;
}

/** True when dashboard/build is missing or older than any source file. */
export function dashboardBuildIsStale(): boolean {
  if (!existsSync(BUILD_ENTRY)) return true;
  const built = statSync(BUILD_ENTRY).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

let built = false;
/** Build the dashboard (once per test process) if it is missing or stale. */
export function ensureDashboardBuilt(): void {
  if (built || !dashboardBuildIsStale()) {
    built = true;
    return;
  }
  const vite = path.join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'dashboard/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`dashboard build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  built = true;
}

// ------------------------------------------------------------------ warehouse

export interface TestWarehouse {
  file: string;
  cleanup(): void;
}

/** The warehouse the page, API and privacy tests run against: SEIMBANG_TEST_DB, else the sample warehouse. */
export async function testWarehouse(): Promise<TestWarehouse> {
  if (process.env.SEIMBANG_TEST_DB) {
    return { file: path.resolve(process.env.SEIMBANG_TEST_DB), cleanup() {} };
  }
  return { file: await sampleWarehouse(), cleanup() {} };
}

// ------------------------------------------------------------------ server

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  proc: ChildProcess;
  logs: string[];
  /** the server's application store (users, sessions, audit log): a temp file unless given */
  appDb: string;
  /**
   * `fetch(server.url + path)` signed in as a leadership account (created on first use): the analysis pages and
   * their data need an account (lib/server/access.ts); anonymous requests use the global `fetch`.
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** the Cookie header value of that account's session */
  cookie(): Promise<string>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** an existing application store (to test a restart); default: a new one in a temp folder */
  appDb?: string;
  /** extra environment (e.g. a short session, a tight rate limit) */
  env?: Record<string, string>;
}

/**
 * Start the production dashboard server on a free port with SEIMBANG_DB = `db` and its own application store.
 * The per-client rate limit is off unless `env` sets it: the tests crawl faster than a visitor.
 */
export async function startServer(db: string, opts: ServerOptions = {}): Promise<Server> {
  ensureDashboardBuilt();
  const port = await freePort();
  const logs: string[] = [];
  const ownDir = opts.appDb ? null : mkdtempSync(path.join(os.tmpdir(), 'seimbang-app-'));
  const appDb = opts.appDb ?? path.join(ownDir!, 'app.sqlite');
  const proc = spawn(process.execPath, [BUILD_ENTRY], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEIMBANG_DB: db,
      SEIMBANG_APP_DB: appDb,
      ORIGIN: `http://127.0.0.1:${port}`,
      SEIMBANG_RATE_PER_SECOND: '0',
      SEIMBANG_SIGNIN_PER_MINUTE: '100000',
      ...(opts.env ?? {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => logs.push(String(d)));
  proc.stderr!.on('data', (d) => logs.push(String(d)));
  let stopping = false;
  // a server that dies under a test says why (the test itself only sees "other side closed")
  proc.on('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`[harness] the server exited (code ${code}, signal ${signal}):\n${logs.join('').slice(-4000)}\n`);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}:\n${logs.join('')}`);
    try {
      const r = await fetch(`${url}/api`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${logs.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  let session: Promise<string> | null = null;
  const server: Server = {
    url,
    proc,
    logs,
    appDb,
    cookie: () => (session ??= addAccount(server, 'pimpinan').then((a) => sessionCookie(server, a))),
    fetch: async (p, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Cookie', await server.cookie());
      return fetch(`${url}${p}`, { ...init, headers });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (ownDir) rmSync(ownDir, { recursive: true, force: true });
          resolve();
        };
        stopping = true;
        if (proc.exitCode !== null || proc.signalCode !== null) return done(); // exited already: no 'exit' to come
        proc.once('exit', done);
        proc.kill('SIGTERM');
        setTimeout(() => proc.exitCode === null && proc.kill('SIGKILL'), 5000).unref();
      }),
  };
  return server;
}

// ------------------------------------------------------------------ accounts

export type AccountRole = 'pimpinan' | 'analis' | 'admin';
export interface Account {
  username: string;
  password: string;
  role: AccountRole;
}

let accountSeq = 0;
/**
 * Add an account to the server's application store — from the test process, while the server runs, as the CLI
 * would — with a chosen password (no one-time password to change).
 */
export async function addAccount(server: Server, role: AccountRole, username = `${role}${++accountSeq}`): Promise<Account> {
  const { openStore } = await import('../../app-store/store.ts');
  const { addUser, CLI_ACTOR } = await import('../../app-store/users.ts');
  const db = openStore(server.appDb);
  try {
    const password = `kata-sandi-uji-${role}-${accountSeq}-Xy7`;
    await addUser(db, CLI_ACTOR, { username, role, password });
    return { username, password, role };
  } finally {
    db.close();
  }
}

/** Sign in over HTTP (the sign-in form's POST) and return the Cookie header value of the session. */
export async function sessionCookie(server: Server, account: Account): Promise<string> {
  const res = await fetch(`${server.url}/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Accept: 'text/html' },
    body: new URLSearchParams({ username: account.username, password: account.password, next: '/' }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('seimbang_sesi='));
  if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${account.username} failed: HTTP ${res.status}`);
  return cookie.split(';')[0]!;
}

/** Sign in through the form in the browser (the session cookie then applies to every page of the context). */
export async function signInPage(page: Page, server: Server, account: Account): Promise<void> {
  await watchHydration(page);
  await page.goto(`${server.url}/masuk`);
  await waitForHydration(page);
  await page.fill('input[name=username]', account.username);
  await page.fill('input[name=password]', account.password);
  // 'commit': the redirect is what is tested here; the page it lands on is awaited by whatever the caller does next.
  // A refusal says why at once instead of waiting out the timeout.
  const left = page.waitForURL((u) => u.pathname !== '/masuk', { waitUntil: 'commit' }).then(() => '');
  const notice = page.getByTestId('sign-in-error');
  const refused = notice.waitFor().then(() => notice.innerText());
  left.catch(() => {});
  refused.catch(() => {});
  await page.click('form.sign-in button[type=submit]');
  const why = await Promise.race([left, refused]);
  if (why) throw new Error(`signing in as ${account.username} was refused: ${why}`);
}

const hydrationWatched = new WeakSet<Page>();
/**
 * Mark when SvelteKit's router starts on each page `page` loads from now on: it adds its one popstate listener right
 * after hydrating (bench/pages.bench.ts detects it the same way). Call before `goto`.
 */
export async function watchHydration(page: Page): Promise<void> {
  if (hydrationWatched.has(page)) return;
  hydrationWatched.add(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __hydrated?: boolean };
    const add = window.addEventListener;
    window.addEventListener = function (this: Window, ...args: Parameters<typeof add>) {
      if (args[0] === 'popstate') w.__hydrated = true;
      return add.apply(this, args);
    } as typeof add;
  });
}

/**
 * Wait until the page has hydrated (watchHydration first). Fields filled before hydration can be emptied by it; a
 * form's `required` then stops the submit without a word, and the test waits for a navigation that never comes (a
 * sign-in on a loaded machine, stops 22 and 23).
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
}

// ------------------------------------------------------------------ browser

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless system Chromium with a fresh user-data dir; with `signedInTo`, the context carries that server's
 * leadership session (Server.cookie), so the analysis pages open as a signed-in pimpinan would see them.
 */
export async function launchBrowser(signedInTo?: Server): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`node test/browser/ensure-chromium.js\` (npm run test:browser does).`);
  }
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORTS.desktop,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  // Playwright's 30 s default is a timed assertion in disguise: on a shared 2-core machine during CI a cold page has
  // taken longer. These tests assert what the pages show, not how fast (speed is `npm run bench`'s job).
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  const browser: Browser = {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  if (signedInTo) await useServerSession(browser, signedInTo);
  return browser;
}

export interface TrackedPage {
  page: Page;
  /** console errors and uncaught exceptions seen on this page */
  errors: string[];
}

/** A new page that records console errors and page errors. */
export async function newPage(browser: Browser, viewport: ViewportName = 'desktop'): Promise<TrackedPage> {
  const page = await browser.context.newPage();
  await page.setViewportSize(VIEWPORTS[viewport]);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  // a request the browser cancelled because the page navigated on (a goto while the last page still fetched its
  // scripts or icon) is no failure of the page: requests are numbered by the main-frame navigation they belong to
  let navigations = 0;
  const issuedIn = new WeakMap<object, number>();
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations += 1;
    else issuedIn.set(req, navigations);
  });
  page.on('requestfailed', (req) => {
    const aborted = req.failure()?.errorText === 'net::ERR_ABORTED';
    // downloads triggered by tests are not failures
    // nor is a SvelteKit data request that the router aborted because a newer navigation or invalidation superseded it
    // nor the app's own immutable files (a script, the icon) cancelled while the page was left for the next one
    const path = new URL(req.url()).pathname;
    const ownFile = path.startsWith('/_app/') || path.startsWith('/favicon');
    const superseded = aborted && (ownFile || path.endsWith('/__data.json') || (issuedIn.get(req) ?? navigations) < navigations);
    if (!req.url().includes('format=csv') && !superseded) errors.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  return { page, errors };
}

/**
 * Wait until SvelteKit has hydrated, every chart container has drawn (or the page has none) and nothing says it is
 * loading (`aria-busy`: rows a page asks for after it is shown, lib/deferred.svelte.ts).
 */
export async function waitForCharts(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const charts = [...document.querySelectorAll('[data-chart]')];
      return charts.every((c) => c.querySelector('svg')) && !document.querySelector('[aria-busy="true"]');
    },
    undefined,
    { timeout: 60_000 },
  );
}

export async function gotoAndSettle(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await waitForCharts(page);
}

/**
 * Open a chart's data table (`scope`: the chart's card) and wait until its rows are there: the table is built
 * only when its <details> opens (Chart.svelte), a moment after the click returns.
 */
export async function openDataTable(page: Page, scope: string): Promise<void> {
  await page.locator(`${scope} details.data-table > summary`).click();
  await page.locator(`${scope} details.data-table table tbody tr`).first().waitFor();
}

/** Full-page screenshot to test/artifacts/<name>-<viewport>.png at the given width. */
export async function screenshot(page: Page, name: string, viewport: ViewportName): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize(VIEWPORTS[viewport]);
  // charts redraw on resize; give them a moment
  await page.waitForTimeout(250);
  await waitForCharts(page);
  const file = path.join(ARTIFACTS, `${name}-${viewport}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe-core in the page; return the serious and critical violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol: the page's Content-Security-Policy admits no injected <script>
  await page.evaluate(readFileSync(path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<any> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Press Tab through the page and return the focusable controls never reached.
 * Controls: links, buttons, selects, inputs, summaries and [tabindex>=0] that are visible.
 */
export async function unreachableByTab(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const sel = 'a[href], button:not([disabled]), select:not([disabled]), input:not([type=hidden]):not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    const els = [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const inClosedDetails = el.closest('details:not([open])') && el.tagName !== 'SUMMARY';
      return !inClosedDetails && style.visibility !== 'hidden' && style.display !== 'none' && (r.width > 0 || r.height > 0 || el.classList.contains('skip'));
    });
    els.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    (document.activeElement as HTMLElement | null)?.blur();
    return els.length;
  });
  const seen = new Set<string>();
  await page.locator('body').focus().catch(() => undefined);
  for (let i = 0; i < total + 15; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kb') ?? null);
    if (id !== null) seen.add(id);
    if (seen.size === total) break;
  }
  return page.evaluate((seenIds) => {
    const missing: string[] = [];
    document.querySelectorAll<HTMLElement>('[data-kb]').forEach((el) => {
      if (!seenIds.includes(el.getAttribute('data-kb')!)) missing.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`);
    });
    return missing;
  }, [...seen]);
}

/**
 * Number of drawn Plot marks of a kind (Plot's mark name: "bar", "dot", "cell", "line", "rect", "link", …)
 * inside a chart container. Plot labels each mark's <g>; the dashboard moves that label to `data-mark`.
 */
export async function markCount(page: Page, chartId: string, mark: string): Promise<number> {
  return page.evaluate(
    ([id, m]) => document.querySelectorAll(`[data-chart="${id}"] svg g[data-mark="${m}"] :is(rect, circle, path, line, text)`).length,
    [chartId, mark] as const,
  );
}

/** The markup of a chart (figure, legend and SVG), to compare before/after a filter change. */
export async function chartMarkup(page: Page, chartId: string): Promise<string> {
  return page.evaluate((id) => document.querySelector(`[data-chart="${id}"]`)?.innerHTML ?? '', chartId);
}

/** Sign a whole browser context in, as a new account of a role or as a given account (its session cookie applies to every page). */
export async function signInContext(browser: Browser, server: Server, who: AccountRole | Account): Promise<string> {
  const cookie = await sessionCookie(server, typeof who === 'string' ? await addAccount(server, who) : who);
  const [name, value] = cookie.split('=') as [string, string];
  await browser.context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return cookie;
}

/** Put the server's own leadership session (Server.cookie) into a browser context: its pages open signed in. */
export async function useServerSession(browser: Browser, server: Server): Promise<void> {
  const [name, value] = (await server.cookie()).split('=') as [string, string];
  await browser.context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
}
