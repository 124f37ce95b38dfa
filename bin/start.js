#!/usr/bin/env node
// `npm start`: make sure there is a warehouse and a dashboard build, then serve the dashboard.
//
//  1. if the warehouse (env SEIMBANG_DB, default data/seimbang.duckdb) is missing, build it from the bundled
//     sample: `node bin/seimbang.js build --input data/sample --db <warehouse>` (its output is streamed); if it
//     was built by another version (`seimbang schema`), rebuild it when it came from the sample, else say how
//     (bin/start-warehouse.js);
//  2. if dashboard/build is missing or older than the dashboard sources, build it (vite);
//  3. open the application store (env SEIMBANG_APP_DB, default data/seimbang-app.sqlite: users, sessions, audit
//     log); on a fresh install create the first admin and print its one-time password, once;
//  4. start the adapter-node server in this process on PORT (default 3000) with SEIMBANG_DB set.
import { ensureWarehouse, runNode } from './start-warehouse.js';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const db = path.resolve(repo, process.env.SEIMBANG_DB || 'data/seimbang.duckdb');
const port = process.env.PORT || '3000';
const serverEntry = path.join(repo, 'dashboard', 'build', 'index.js');
const sources = ['dashboard/src', 'dashboard/static', 'dashboard/svelte.config.js', 'dashboard/vite.config.ts', 'pipeline/domain', 'pipeline/simulate', 'pipeline/sim-state', 'pipeline/optimize', 'app-store'];

/** newest modification time under a file or folder (ignoring dot-files) */
function newest(p) {
  const full = path.join(repo, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(full, { withFileTypes: true })) {
    if (!e.name.startsWith('.')) max = Math.max(max, newest(path.join(p, e.name)));
  }
  return max;
}

// 1. warehouse
ensureWarehouse(repo, db);

// 2. dashboard build
const builtAt = existsSync(serverEntry) ? statSync(serverEntry).mtimeMs : 0;
if (!builtAt || sources.some((s) => newest(s) > builtAt)) {
  runNode(
    repo,
    [path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'dashboard/vite.config.ts'],
    builtAt ? 'dashboard sources changed: rebuilding the dashboard' : 'building the dashboard',
  );
}

// 3. the application store and, on a fresh install, the first admin (no default password exists anywhere)
process.env.SEIMBANG_APP_DB = path.resolve(repo, process.env.SEIMBANG_APP_DB || 'data/seimbang-app.sqlite');
const { register } = await import('tsx/esm/api');
const unregister = register();
const { openStore } = await import('../app-store/store.ts');
const { ensureFirstAdmin } = await import('../app-store/first-admin.ts');
unregister(); // the server bundle is plain JavaScript: no need to pass it through tsx
const store = openStore(process.env.SEIMBANG_APP_DB);
const firstAdmin = await ensureFirstAdmin(store);
store.close();
process.stdout.write(`[seimbang] application store: ${path.relative(repo, process.env.SEIMBANG_APP_DB) || process.env.SEIMBANG_APP_DB}\n`);

// 4. serve (adapter-node reads PORT / HOST from the environment when its entry is imported)
process.env.PORT = port;
process.env.SEIMBANG_DB = db;
process.stdout.write(`\n[seimbang] warehouse: ${path.relative(repo, db) || db}\n`);
await import(pathToFileURL(serverEntry).href);
const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
process.stdout.write(`[seimbang] Seimbang is running at http://${host}:${port}/  (Ctrl+C to stop)\n`);
if (firstAdmin) {
  process.stdout.write(
    `\n[seimbang] first start: an admin account was created. Sign in at http://${host}:${port}/masuk with\n` +
      `            username: ${firstAdmin.username}\n            one-time password: ${firstAdmin.password}\n` +
      '          It is shown this once only; you choose your own password at the first sign-in.\n' +
      '          Lost it? npx seimbang user reset-password admin\n\n',
  );
}
