/**
 * Accounts in the browser (issue 19): sign-in, wrong password, lockout, sign-out, expiry, a one-time password that
 * must be changed, each role's view of the pages, the admin pages, the audit-log entry of each action, the
 * application store surviving a server restart and a warehouse rebuild, and the CLI writing while the server does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addAccount,
  launchBrowser,
  newPage,
  REPO,
  sessionCookie,
  signInContext,
  signInPage,
  startServer,
  testWarehouse,
  waitForHydration,
  watchHydration,
  type Account,
  type Browser,
  type Server,
} from './harness.ts';
import { openStore } from '../../app-store/store.ts';
import { addUser, CLI_ACTOR } from '../../app-store/users.ts';

let wh: Awaited<ReturnType<typeof testWarehouse>>;
let server: Server;
let browser: Browser;
let unitId = '';
let transferId = '';

/** the audit log of a server's store, newest first */
function auditLog(s: Server, action?: string): { actor: string | null; action: string; target: string | null; address: string | null; detail: string | null }[] {
  const db = openStore(s.appDb);
  try {
    return db.prepare(`SELECT * FROM audit_log ${action ? 'WHERE action = ?' : ''} ORDER BY id DESC`).all(...(action ? [action] : [])) as never;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  wh = await testWarehouse();
  // lockout after 3 failures for 15 s, to see it end within the test (and not before, on a loaded machine)
  server = await startServer(wh.file, { env: { SEIMBANG_LOCKOUT_ATTEMPTS: '3', SEIMBANG_LOCKOUT_SECONDS: '15' } });
  browser = await launchBrowser();
  const units = (await (await server.fetch(`/api/units?format=csv`)).text()).replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean);
  unitId = units.map((l) => l.split(',')[0]!).find((u) => u.startsWith('DIN')) ?? units[0]!.split(',')[0]!;
  const analis = await sessionCookie(server, await addAccount(server, 'analis'));
  const failures = await (await fetch(`${server.url}/api/audit/failures?format=csv`, { headers: { Cookie: analis } })).text();
  transferId = failures.replace(/^\uFEFF/, '').split('\r\n')[1]!.split(',')[0]!;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  wh?.cleanup();
});

async function freshContext() {
  const b = await launchBrowser();
  const t = await newPage(b);
  return { b, ...t };
}

