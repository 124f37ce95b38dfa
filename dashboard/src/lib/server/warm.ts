/**
 * Cache warm-up: when the server opens a warehouse (at start and after every rebuild), the answers the overview
 * page (Ringkasan) and Audit mutasi ask for — the parameter sets declared as `warm` in lib/server/endpoints.ts, `$latest`
 * being the latest month, `$window_*` the analysis window's years — are computed and put into the response LRU in the background, so the first visitor after a start or a rebuild does not wait for DuckDB to open the file
 * and run the queries. Requests arriving meanwhile are served as usual (at worst they compute the same answer).
 */
import { acquire, onNewGeneration, release, runQuery, type Generation } from './db';
import { prefill } from './arrow';
import { schemaStatus } from '#domain/warehouse-schema.ts';
import { ENDPOINTS } from './endpoints';
import { expandWarmSet } from './warm-sets';

async function warmUp(gen: Generation): Promise<void> {
  // a warehouse of another schema version is not queried at all (every request answers "rebuild")
  if (gen.retired || schemaStatus(gen.schemaVersion) !== 'current') return;
  gen.active++;
  const t0 = performance.now();
  try {
    const latest = await runQuery(gen, `SELECT strftime(max(month), '%Y-%m') AS m FROM unit_load_monthly`, {});
    const month = latest.columns[0]?.[0];
    for (const e of ENDPOINTS) {
      for (const set of e.warm ?? []) {
        for (const search of expandWarmSet(set, typeof month === 'string' ? month : null)) await prefill(gen, e.query, search);
      }
    }
    console.log(`[seimbang] response cache warmed for ${gen.builtAt} in ${Math.round(performance.now() - t0)} ms`);
  } catch (err) {
    // a warehouse without these tables: the pages will say what is missing when asked
    console.warn(`[seimbang] cache warm-up skipped: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    release(gen);
  }
}

let started = false;

/** Warm every generation the server opens, and open the warehouse now (if it exists) rather than on the first request. */
export function startWarmUp(): void {
  if (started) return;
  started = true;
  onNewGeneration((gen) => void warmUp(gen));
  acquire().then(release, () => {
    /* no warehouse yet: it is opened (and warmed) when it appears */
  });
}
