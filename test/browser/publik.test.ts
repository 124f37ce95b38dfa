/**
 * The public transparency report (/publik), its downloads, its static export and the anonymous rating distribution,
 * on the sample warehouse:
 * - disclosure (UU 27/2022): no published count of people is 1 … k−1, and no suppressed count can be recovered
 *   from what is published — an integer program (HiGHS) solves for every hidden cell from the shown cells, the totals
 *   and the relations between the report's tables, and fails when one has a single possible value;
 * - personal data: every page, endpoint and file (and the exported folder) is scanned for every NIP and name in the
 *   warehouse, any 18-digit number and any birth date;
 * - the page at desktop and phone width, print to PDF, the downloads, axe; the export opens from a plain folder with
 *   the same content as /publik.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance, DOUBLE, VARCHAR } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { ARTIFACTS, REPO, launchBrowser, newPage, runAxe, startServer, testWarehouse, type Browser, type Server } from './harness.ts';
import { collectPublik } from '../../dashboard/src/lib/server/publik/collect.ts';
import type { PublikReport } from '../../dashboard/src/lib/publik/report.ts';
import type { DisclosedTable, Link } from '#domain/disclosure.ts';
import { solveHiddenCells } from '../helpers/disclosure-solver.ts';

let wh: Awaited<ReturnType<typeof testWarehouse>>;
let server: Server;
let browser: Browser;
let report: PublikReport;
let exportDir: string;
let personal: { nips: string[]; names: string[]; birthDates: string[] };
let unitIds: string[] = [];
let lastMonth = '';
/** the raw rating distributions (before disclosure), for the "the rule bites" check */
let rawRatingCells: number[] = [];