describe('sign-in and sessions', () => {
  it('signs in through the form, lands where it was going, with an HttpOnly SameSite=Lax cookie; logged', async () => {
    const acc = await addAccount(server, 'pimpinan');
    const { b, page, errors } = await freshContext();
    await watchHydration(page);
    await page.goto(`${server.url}/pegawai`);
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await waitForHydration(page);
    await page.fill('input[name=username]', acc.username);
    await page.fill('input[name=password]', acc.password);
    await Promise.all([page.waitForURL((u) => u.pathname === '/pegawai'), page.click('form.sign-in button[type=submit]')]);
    expect(await page.locator('[data-testid=signed-in-user]').innerText()).toBe(acc.username);
    const cookie = (await b.context.cookies()).find((c) => c.name === 'seimbang_sesi')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
    expect(await page.evaluate(() => document.cookie)).not.toContain('seimbang_sesi');
    const entry = auditLog(server, 'sign_in').find((e) => e.actor === acc.username)!;
    expect(entry.address).toBe('127.0.0.1');
    expect(JSON.stringify(auditLog(server))).not.toContain(acc.password);
    expect(JSON.stringify(auditLog(server))).not.toContain(cookie.value);
    expect(errors).toEqual([]);
    await b.close();
  });

  it('a wrong password keeps the visitor out, says so without telling which part was wrong; logged', async () => {
    const acc = await addAccount(server, 'analis');
    const { b, page } = await freshContext();
    await watchHydration(page);
    for (const [u, p] of [[acc.username, 'not-the-password'], ['no-such-user', 'whatever-password']]) {
      await page.goto(`${server.url}/masuk`);
      await waitForHydration(page);
      await page.fill('input[name=username]', u!);
      await page.fill('input[name=password]', p!);
      await page.click('form.sign-in button[type=submit]');
      await expect.poll(() => page.locator('[data-testid=sign-in-error]').innerText()).toContain('Nama pengguna atau kata sandi salah');
      expect(new URL(page.url()).pathname).toBe('/masuk');
    }
    expect((await b.context.cookies()).find((c) => c.name === 'seimbang_sesi')).toBeUndefined();
    const failed = auditLog(server, 'sign_in_failed');
    expect(failed.find((e) => e.target === acc.username)?.detail).toContain('wrong_password');
    expect(failed.find((e) => e.target === 'no-such-user')?.detail).toContain('unknown_user');
    await b.close();
  });

  it('locks the account after repeated failures (even the right password), until the lockout ends', async () => {
    const acc = await addAccount(server, 'analis');
    const post = (password: string) =>
      fetch(`${server.url}/masuk`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Accept: 'text/html' },
        body: new URLSearchParams({ username: acc.username, password }),
      }).then((r) => r.status);
    const { b, page } = await freshContext();
    await watchHydration(page);
    await page.goto(`${server.url}/masuk`);
    await waitForHydration(page);
    expect([await post('salah-lagi-salah-lagi'), await post('salah-lagi-salah-lagi'), await post('salah-lagi-salah-lagi')]).toEqual([400, 400, 423]);
    const lockedAt = Date.now(); // at or after the moment of the lock
    // the right password, through the form, while locked
    await page.fill('input[name=username]', acc.username);
    await page.fill('input[name=password]', acc.password);
    await page.click('form.sign-in button[type=submit]');
    await expect.poll(() => page.locator('[data-testid=sign-in-error]').innerText(), { timeout: 20_000 }).toContain('dikunci');
    expect(auditLog(server, 'account_locked').some((e) => e.target === acc.username)).toBe(true);
    // after the lockout (15 s here) the right password works
    await new Promise((r) => setTimeout(r, Math.max(0, lockedAt + 15_500 - Date.now())));
    await signInPage(page, server, acc);
    expect(new URL(page.url()).pathname).toBe('/');
    await b.close();
  });

  it('signs out: the cookie is gone and the old token no longer opens anything; logged', async () => {
    const acc = await addAccount(server, 'analis');
    const { b, page } = await freshContext();
    await signInPage(page, server, acc);
    const token = (await b.context.cookies()).find((c) => c.name === 'seimbang_sesi')!.value;
    await Promise.all([page.waitForURL((u) => u.pathname === '/masuk'), page.click('header form[action="/keluar"] button')]);
    expect(await page.locator('main').innerText()).toContain('Anda telah keluar');
    expect((await b.context.cookies()).find((c) => c.name === 'seimbang_sesi')).toBeUndefined();
    const res = await fetch(`${server.url}/api/audit/transfers/${transferId}`, { headers: { Cookie: `seimbang_sesi=${token}` } });
    expect(res.status).toBe(401);
    expect(auditLog(server, 'sign_out').some((e) => e.actor === acc.username)).toBe(true);
    await b.close();
  });

  it('a one-time password must be replaced at the first sign-in; then the pages open', async () => {
    const db = openStore(server.appDb);
    const { oneTimePassword } = await addUser(db, CLI_ACTOR, { username: 'baru', role: 'analis' });
    db.close();
    const { b, page } = await freshContext();
    await signInPage(page, server, { username: 'baru', password: oneTimePassword!, role: 'analis' });
    expect(new URL(page.url()).pathname).toBe('/akun');
    await page.goto(`${server.url}/pegawai`);
    expect(new URL(page.url()).pathname).toBe('/akun');
    await page.fill('input[name=current]', oneTimePassword!);
    await page.fill('input[name=next]', 'pilihan-sendiri-2026');
    await page.fill('input[name=repeat]', 'pilihan-sendiri-2026');
    await Promise.all([page.waitForURL((u) => u.searchParams.has('diganti')), page.click('form.pw button')]);
    await page.goto(`${server.url}/pegawai`);
    expect(new URL(page.url()).pathname).toBe('/pegawai');
    expect(auditLog(server, 'password_changed').some((e) => e.actor === 'baru')).toBe(true);
    await b.close();
  });

  it('a session ends after the idle time: the next page asks to sign in again', async () => {
    // 8 s: long enough for the first visit on a loaded machine, short enough to wait out
    const short = await startServer(wh.file, { env: { SEIMBANG_SESSION_IDLE_SECONDS: '8' } });
    try {
      const acc = await addAccount(short, 'analis');
      const { b, page } = await freshContext();
      // signed in over HTTP (the form is tested above): a cold server's first page may take long on a loaded
      // machine, and this test is about the idle time, not the form
      await signInContext(b, short, acc);
      await page.goto(`${short.url}/pegawai`);
      expect(new URL(page.url()).pathname).toBe('/pegawai');
      await new Promise((r) => setTimeout(r, 9000));
      await page.goto(`${short.url}/pegawai`);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/masuk');
      expect(url.searchParams.has('berakhir')).toBe(true);
      expect(await page.locator('main').innerText()).toContain('Sesi Anda telah berakhir');
      await b.close();
    } finally {
      await short.stop();
    }
  });
});

