/**
 * The /simulasi page in Chromium at province scale (SIM_PROVINCE_DB, else data/bench/province.duckdb) and city scale
 * (data/seimbang.duckdb): page ready = navigation start until the state is loaded and the page shows it (the state
 * line and the three charts drawn), median of fresh loads (the server's encoded state is warm after the first);
 * bytes transferred for the state (gzip); one move clicked until the plan list, the indices and the charts show it
 * (the whole page update, rendering included: an upper bound of the engine's own time, which bench/simulate.bench.ts
 * measures). Writes docs/benchmarks.md, section "Simulator page (Chromium)".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadavg } from 'node:os';
import { machine, median, ROOT, writeSection } from './util.ts';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from '../test/browser/harness.ts';
import { loadStateFromFile } from '../pipeline/sim-state/duckdb.ts';

const log = (s: string) => process.stderr.write(`${s}\n`);
const scales: [string, string | null][] = [
  ['city', existsSync(join(ROOT, 'data/seimbang.duckdb')) ? join(ROOT, 'data/seimbang.duckdb') : null],
  ['province', process.env.SIM_PROVINCE_DB ?? (existsSync(join(ROOT, 'data/bench/province.duckdb')) ? join(ROOT, 'data/bench/province.duckdb') : null)],
];
const rows: string[] = [];
for (const [scale, db] of scales) {
  if (!db) {
    log(`${scale}: no warehouse, skipped`);
    continue;
  }
  const state = await loadStateFromFile(db, null);
  // the server may need more than the harness's 20 s to start on a loaded machine: one more try
  const server = await startServer(db).catch(() => startServer(db));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    // warm the server's encoded state once
    // the simulator needs an account (pimpinan or analis): the harness's leadership session
    await server.fetch('/api/simulasi/state', { headers: { 'accept-encoding': 'gzip' } });
    const [cookieName, cookieValue] = (await server.cookie()).split('=') as [string, string];
    const ready: number[] = [];
    const moveMs: number[] = [];
    const phases: number[][] = [];
    const engineMs: number[] = [];
    let transferred = 0;
    let encoding = '';
    for (let run = 0; run < 3; run++) {
      const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await ctx.addCookies([{ name: cookieName, value: cookieValue, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
      const page = await ctx.newPage();
      let bytes = 0;
      page.on('response', async (r) => {
        // bytes on the wire (gzip-encoded body), as Chromium counted them
        if (r.url().includes('/api/simulasi/state')) {
          await r.finished();
          bytes = (await r.request().sizes()).responseBodySize;
          encoding = (await r.allHeaders())['content-encoding'] ?? 'identity';
        }
      });
      const t0 = Date.now();
      await page.goto(`${server.url}/simulasi`);
      await page.getByTestId('sim-state-info').waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => ['sim-chart-units', 'sim-chart-indices', 'sim-chart-timeline'].every((id) => document.querySelector(`[data-testid="${id}"] svg, [data-testid="${id}"] figure`)), undefined, { timeout: 60_000 });
      ready.push(Date.now() - t0);
      // where the time went (marks set by lib/simState.ts and the page): state downloaded, decoded, built, engine ready
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      phases.push(['sim:fetched', 'sim:decoded', 'sim:state', 'sim:engine'].map((k) => marks[k] ?? NaN));
      transferred = bytes || transferred;
      // one move: pick a person by NIP and the first position of another unit, click, wait for the plan line
      const i = (run * 7919 + 11) % state.people.nip.length;
      await page.getByTestId('sim-find').fill(state.people.nip[i]!);
      await page.getByTestId('sim-matches').getByRole('button').first().click();
      const from = state.positions.unit[state.people.position[i]!]!;
      const u = (from + 1) % state.units.id.length;
      const p = state.positions.unit.findIndex((x) => x === u);
      await page.getByTestId('sim-target-unit').selectOption(state.units.id[u]!);
      await page.getByTestId('sim-target').selectOption(state.positions.id[p]!);
      const t1 = await page.evaluate(() => performance.now());
      await page.getByTestId('sim-move').click();
      const t2 = await page.evaluate(async () => {
        for (;;) {
          if (document.querySelector('[data-testid="sim-plan"] > li')) return performance.now();
          await new Promise((r) => requestAnimationFrame(r));
        }
      });
      moveMs.push(t2 - t1);
      engineMs.push(await page.evaluate(() => performance.getEntriesByName('sim:apply').at(-1)?.duration ?? NaN));
      await ctx.close();
      log(`${scale} run ${run + 1}: ready ${ready.at(-1)} ms, move ${Math.round(t2 - t1)} ms, state ${(transferred / 2 ** 20).toFixed(2)} MB (${encoding})`);
    }
    const phase = (k: number) => Math.round(median(phases.map((p) => p[k]!)));
    rows.push(
      `| ${scale} | ${state.people.nip.length.toLocaleString('en')} | ${(transferred / 2 ** 20).toFixed(2)} MB (${encoding}) | ${Math.round(median(ready))} ms | ` +
        `${phase(0)} / ${phase(1)} / ${phase(2)} / ${phase(3)} ms | ${median(engineMs).toFixed(2)} ms | ${Math.round(median(moveMs))} ms |`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
writeSection('Simulator page (Chromium)', `
${machine()}, load average ${loadavg()[0].toFixed(1)} at the end of the run${loadavg()[0] > 2 ? '; shared, loaded machine (load average above the 2 cores): read the ratios' : ''}. \`npm run bench -- simulasi-page\`.
Page ready: navigation until the state line and the three charts are drawn, median of 3 fresh browser contexts (the
server's encoded state warm). Move: click until the plan list shows it, the page's whole update with charts and
every index (an upper bound of the engine's own time in bench "Simulator"). The state's download starts while the
HTML is parsed (a preload link), in parallel with the page's scripts. "The engine in Chromium": the page's own
measure around \`Simulator.apply\` (the incremental update of positions, units and the index sums, before Svelte reads and renders them), target ≤ 1 ms city / ≤ 5 ms province. Targets: state ≤ 10 MB, ready ≤ 2 s
(province).

| scale | people | state transferred (gzip) | page ready | state downloaded / decoded / built / engine ready (since navigation) | one move, the engine in Chromium | one move, whole page update |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
log(rows.join('\n'));