async function withDb<T>(file: string, f: (run: (sql: string, params?: Record<string, string | number | null>) => Promise<any>) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(file, file === ':memory:' ? {} : { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  try {
    return await f(async (sql, params = {}) => {
      const p = await con.prepare(sql);
      for (let i = 1; i <= p.parameterCount; i++) {
        const v = params[p.parameterName(i)];
        if (v === undefined || v === null) p.bindNull(i);
        else p.bindValue(i, v, typeof v === 'number' ? DOUBLE : VARCHAR);
      }
      const r = await p.runAndReadAll();
      return { names: r.columnNames(), types: r.columnTypes(), columns: r.getColumnsJS(), rowCount: r.currentRowCount, rows: r.getRows() };
    });
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  wh = await testWarehouse();
  await withDb(wh.file, async (run) => {
    report = await collectPublik(run);
    const col = async (sql: string) => ((await run(sql)).rows as unknown[][]).map((r) => String(r[0]));
    personal = {
      nips: await col('SELECT DISTINCT nip FROM employee WHERE nip IS NOT NULL'),
      names: await col('SELECT DISTINCT name FROM employee WHERE length(name) >= 6'),
      // as in privacy.test.ts: the 1st of a month (every month value) and the dates of transfers are left to the other checks
      birthDates: await col(`
        SELECT DISTINCT strftime(birth_date, '%Y-%m-%d') FROM employee
        WHERE birth_date IS NOT NULL AND day(birth_date) <> 1
          AND birth_date NOT IN (SELECT effective_date FROM transfer UNION SELECT decree_date FROM transfer WHERE decree_date IS NOT NULL)`),
    };
    unitIds = await col('SELECT unit_id FROM unit ORDER BY unit_id');
    lastMonth = (await col(`SELECT strftime(max(month), '%Y-%m') FROM unit_load_monthly`))[0]!;
    const perf = await run(`
      WITH m AS (SELECT max(month) AS month FROM unit_load_monthly),
      people AS (SELECT DISTINCT h.unit_id, h.nip FROM employee_position_history h, m
                 WHERE h.valid_from <= m.month AND (h.valid_to IS NULL OR h.valid_to > m.month)),
      latest AS (SELECT p.nip, arg_max(p.rating_rank, p.period) AS r FROM performance p, m WHERE p.period <= m.month GROUP BY p.nip)
      SELECT CAST(count(*) AS INTEGER) FROM people JOIN latest USING (nip) GROUP BY unit_id, r`);
    rawRatingCells = (perf.rows as unknown[][]).map((r) => Number(r[0]));
  });
  expect(personal.nips.length).toBeGreaterThan(0);
  server = await startServer(wh.file);
  browser = await launchBrowser();
  exportDir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-publik-export-'));
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'seimbang.js'), 'export-public', '--db', wh.file, '--out', exportDir], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`export-public failed (${r.status}): ${r.stderr}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (exportDir) rmSync(exportDir, { recursive: true, force: true });
  wh?.cleanup();
});

// ------------------------------------------------------------------ disclosure

/** every count of people the report shows, with where it is */
function publishedCounts(r: PublikReport): Array<{ where: string; value: number }> {
  const out: Array<{ where: string; value: number }> = [];
  const table = (t: DisclosedTable) => {
    t.cells.forEach((row, i) => row.forEach((c, j) => c.value !== null && out.push({ where: `${t.id} ${t.rows[i]} ${t.cols[j]}`, value: c.value })));
    t.rowTotals?.forEach((c, i) => c.value !== null && out.push({ where: `${t.id} ${t.rows[i]} total`, value: c.value }));
    t.colTotals?.forEach((c, j) => c.value !== null && out.push({ where: `${t.id} total ${t.cols[j]}`, value: c.value }));
    if (t.total?.value != null) out.push({ where: `${t.id} total`, value: t.total.value });
  };
  [r.staffByBand, r.transfersByReason, r.transfersByKind, ...r.compliance.map((c) => c.table)].forEach(table);
  r.units.forEach((u) => u.staff.value !== null && out.push({ where: `unit ${u.unit_name}`, value: u.staff.value }));
  if (r.unitsStaffTotal.value !== null) out.push({ where: 'units total', value: r.unitsStaffTotal.value });
  // who is moved (issue 16): people in each group, people moved, transfers
  for (const f of r.fairness) for (const c of ['staff', 'moved', 'transfers'] as const) if (f[c] !== null) out.push({ where: `fairness ${f.dimension} ${f.group_key} ${c}`, value: f[c]! });
  return out;
}

/** The report's tables as a reader sees them, and the relations between them stated independently of report.ts. */
function readerView(r: PublikReport): { tables: DisclosedTable[]; links: Link[] } {
  const units: DisclosedTable = {
    id: 'units', rows: r.units.map((u) => u.unit_name), cols: ['staff'], cells: r.units.map((u) => [u.staff]),
    rowTotals: null, colTotals: [r.unitsStaffTotal], total: null,
  };
  const tables = [r.staffByBand, units, r.transfersByReason, r.transfersByKind, ...r.compliance.map((c) => c.table)];
  const last = r.staffByBand.rows.indexOf(r.lastMonth);
  const unitsWhere = (band: string) => r.units.flatMap((u, i) => (u.band === band ? [{ table: 'units', row: i, col: 0 as const }] : []));
  const links = ([
    // the staff of the latest month is the sum of the units' staff; by band too (each unit's band is shown)
    { total: { table: r.staffByBand.id, row: last, col: 'total' }, parts: r.units.map((_, i) => ({ table: 'units', row: i, col: 0 })) },
    { total: { table: r.staffByBand.id, row: last, col: 0 }, parts: unitsWhere('overloaded') },
    { total: { table: r.staffByBand.id, row: last, col: 2 }, parts: unitsWhere('slack') },
    // a quarter's transfers by kind and by reason are the same transfers
    ...r.transfersByReason.rows.map((_, q) => ({ total: { table: r.transfersByKind.id, row: q, col: 'total' as const }, parts: [{ table: r.transfersByReason.id, row: q, col: 'total' as const }] })),
    // a year's transfers checked against each rule are that year's transfers
    ...r.compliance.flatMap((c) =>
      c.table.rows.map((y, i) => ({
        total: { table: c.table.id, row: i, col: 'total' as const },
        parts: r.transfersByReason.rows.flatMap((q, qi) => (q.startsWith(`${y}-`) ? [{ table: r.transfersByReason.id, row: qi, col: 'total' as const }] : [])),
      })),
    ),
  ] as Link[]).filter((l) => l.parts.length > 0);
  return { tables, links };
}

describe('disclosure control of the report (UU 27/2022)', () => {
  it('shows no count of 1 … k−1 people, and does suppress some on the sample', () => {
    const k = report.k;
    expect(k).toBe(5);
    const small = publishedCounts(report).filter((c) => c.value > 0 && c.value < k);
    expect(small).toEqual([]);
    const hidden = [report.transfersByReason, ...report.compliance.map((c) => c.table)].flatMap((t) => t.cells.flat()).filter((c) => c.status === 'primary');
    expect(hidden.length, 'the sample has quarters and rules with 1–4 transfers').toBeGreaterThan(5);
  });

  it('offers who is moved: by golongan, sex, age band and how often, with counts of 1–4 people hidden', async () => {
    expect(new Set(report.fairness.map((f) => f.dimension))).toEqual(new Set(['golongan', 'sex', 'age_band', 'repeat']));
    expect(report.fairness.some((f) => f.moved !== null && f.moved >= 5)).toBe(true);
    // the repeat movers of the sample: people moved twice or more in the window exist, in few numbers
    expect(report.fairness.some((f) => f.dimension === 'repeat' && f.group_key !== '1')).toBe(true);
    expect(report.downloads.map((d) => d.id)).toContain('mutasi-siapa');
  });

  it('no suppressed cell can be recovered from the published cells and totals (integer program, HiGHS)', async () => {
    const { tables, links } = readerView(report);
    const solved = await solveHiddenCells(tables, report.k, links);
    expect(solved.length).toBeGreaterThan(0);
    const recovered = solved.filter((s) => s.min === s.max && s.max > 0);
    expect(recovered, JSON.stringify(recovered)).toEqual([]);
  });

  it('a rule that cannot be checked says so, never "met"', async () => {
    // the same warehouse with no election dates: every election-ban check is unknown
    const noDates = await withDb(wh.file, async (run) =>
      collectPublik(async (sql, params) => {
        const res = await run(sql, params);
        if (!res.names.includes('rule') || !res.names.includes('unknown')) return res;
        const ruleCol = res.names.indexOf('rule');
        const [p, f, u] = ['passed', 'failed', 'unknown'].map((n) => res.names.indexOf(n));
        for (let i = 0; i < res.rowCount; i++) {
          if (res.columns[ruleCol][i] !== 'election_ban') continue;
          res.columns[u!][i] = res.columns[p!][i] + res.columns[f!][i] + res.columns[u!][i];
          res.columns[p!][i] = 0;
          res.columns[f!][i] = 0;
        }
        return res;
      }),
    );
    const ban = noDates.compliance.find((c) => c.rule === 'election_ban')!;
    expect(ban.years.map((y) => y.state)).toEqual(ban.years.map(() => 'not_checkable'));
    expect(ban.years.every((y) => y.rate === null && y.rate_at_least === null)).toBe(true);
  });
});

describe('the rating distribution /api/units/{id}/performance (signed in; the disclosure rule holds for every role)', () => {
  it('the rule bites: the raw distributions hold many cells of 1–4 people', () => {
    expect(rawRatingCells.filter((n) => n > 0 && n < 5).length).toBeGreaterThan(10);
  });

  it('answers no count of 1–4 people for any unit, and none can be recovered from its total', async () => {
    let hiddenSeen = 0;
    for (const id of unitIds) {
      const text = await (await server.fetch(`/api/units/${encodeURIComponent(id)}/performance?format=csv&month=${lastMonth}`)).text();
      const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('rating_rank,rating,employees,suppression,people_in_unit,people_not_rated,min_cell_size');
      const rows = lines.slice(1).map((l) => l.split(','));
      const num = (s: string | undefined) => (s === '' || s === undefined ? null : Number(s));
      for (const r of rows) {
        for (const v of [num(r[2]), num(r[4]), num(r[5])]) if (v !== null) expect(v === 0 || v >= 5, `${id}: ${r.join(',')}`).toBe(true);
      }
      // the people without a rating and the people in the unit are hidden without saying why: a reader knows ≥ 0
      const cells = [...rows.map((r) => ({ value: num(r[2]), status: r[3] || 'published' })), { value: num(rows[0]![5]), status: num(rows[0]![5]) === null ? 'unknown' : 'published' }];
      const total = num(rows[0]![4]);
      const statusOf = (c: { value: number | null; status: string }) => (c.value !== null ? 'published' : c.status);
      const table: DisclosedTable = {
        id: id, rows: cells.map((_, i) => String(i)), cols: ['n'],
        cells: cells.map((c) => [{ value: c.value, status: statusOf(c) as 'published' }]),
        rowTotals: null, colTotals: [{ value: total, status: (total === null ? 'unknown' : 'published') as 'published' }], total: null,
      };
      hiddenSeen += cells.filter((c) => c.value === null).length;
      const solved = await solveHiddenCells([table], 5);
      expect(solved.filter((s) => s.min === s.max && s.max > 0), id).toEqual([]);
    }
    expect(hiddenSeen).toBeGreaterThan(10);
  });
});

// ------------------------------------------------------------------ personal data

const NIP_LIKE = [/(?<![\d.])\d{18}(?![\d.])/, /(?<![\d.])\d{8}[ .]\d{6}[ .]\d[ .]\d{3}(?![\d.])/];

function personalHits(text: string): string[] {
  const hits: string[] = [];
  for (const re of NIP_LIKE) {
    const m = re.exec(text);
    if (m) hits.push(`NIP-like ${m[0]}`);
  }
  for (const nip of personal.nips) if (text.includes(nip)) hits.push(`NIP ${nip}`);
  for (const name of personal.names) if (text.includes(name)) hits.push(`name ${name}`);
  for (const d of personal.birthDates) {
    const [y, m, day] = d.split('-');
    for (const form of [d, `${day}-${m}-${y}`, `${day}/${m}/${y}`]) if (text.includes(form)) hits.push(`birth date ${form}`);
  }
  return hits;
}

async function parquetAsText(file: string): Promise<string> {
  return withDb(':memory:', async (run) => {
    const r = await run(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    return [r.names.join(','), ...(r.rows as unknown[][]).map((row) => row.map(String).join(','))].join('\n');
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('no personal data in anything public', () => {
  it('the scan finds what it looks for (a NIP, a name, a birth date planted in a text)', () => {
    expect(personalHits(`x ${personal.nips[0]} y`).length).toBeGreaterThan(0);
    expect(personalHits(`x ${personal.names[0]} y`).length).toBeGreaterThan(0);
    expect(personalHits(`x ${personal.birthDates[0]} y`).length).toBeGreaterThan(0);
    expect(personalHits('nip 123456789012345678')).toEqual(['NIP-like 123456789012345678']);
  });

  it('pages, downloads and the anonymous endpoint of the server', async () => {
    const checked: string[] = [];
    // fetch first, read the Parquet files after: a keep-alive socket left idle while DuckDB reads a file may be
    // closed by the server just as the next request reuses it (UND_ERR_SOCKET)
    const bodies: Array<{ p: string; body: Uint8Array }> = [];
    const scan = async (p: string) => {
      // the unit pages' rating distribution needs an account now; scanned signed in (it is disclosure-controlled for everyone)
      const res = p.startsWith('/api/') ? await server.fetch(p) : await fetch(`${server.url}${p}`);
      expect(res.status, p).toBe(200);
      bodies.push({ p, body: new Uint8Array(await res.arrayBuffer()) });
      checked.push(p);
    };
    await scan('/publik');
    await scan('/publik?lang=en');
    for (const t of [...report.downloads.map((d) => d.id), 'kamus-data']) {
      await scan(`/publik/data/${t}.csv`);
      await scan(`/publik/data/${t}.parquet`);
    }
    for (const id of unitIds) await scan(`/api/units/${encodeURIComponent(id)}/performance?format=csv`);
    expect(checked.length).toBe(2 + 2 * (report.downloads.length + 1) + unitIds.length);
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'seimbang-scan-'));
    try {
      for (const [i, { p, body }] of bodies.entries()) {
        let text: string;
        if (p.endsWith('.parquet')) {
          const tmp = path.join(scratch, `${i}.parquet`);
          writeFileSync(tmp, body);
          text = await parquetAsText(tmp);
        } else text = new TextDecoder().decode(body);
        expect(personalHits(text), p).toEqual([]);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('every file of the static export', async () => {
    const files = filesUnder(exportDir);
    expect(files.length).toBe(3 + 2 * (report.downloads.length + 1));
    for (const f of files) {
      const text = f.endsWith('.parquet') ? await parquetAsText(f) : readFileSync(f, 'utf8');
      expect(personalHits(text), f).toEqual([]);
    }
  });
});

// ------------------------------------------------------------------ in the browser

async function open(url: string, viewport: 'desktop' | 'phone' = 'desktop'): Promise<{ page: Page; errors: string[] }> {
  const t = await newPage(browser, viewport);
  await t.page.goto(url, { waitUntil: 'networkidle' });
  return t;
}

describe('the report in the browser', () => {
  it.each(['desktop', 'phone'] as const)('reads at %s width: heading, charts, no overflow, no console error, axe', async (vp) => {
    const { page, errors } = await open(`${server.url}/publik`, vp);
    expect(await page.locator('h1').first().textContent()).toContain('Laporan Transparansi');
    expect(await page.locator('article.publik svg.chart').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('td.hidden-cell').count()).toBeGreaterThan(0);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, 'no sideways scrolling of the page').toBeLessThanOrEqual(client + 1);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `publik-${vp}.png`), fullPage: true });
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in English on the switch', async () => {
    const { page } = await open(`${server.url}/publik`);
    await page.locator('article.publik .publik-lang a').click();
    await page.waitForURL(/lang=en/);
    expect(await page.locator('h1').first().textContent()).toContain('Transparency Report');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.close();
  });

  it('prints to PDF: A4 pages without the site navigation', async () => {
    const { page } = await open(`${server.url}/publik`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('article.publik nav.toc').isVisible()).toBe(false);
    expect(await page.locator('article.publik svg.chart').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'publik.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(40);
    // the tables are printed whole (no scroll box cuts them)
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('.publik .scroll')].filter((el) => el.scrollHeight > el.clientHeight + 2).length,
    );
    expect(clipped).toBe(0);
    await page.close();
  });

  it('downloads every table as CSV and Parquet', async () => {
    const { page } = await open(`${server.url}/publik`);
    const links = await page.locator('article.publik ul.downloads a[download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(links.length).toBe(2 * (report.downloads.length + 1));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-dl-'));
    try {
      // one real download per format through the browser (the link's `download` attribute and the server's
      // Content-Disposition); the other files over HTTP, which checks the same bytes without twenty browser
      // downloads (one of them once hung past 30 s on a loaded CI machine)
      const clicked = new Set<string>();
      for (const href of links) {
        const ext = path.extname(href);
        let file: string;
        if (!clicked.has(ext)) {
          clicked.add(ext);
          const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 90_000 }),
            page.locator(`a[href="${href}"]`).click(),
          ]);
          file = path.join(dir, download.suggestedFilename());
          await download.saveAs(file);
        } else {
          const res = await page.request.get(new URL(href, server.url).toString(), { timeout: 90_000 });
          expect(res.status(), href).toBe(200);
          expect(res.headers()['content-disposition'], href).toContain(`filename="${path.basename(href)}"`);
          file = path.join(dir, path.basename(href));
          writeFileSync(file, await res.body());
        }
        const bytes = readFileSync(file);
        if (href.endsWith('.parquet')) {
          expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
          const csv = readFileSync(path.join(exportDir, 'data', path.basename(href).replace('.parquet', '.csv')), 'utf8');
          const rows = await withDb(':memory:', async (run) => (await run(`SELECT count(*) FROM read_parquet('${file}')`)).rows[0][0]);
          expect(Number(rows)).toBe(csv.trim().split('\r\n').length - 1);
        } else {
          const text = bytes.toString('utf8');
          expect(text.startsWith('\uFEFF')).toBe(true);
          // the same file as the export writes
          expect(text).toBe(readFileSync(path.join(exportDir, 'data', path.basename(href)), 'utf8'));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.close();
  });
});

describe('the static export (seimbang export-public)', () => {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

  it.each([['index.html', '/publik'], ['en.html', '/publik?lang=en']])('%s opens from a plain folder with the content of %s', async (file, route) => {
    const url = pathToFileURL(path.join(exportDir, file)).href;
    const { page, errors } = await open(url);
    expect(errors).toEqual([]);
    const exported = norm(await page.locator('article.publik').innerText());
    const charts = await page.locator('article.publik svg.chart').count();
    expect(charts).toBeGreaterThanOrEqual(6);
    // every download link of the page is a file of the folder
    const hrefs = await page.locator('article.publik ul.downloads a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    for (const h of hrefs) expect(existsSync(path.join(exportDir, h)), h).toBe(true);
    // the style sheet applied (the charts scale to the page)
    expect(await page.locator('article.publik svg.chart').first().evaluate((el) => getComputedStyle(el).width)).not.toBe('auto');
    expect(await runAxe(page)).toEqual([]);
    const server_ = await open(`${server.url}${route}`);
    const served = norm(await server_.page.locator('article.publik').innerText());
    expect(exported).toBe(served);
    expect(await server_.page.locator('article.publik svg.chart').count()).toBe(charts);
    await server_.page.close();
    await page.close();
  });
});