describe("each role's view of the pages", () => {
  const roles = ['publik', 'pimpinan', 'analis', 'admin'] as const;
  it.each(roles)('%s', async (role) => {
    const { b, page, errors } = await freshContext();
    if (role !== 'publik') await signInPage(page, server, await addAccount(server, role));
    const people = role === 'pimpinan' || role === 'analis';

    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    const nav = await page.locator('header.site-header').innerText();
    expect(nav.includes('Log audit'), 'admin links').toBe(role === 'admin');
    expect(nav.includes('Masuk'), 'sign-in link').toBe(role === 'publik');
    // an anonymous visitor is shown the public report, and the navigation offers only what the role may open
    expect(new URL(page.url()).pathname).toBe(role === 'publik' ? '/publik' : '/');
    expect(nav.includes('Ringkasan'), 'analysis pages in the navigation').toBe(role !== 'publik');
    expect(nav.includes('Laporan publik'), 'the public report in the navigation').toBe(true);

    await page.goto(`${server.url}/unit/${unitId}`, { waitUntil: 'networkidle' });
    if (role === 'publik') {
      expect(new URL(page.url()).pathname).toBe('/masuk');
    } else {
      const positions = page.locator('section#chart-positions');
      const summary = positions.locator('details.data-table > summary');
      if ((await summary.count()) > 0) await summary.click();
      await expect.poll(() => positions.locator('table thead').count()).toBe(1);
      const head = await positions.locator('table thead').innerText();
      expect(head.includes('Kompetensi') || head.includes('pendidikan'), `holders columns for ${role}`).toBe(people);
      expect(await page.locator('[data-testid=holders-locked]').count()).toBe(people ? 0 : 1);
    }

    await page.goto(`${server.url}/audit`, { waitUntil: 'networkidle' });
    if (role === 'publik') {
      expect(new URL(page.url()).pathname).toBe('/masuk');
    } else {
      expect(await page.locator('#audit-failures table').count()).toBe(people ? 1 : 0);
      expect(await page.locator('[data-testid=failures-locked]').count()).toBe(people ? 0 : 1);
    }

    const card = await page.goto(`${server.url}/audit/${transferId}`, { waitUntil: 'networkidle' });
    if (people) {
      expect(card!.status()).toBe(200);
      expect(await page.locator('h1').innerText()).toContain(transferId);
    } else if (role === 'publik') {
      expect(new URL(page.url()).pathname).toBe('/masuk');
    } else {
      expect(card!.status()).toBe(403);
    }

    const peg = await page.goto(`${server.url}/pegawai`, { waitUntil: 'networkidle' });
    if (people) {
      await page.fill('input[name=q]', 'Siti');
      await page.click('form.search button');
      await expect.poll(() => page.locator('[data-testid=pegawai-results] tbody tr').count()).toBeGreaterThan(0);
      const nip = (await page.locator('[data-testid=pegawai-results] tbody tr td').nth(1).innerText()).trim();
      expect(nip).toMatch(/^\d{18}$/);
      expect(page.url()).not.toContain('Siti');
      await Promise.all([page.waitForURL((u) => /^\/pegawai\/[0-9a-f]{24}$/.test(u.pathname)), page.locator('[data-testid=pegawai-results] tbody a').first().click()]);
      expect(page.url()).not.toContain(nip);
      expect(await page.locator('main').innerText()).toContain(nip);
      expect(await page.locator('[data-testid=rotation-status]').innerText()).toMatch(/dimutasi|rotasi|Tidak diketahui/);
      expect(auditLog(server, 'personal_data_viewed').some((e) => e.target?.startsWith('pegawai '))).toBe(true);
    } else if (role === 'publik') {
      expect(new URL(page.url()).pathname).toBe('/masuk');
    } else {
      expect(peg!.status()).toBe(403);
    }

    const adm = await page.goto(`${server.url}/admin/pengguna`, { waitUntil: 'networkidle' });
    if (role === 'admin') expect(await page.locator('h1').innerText()).toBe('Pengguna');
    else if (role === 'publik') expect(new URL(page.url()).pathname).toBe('/masuk');
    else expect(adm!.status()).toBe(403);
    // the refused pages' own 403s, and link preloads cut short by the next navigation, are not errors
    expect(errors.filter((e) => !/403|Forbidden|ERR_ABORTED/.test(e))).toEqual([]);
    await b.close();
  });
});

