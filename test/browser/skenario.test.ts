/**
 * Saved rotation scenarios (issue 15) on the sample warehouse, in the browser with two roles:
 * - the workflow: an analyst saves the simulator's plan as a scenario and submits it, leadership returns it with a
 *   comment, the analyst edits it in the simulator and submits again, leadership approves it (locked), the decree
 *   list downloads as XLSX (opened with exceljs) and CSV; every step in the audit log;
 * - two analysts editing one scenario in two browsers: the later save is refused with who saved which version and
 *   what they changed; reload takes theirs, "save as copy" keeps one's own;
 * - a server restart keeps everything; a scenario whose baseline is another build says so and marks the change
 *   whose person has moved since;
 * - a real rebuild from changed inputs (a person gone from the staff export): the scenario is still there, its notice
 *   names the person, the change is kept and marked as no longer applicable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';
import { addAccount, launchBrowser, newPage, REPO, runAxe, sessionCookie, signInContext, startServer, testWarehouse, VIEWPORTS, type Account, type Browser, type Server } from './harness.ts';
import { SAMPLE_INPUT } from './sample-warehouse.ts';
import { loadStateFromFile } from '../../pipeline/sim-state/duckdb.ts';
import { monthText, parseMonth, Simulator, type Change, type SimState } from '../../pipeline/simulate/index.ts';
import { openStore } from '../../app-store/store.ts';
import { listAudit } from '../../app-store/audit-log.ts';
import { createScenario, getScenario, getVersion, listScenarios, saveScenario } from '../../app-store/scenarios.ts';

let wh: Awaited<ReturnType<typeof testWarehouse>>;
let server: Server;
let dir: string;
let appDb: string;
let state: SimState;
let builtAt: string;
let plan: Change[];
let siti: Account;
let kepala: Account;
let budi: Account;
let analyst: Browser;
let leader: Browser;
const browsers: Browser[] = [];

/** three moves the simulator accepts: people spread over the state, each to a position of its kind in another unit */
function threeMoves(st: SimState): Change[] {
  const sim = new Simulator(st);
  const month = monthText(parseMonth(st.month)! + 1);
  const out: Change[] = [];
  for (let i = 0; out.length < 3 && i < st.people.nip.length; i += 97) {
    const from = st.people.position[i]!;
    const to = st.positions.id.findIndex((_, p) => st.positions.unit[p] !== st.positions.unit[from] && st.positions.kind[p] === st.positions.kind[from]);
    const c: Change = { type: 'move', nip: st.people.nip[i]!, to: st.positions.id[to]!, month };
    try {
      sim.apply(c);
      out.push(c);
    } catch {
      /* not applicable: take the next person */
    }
  }
  return out;
}

beforeAll(async () => {
  wh = await testWarehouse();
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-skenario-'));
  appDb = path.join(dir, 'app.sqlite');
  server = await startServer(wh.file, { appDb });
  state = await loadStateFromFile(wh.file, null);
  plan = threeMoves(state);
  const db = await DuckDBInstance.create(wh.file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  builtAt = String((await con.runAndReadAll('SELECT CAST(built_at AS VARCHAR) FROM build_info')).getRows()[0]![0]);
  con.closeSync();
  db.closeSync();
  siti = await addAccount(server, 'analis', 'siti');
  kepala = await addAccount(server, 'pimpinan', 'kepala');
  budi = await addAccount(server, 'analis', 'budi');
  analyst = await launchBrowser();
  leader = await launchBrowser();
  browsers.push(analyst, leader);
  await signInContext(analyst, server, siti);
  await signInContext(leader, server, kepala);
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
  wh?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const nameOf = (nip: string) => state.people.name[state.people.nip.indexOf(nip)]!;
const planItems = (page: Page) => page.getByTestId('sim-plan').locator(':scope > li');
const text = async (page: Page, id: string) => (await page.getByTestId(id).innerText()).trim();

async function post(page: Page, button: string, done: string): Promise<void> {
  // a form posted while the page still loads its scripts aborts them (a "failed request" in the page's errors)
  await page.waitForLoadState('networkidle');
  await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === done), page.getByTestId(button).click()]);
}

async function openSimulator(page: Page): Promise<void> {
  await page.getByTestId('sim-state-info').waitFor({ timeout: 90_000 });
}

