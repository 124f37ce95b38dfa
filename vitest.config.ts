import { defineConfig } from 'vitest/config';

// Three projects: `unit` (pure functions, fast), `integration` (builds real warehouses in temp folders),
// `browser` (Chromium via playwright-core against the production dashboard server).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      // agreement with R's did on its mpdta data; needs SEIMBANG_MPDTA_CSV (not redistributed): npm run test:reference
      { test: { name: 'reference', include: ['test/reference/**/*.test.ts'], testTimeout: 120_000 } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // two files at a time (each its own server and Chromium): much of a browser test is waiting on a page,
          // so the second core is otherwise idle; the builds they share run once first (global-setup.ts)
          globalSetup: ['test/browser/global-setup.ts'],
          maxWorkers: 2,
        },
      },
    ],
  },
});
