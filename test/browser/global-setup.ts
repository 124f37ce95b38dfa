/**
 * Once per browser-test run, before any file starts: build the dashboard (when stale) and the sample warehouse
 * (when missing). The files then run two at a time (vitest.config.ts), and neither build may run twice at once:
 * the warehouse has a lock (sample-warehouse.ts), the dashboard's vite build does not.
 */
import { ensureDashboardBuilt } from './harness.ts';
import { sampleWarehouse } from './sample-warehouse.ts';

export default async function setup(): Promise<void> {
  ensureDashboardBuilt();
  if (!process.env.SEIMBANG_TEST_DB) await sampleWarehouse();
}