describe('admin pages and the audit log', () => {
  it('an admin adds a user (one-time password shown once), changes a role, disables; each change is logged', async () => {
    const admin = await addAccount(server, 'admin');
    const { b, page } = await freshContext();
    await signInPage(page, server, admin);
    await page.goto(`${server.url}/admin/pengguna`);
    await page.fill('form[action="?/add"] input[name=username]', 'dewi');
    await page.selectOption('form[action="?/add"] select[name=role]', 'pimpinan');
    await page.click('form[action="?/add"] button');
    await expect.poll(() => page.locator('[data-testid=admin-result]').innerText()).toMatch(/dewi: [a-zA-Z2-9]{20}/);
    const oneTime = /dewi: ([a-zA-Z2-9]{20})/.exec(await page.locator('[data-testid=admin-result]').innerText())![1]!;
    const row = page.locator('tr[data-user=dewi]');
    await row.locator('select[name=role]').selectOption('analis');
    await row.locator('form[action="?/role"] button').click();
    await expect.poll(() => page.locator('tr[data-user=dewi] td').nth(3).innerText()).toContain('harus ganti');
    await page.locator('tr[data-user=dewi] form[action="?/disable"] button').click();
    await expect.poll(() => page.locator('tr[data-user=dewi] td').nth(3).innerText()).toBe('nonaktif');
    const log = auditLog(server).filter((e) => e.actor === admin.username);
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['user_added', 'user_role_changed', 'user_disabled']));
    expect(JSON.stringify(auditLog(server))).not.toContain(oneTime);
    // the disabled user cannot sign in
    const res = await fetch(`${server.url}/masuk`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Accept: 'text/html' },
      body: new URLSearchParams({ username: 'dewi', password: oneTime }),
    });
    expect(res.status).not.toBe(303);

    // the audit log page filters, and its CSV export is itself logged
    await page.goto(`${server.url}/admin/log-audit?action=user_disabled`);
    const actions = await page.locator('[data-testid=audit-log] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['user_disabled']));
    const csv = await (await fetch(`${server.url}/admin/log-audit/csv?actor=${admin.username}`, { headers: { Cookie: await sessionCookie(server, admin) } })).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id,at,actor,actor_role,action,target,detail,address');
    expect(csv).toContain('user_role_changed');
    expect(auditLog(server, 'audit_log_exported').some((e) => e.actor === admin.username)).toBe(true);
    await b.close();
  });

  it('a CSV download of person-level data is logged as an export of personal data', async () => {
    const acc = await addAccount(server, 'pimpinan');
    const cookie = await sessionCookie(server, acc);
    const res = await fetch(`${server.url}/api/audit/transfers/${transferId}/rules?format=csv`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    await res.text();
    const e = auditLog(server, 'personal_data_exported').find((x) => x.actor === acc.username)!;
    expect(e.target).toBe(`/api/audit/transfers/${transferId}/rules`);
  });
});

describe('the application store', () => {
  it('survives a server restart and a warehouse rebuild (the file replaced while the server runs)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-store-'));
    const warehouse = path.join(dir, 'w.duckdb');
    copyFileSync(wh.file, warehouse);
    const appDb = path.join(dir, 'app.sqlite');
    let s = await startServer(warehouse, { appDb });
    try {
      const acc = await addAccount(s, 'analis');
      const cookie = await sessionCookie(s, acc);
      // a rebuild publishes a new file by rename (pipeline/warehouse): a new inode under the same name
      copyFileSync(wh.file, `${warehouse}.building`);
      renameSync(`${warehouse}.building`, warehouse);
      await new Promise((r) => setTimeout(r, 1200));
      expect((await fetch(`${s.url}/api/audit/transfers/${transferId}`, { headers: { Cookie: cookie } })).status).toBe(200);
      await s.stop();
      s = await startServer(warehouse, { appDb });
      // the session and the account outlive the process
      expect((await fetch(`${s.url}/api/audit/transfers/${transferId}`, { headers: { Cookie: cookie } })).status).toBe(200);
      await sessionCookie(s, acc);
      expect(auditLog(s, 'sign_in').filter((e) => e.actor === acc.username)).toHaveLength(2);
    } finally {
      await s.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI and the server write at once without losing a write', async () => {
    const accounts: Account[] = [];
    for (let i = 0; i < 3; i++) accounts.push(await addAccount(server, 'analis', `paralel${i}`));
    const before = auditLog(server).length;
    const cli = (name: string) =>
      new Promise<number>((resolve) => {
        const p = spawn(process.execPath, [path.join(REPO, 'bin', 'seimbang.js'), 'user', 'add', name, '--role', 'pimpinan', '--store', server.appDb], { stdio: 'ignore' });
        p.on('exit', (c) => resolve(c ?? -1));
      });
    const signIns = Array.from({ length: 12 }, (_, i) => sessionCookie(server, accounts[i % 3]!));
    const clis = Array.from({ length: 4 }, (_, i) => cli(`cli${i}`));
    expect(await Promise.all(clis)).toEqual([0, 0, 0, 0]);
    await Promise.all(signIns);
    const after = auditLog(server);
    expect(after.length - before).toBe(12 + 4);
    expect(after.filter((e) => e.action === 'user_added' && /^cli\d$/.test(e.target ?? ''))).toHaveLength(4);
  });
});