describe('/skenario: the workflow with two roles', () => {
  it('analyst drafts and submits, leadership returns, analyst edits, leadership approves, the decree list exports', async () => {
    expect(plan).toHaveLength(3);
    const { page, errors } = await newPage(analyst);
    // the simulator's plan (kept in the browser) saved as a scenario
    await page.goto(`${server.url}/simulasi`);
    await openSimulator(page);
    await page.evaluate(([month, p]) => localStorage.setItem('seimbang.simulasi.plan.v1', JSON.stringify({ month, plan: p })), [state.month, plan] as const);
    await page.reload();
    await openSimulator(page);
    await expect.poll(() => planItems(page).count()).toBe(3);
    await page.getByTestId('sim-scenario-name').fill('Rotasi uji');
    await page.waitForLoadState('networkidle');
    await Promise.all([page.waitForURL(/\/skenario\/\d+\?done=created/), page.getByTestId('sim-scenario-save-as').click()]);
    const id = Number(/\/skenario\/(\d+)/.exec(page.url())![1]);
    expect(await text(page, 'skenario-name')).toBe('Rotasi uji');
    expect(await text(page, 'skenario-status')).toBe('Draf');
    expect(await text(page, 'skenario-version')).toBe('1');
    expect(await page.getByTestId('skenario-plan').locator(':scope > li').count()).toBe(3);
    // changes only: the touched units with the people in and out
    const touched = await page.getByTestId('skenario-touched').innerText();
    for (const c of plan) expect(touched).toContain(c.type === 'move' ? c.nip : '');
    await page.getByTestId('skenario-submit-note').fill('Mohon persetujuan gelombang I');
    await post(page, 'skenario-submit', 'submitted');
    expect(await text(page, 'skenario-status')).toBe('Diajukan');

    // leadership sees it in the list and returns it with a comment
    const boss = await newPage(leader);
    await boss.page.goto(`${server.url}/skenario`);
    expect(await boss.page.locator(`tr[data-scenario="${id}"]`).innerText()).toContain('Diajukan');
    await boss.page.goto(`${server.url}/skenario/${id}`);
    expect(await boss.page.getByTestId('skenario-submit').count()).toBe(0); // not leadership's action
    await boss.page.getByTestId('skenario-return-comment').fill('Kurangi satu mutasi');
    await post(boss.page, 'skenario-return', 'returned');
    expect(await text(boss.page, 'skenario-status')).toBe('Dikembalikan');

    // the analyst edits it in the simulator: drop the first move, save on version 1
    await page.goto(`${server.url}/skenario/${id}`);
    expect(await page.getByTestId('skenario-events').innerText()).toContain('Kurangi satu mutasi');
    await page.waitForLoadState('networkidle');
    await Promise.all([page.waitForURL(/\/simulasi\?.*skenario=/), page.getByTestId('skenario-open-sim').click()]);
    await openSimulator(page);
    expect(await text(page, 'sim-scenario-editing')).toContain('versi 1');
    await expect.poll(() => planItems(page).count()).toBe(3);
    await planItems(page).first().locator('button').click();
    await expect.poll(() => planItems(page).count()).toBe(2);
    await page.getByTestId('sim-scenario-note').fill('satu mutasi dihapus');
    await page.getByTestId('sim-scenario-save').click();
    await expect.poll(() => page.getByTestId('sim-scenario-saved').textContent()).toContain('versi 2');
    await page.goto(`${server.url}/skenario/${id}`);
    expect(await text(page, 'skenario-version')).toBe('2');
    expect(await page.getByTestId('skenario-plan').locator(':scope > li').count()).toBe(2);
    await post(page, 'skenario-submit', 'submitted');

    // leadership approves: locked
    await boss.page.goto(`${server.url}/skenario/${id}`);
    await post(boss.page, 'skenario-approve', 'approved');
    expect(await text(boss.page, 'skenario-status')).toBe('Disetujui');
    await boss.page.getByTestId('skenario-locked').waitFor();
    await page.goto(`${server.url}/skenario/${id}`);
    expect(await page.getByTestId('skenario-open-sim').count()).toBe(0);
    expect(await page.getByTestId('skenario-submit').count()).toBe(0);

    // the decree list: XLSX through the browser, opened with exceljs; CSV over HTTP with the same session
    const dl = mkdtempSync(path.join(os.tmpdir(), 'seimbang-dl-'));
    try {
      await boss.page.waitForLoadState('networkidle');
      const [download] = await Promise.all([boss.page.waitForEvent('download', { timeout: 90_000 }), boss.page.getByTestId('skenario-export-xlsx').click()]);
      expect(download.suggestedFilename()).toBe(`usulan-mutasi-skenario-${id}-v2.xlsx`);
      const file = path.join(dl, download.suggestedFilename());
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      expect(ws.getCell('A1').value).toBe('DAFTAR USULAN MUTASI');
      const header = ws.getRow(6).values as unknown[];
      expect(header.slice(1, 10)).toEqual(['No', 'NIP', 'Nama', 'Golongan', 'Jabatan asal', 'Unit asal', 'Jabatan tujuan', 'Unit tujuan', 'TMT']);
      const kept = plan.slice(1) as Extract<Change, { type: 'move' }>[];
      expect(ws.rowCount).toBe(6 + kept.length);
      kept.forEach((c, i) => {
        const row = ws.getRow(7 + i);
        expect(row.getCell(1).value).toBe(i + 1);
        expect(row.getCell(2).value).toBe(c.nip);
        expect(row.getCell(3).value).toBe(nameOf(c.nip));
        expect(String(row.getCell(4).value)).toMatch(/^[IV]+\/[a-e]$/); // golongan from the warehouse
        expect(row.getCell(9).value).toBe(`${c.month}-01`);
        expect(typeof row.getCell(10).value).toBe('number'); // EJ of the unit left, before
        expect(String(row.getCell(15).value)).toMatch(/^EJ .+ \d+,\d\d → \d+,\d\d; EJ .+ \d+,\d\d → \d+,\d\d$/);
      });
      const res = await boss.page.request.get(`${server.url}/skenario/${id}/ekspor/csv`);
      expect(res.status()).toBe(200);
      const csv = (await res.body()).toString('utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines[5]!.split(';').slice(0, 3)).toEqual(['No', 'NIP', 'Nama']);
      expect(lines).toHaveLength(6 + kept.length);
      expect(lines[6]!.split(';')[1]).toBe(kept[0]!.nip);
    } finally {
      rmSync(dl, { recursive: true, force: true });
    }

    // every step in the audit log, in order, with who did it
    const store = openStore(appDb);
    try {
      const rows = listAudit(store).filter((r) => r.target === `scenario:${id}`).reverse();
      expect(rows.map((r) => [r.action, r.actor])).toEqual([
        ['scenario_created', 'siti'],
        ['scenario_submitted', 'siti'],
        ['scenario_returned', 'kepala'],
        ['scenario_saved', 'siti'],
        ['scenario_submitted', 'siti'],
        ['scenario_approved', 'kepala'],
        ['scenario_exported', 'kepala'],
        ['scenario_exported', 'kepala'],
      ]);
    } finally {
      store.close();
    }
    expect(errors).toEqual([]);
    expect(boss.errors).toEqual([]);
    await page.close();
    await boss.page.close();
  });

  it('two analysts on one scenario: the later save is refused and says why; reload, or save as a copy', async () => {
    const store = openStore(appDb);
    const s = createScenario(store, { username: 'siti', role: 'analis' }, { name: 'Bersama', baselineBuild: builtAt, baselineMonth: state.month, plan });
    store.close();
    const other = await launchBrowser();
    browsers.push(other);
    await signInContext(other, server, budi);
    const a = await newPage(analyst);
    const b = await newPage(other);
    const url = `${server.url}/simulasi?month=${state.month}&skenario=${s.id}`;
    for (const p of [a.page, b.page]) {
      await p.goto(url);
      await openSimulator(p);
      await expect.poll(() => planItems(p).count()).toBe(3);
    }
    // Siti removes the first move and saves version 2
    await planItems(a.page).first().locator('button').click();
    await a.page.getByTestId('sim-scenario-save').click();
    await expect.poll(() => a.page.getByTestId('sim-scenario-saved').textContent()).toContain('versi 2');
    // Budi, still on version 1, removes the last one: refused, with who, which version and what she changed
    await planItems(b.page).last().locator('button').click();
    await b.page.getByTestId('sim-scenario-save').click();
    const conflict = b.page.getByTestId('sim-scenario-conflict');
    await conflict.waitFor();
    const said = await conflict.innerText();
    expect(said).toMatch(/siti sudah menyimpan versi 2/);
    expect(said).toContain('0 perubahan ditambahkan, 1 dihapus');
    expect(said).toContain(nameOf((plan[0] as { nip: string }).nip));
    // reload: Siti's version 2
    await b.page.getByTestId('sim-scenario-reload').click();
    await expect.poll(() => text(b.page, 'sim-scenario-editing')).toContain('versi 2');
    await expect.poll(() => planItems(b.page).count()).toBe(2);
    // again: Siti saves version 3, Budi's save on 2 is refused and he keeps his plan as a copy
    await planItems(a.page).first().locator('button').click();
    await a.page.getByTestId('sim-scenario-save').click();
    await expect.poll(() => a.page.getByTestId('sim-scenario-saved').textContent()).toContain('versi 3');
    await planItems(b.page).last().locator('button').click();
    await b.page.getByTestId('sim-scenario-save').click();
    await b.page.getByTestId('sim-scenario-conflict').waitFor();
    await Promise.all([b.page.waitForURL(/\/skenario\/\d+\?done=created/), b.page.getByTestId('sim-scenario-copy').click()]);
    const copyId = Number(/\/skenario\/(\d+)/.exec(b.page.url())![1]);
    expect(copyId).not.toBe(s.id);
    expect(await text(b.page, 'skenario-name')).toBe('Bersama (salinan)');
    const check = openStore(appDb);
    try {
      // nothing lost: Siti's version 3 holds the last move, Budi's copy the middle one
      expect(getVersion(check, s.id)!.version).toBe(3);
      expect(getVersion(check, s.id)!.plan).toEqual([plan[2]]);
      expect(getScenario(check, copyId)!.owner).toBe('budi');
      expect(getVersion(check, copyId)!.plan).toEqual([plan[1]]);
    } finally {
      check.close();
    }
    expect(a.errors).toEqual([]);
    // the refused saves answer 409, which Chromium logs as a failed resource: the expected answer, not an error
    expect(b.errors.filter((e) => !e.includes('status of 409 (Conflict)'))).toEqual([]);
    expect(b.errors).toHaveLength(2);
    await a.page.close();
    await b.page.close();
  });

  it('keeps scenarios across a server restart; another baseline build shows the stale notice and marks the moved person', async () => {
    const store = openStore(appDb);
    const s = createScenario(store, { username: 'siti', role: 'analis' }, { name: 'Lama', baselineBuild: builtAt, baselineMonth: state.month, plan: [plan[0]] });
    const nip = (plan[0] as { nip: string }).nip;
    const held = state.positions.id[state.people.position[state.people.nip.indexOf(nip)]!]!;
    // as if saved on an older build where this person held another position
    saveScenario(store, { username: 'siti', role: 'analis' }, s.id, {
      baseVersion: 1,
      plan: [plan[0]],
      origins: { month: state.month, people: { [nip]: 'JABATAN-LAMA' }, positions: [], units: {}, changeUnits: [[]] },
    });
    store.prepare('UPDATE scenario SET baseline_build = ? WHERE id = ?').run('2020-01-01 00:00:00+00', s.id);
    // Siti's list: her own scenarios and every submitted or approved one (not Budi's draft copy)
    const before = listScenarios(store, { username: 'siti', role: 'analis' }).length;
    expect(before).toBe(3);
    store.close();

    await server.stop();
    server = await startServer(wh.file, { appDb });
    const { page, errors } = await newPage(analyst);
    await page.goto(`${server.url}/skenario`);
    expect(await page.getByTestId('skenario-list').locator('tbody tr').count()).toBe(before);
    expect(await page.locator('tr', { hasText: 'Rotasi uji' }).innerText()).toContain('Disetujui');
    await page.goto(`${server.url}/skenario/${s.id}`);
    expect(await text(page, 'skenario-version')).toBe('2');
    const notice = await page.getByTestId('skenario-stale').innerText();
    expect(notice).toContain('Data gudang sudah diperbarui');
    expect(notice).toContain(`Pegawai ${nip} sudah pindah: JABATAN-LAMA → ${held}`);
    // marked, not dropped: the move is still in the plan
    expect(await page.getByTestId('skenario-plan').locator(':scope > li').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compares two scenarios side by side; the pages pass axe-core and speak English on the switch', async () => {
    const { page, errors } = await newPage(analyst);
    await page.goto(`${server.url}/skenario`);
    await page.waitForLoadState('networkidle'); // the choice of scenarios is live once the page has hydrated
    expect(await runAxe(page), 'list').toEqual([]);
    const row = (name: string) => page.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
    const rotasi = row('Rotasi uji');
    const bersama = row('Bersama');
    await rotasi.locator('input[type=checkbox]').check();
    await bersama.locator('input[type=checkbox]').check();
    await page.waitForLoadState('networkidle');
    await Promise.all([page.waitForURL(/\/skenario\/bandingkan\?/), page.getByTestId('skenario-compare').click()]);
    expect(await page.getByTestId('compare-indices').locator('thead th').count()).toBe(4); // index, before, two scenarios
    // 'Rotasi uji' (approved) holds moves 2 and 3 of the plan, 'Bersama' (version 3) only move 3
    const moves = page.getByTestId('compare-moves').locator('tbody tr');
    expect(await moves.count()).toBe(1);
    const only = await moves.first().innerText();
    expect(only).toContain((plan[1] as { nip: string }).nip);
    // the scenario columns follow the list's order: read them from the header
    const heads = (await page.getByTestId('compare-moves').locator('thead th').allInnerTexts()).slice(-2).map((h) => h.trim());
    const cells = only.trim().split('\t').slice(-2);
    expect(Object.fromEntries(heads.map((h, i) => [h, cells[i]]))).toEqual({ 'Rotasi uji': 'ada', Bersama: '—' });
    expect(await runAxe(page), 'compare').toEqual([]);
    await page.goto(`${server.url}/skenario`);
    const href = await page.locator('tr', { hasText: 'Rotasi uji' }).locator('a').getAttribute('href');
    await page.goto(`${server.url}${href}`);
    expect(await runAxe(page), 'scenario').toEqual([]);
    // a phone: the page does not scroll sideways (wide tables scroll inside their card)
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(`${server.url}${href}?lang=en`);
    expect(await text(page, 'skenario-status')).toBe('Approved');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('/skenario after a rebuild from changed inputs', () => {
  it('the scenario survives the rebuild; its notice names the person who left and keeps the change, marked', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'seimbang-skenario-rebuild-'));
    let own: Server | null = null;
    try {
      // the sample's inputs and its warehouse, copied: this test rebuilds them
      const input = path.join(work, 'input');
      cpSync(SAMPLE_INPUT, input, { recursive: true });
      const file = path.join(work, 'warehouse.duckdb');
      copyFileSync(wh.file, file);
      own = await startServer(file, { appDb: path.join(work, 'app.sqlite') });
      const cookie = await sessionCookie(own, await addAccount(own, 'analis', 'rina'));
      // a plan of two moves saved through the server (which records what the plan assumes of this build)
      const [gone, stays] = plan as Extract<Change, { type: 'move' }>[];
      const res = await fetch(`${own.url}/skenario?/create`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: own.url, Accept: 'text/html', Cookie: cookie },
        body: new URLSearchParams({ name: 'Sebelum rebuild', month: state.month, plan: JSON.stringify([gone, stays]) }),
      });
      expect(res.status).toBe(303);
      const at = res.headers.get('location')!.split('?')[0]!;

      // the next export no longer lists the first person (retired): rebuild, published by rename under the server
      const staff = path.join(input, 'pegawai.csv');
      const lines = readFileSync(staff, 'utf8').split('\n');
      const kept = lines.filter((l) => l.split(';')[0]!.replace(/\D/g, '') !== gone!.nip);
      expect(kept.length).toBe(lines.length - 1);
      writeFileSync(staff, kept.join('\n'));
      const build = spawnSync(process.execPath, [path.join(REPO, 'bin', 'seimbang.js'), 'build', '--input', input, '--db', file], { cwd: REPO, encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);

      await new Promise((r) => setTimeout(r, 1200)); // the server looks at the warehouse file at most once per second
      // a new connection: the one of the POST idled through the build past the server's keep-alive and was closed
      const page = await fetch(`${own.url}${at}`, { headers: { Cookie: cookie, Connection: 'close' } }).catch(() =>
        fetch(`${own!.url}${at}`, { headers: { Cookie: cookie } }),
      );
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('data-testid="skenario-stale"');
      expect(html).toContain(`Pegawai ${gone!.nip} tidak lagi menjabat`);
      // marked, not dropped: both changes listed, the first one not applicable
      expect(html.match(/data-testid="skenario-not-applied"/g)).toHaveLength(1);
      expect(html).toContain(nameOf(stays!.nip));
    } finally {
      await own?.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }, 600_000);
});
