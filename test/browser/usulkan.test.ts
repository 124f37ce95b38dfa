// "Usulkan rotasi" on /simulasi (sample warehouse): propose a rotation in the Web Worker, see the plan fill and the
// staffing gap fall; cancel a long run and keep the best plan found so far; the page stays responsive meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInContext, newPage, screenshot, startServer, testWarehouse, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
beforeAll(async () => {
  const w = await testWarehouse();
  server = await startServer(w.file);
  browser = await launchBrowser();
  // the simulator, the justification card: people data, for signed-in leadership and analysts (access table)
  await signInContext(browser, server, 'analis');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const planCount = (page: Awaited<ReturnType<typeof newPage>>['page']) => page.getByTestId('sim-plan').locator(':scope > li').count();

describe('/simulasi: Usulkan rotasi', () => {
  it('proposes a rotation: the plan fills and the staffing gap falls', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/simulasi`);
    await page.getByTestId('sim-state-info').waitFor({ timeout: 60_000 });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByTestId('sim-state-info').waitFor({ timeout: 60_000 });
    const gapBefore = await page.getByTestId('sim-idx-position-staffing_gap').innerText();
    await page.getByTestId('opt-max-moves').fill('8');
    await page.getByTestId('opt-propose').click();
    await page.getByTestId('opt-message').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('opt-message').innerText()).toMatch(/Optimal \(terbukti\)\. Nilai tujuan [\d.,]+ → [\d.,]+ dengan 8 mutasi/);
    await expect.poll(() => planCount(page)).toBe(8);
    expect(await page.getByTestId('sim-idx-position-staffing_gap').innerText()).not.toBe(gapBefore);
    expect(await page.getByTestId('sim-idx-position-staffing_gap').locator('td.changed').count()).toBe(1);
    // the proposal breaks no rule: no warning in the plan, only the positive signal at most
    expect(await page.getByTestId('sim-plan').locator('.warnings li:not(.signal)').count()).toBe(0);
    await screenshot(page, 'simulasi-usulkan', 'desktop');
    expect(errors).toEqual([]);
  });

  it('cancels a long run and keeps the best plan so far; the page answers meanwhile', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/simulasi`);
    await page.getByTestId('sim-state-info').waitFor({ timeout: 60_000 });
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByTestId('sim-state-info').waitFor({ timeout: 60_000 });
    // the largest unit EJ with 30 moves: the exact solve takes 1–3 s after the greedy plan arrives on this sample, the
    // window in which Cancel is clicked (a faster machine narrows it: the city sample has no longer instance)
    await page.getByTestId('opt-objective').selectOption('max-ej');
    await page.getByTestId('opt-time-limit').fill('300');
    await page.getByTestId('opt-propose').click();
    await expect.poll(() => page.getByTestId('opt-cancel').isEnabled()).toBe(true);
    // the page's own thread is free while HiGHS runs in the worker
    const t0 = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - t0).toBeLessThan(5_000);
    await page.getByTestId('opt-status').getByText(/Rencana awal \(greedy\)/).waitFor({ timeout: 60_000 });
    await page.getByTestId('opt-cancel').click();
    expect(await page.getByTestId('opt-message').innerText()).toMatch(/Dibatalkan\. \d+ mutasi/);
    await expect.poll(() => planCount(page)).toBeGreaterThan(0);
    expect(await page.getByTestId('opt-propose').isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});
