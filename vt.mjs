import { createServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import path from 'node:path';
const repo = process.cwd();
const t0 = Date.now();
const vite = await createServer({
  configFile: false, root: path.join(repo, 'dashboard'), logLevel: 'warn',
  plugins: [svelte({ compilerOptions: { runes: true }, configFile: false })],
  resolve: { alias: { $lib: path.join(repo, 'dashboard/src/lib') } },
  server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] },
});
const m = await vite.ssrLoadModule('/src/lib/server/publik/collect.ts');
const { DuckDBInstance } = await import('@duckdb/node-api');
const db = await DuckDBInstance.create('data/seimbang.duckdb', { access_mode: 'READ_ONLY' });
const con = await db.connect();
const run = async (sql, params) => { const p = await con.prepare(sql); for (let i=1;i<=p.parameterCount;i++){ const v=params[p.parameterName(i)]; p.bindValue(i, v, typeof v==='number'? (await import('@duckdb/node-api')).DOUBLE : (await import('@duckdb/node-api')).VARCHAR);} const r = await p.runAndReadAll(); return { names: r.columnNames(), types: r.columnTypes(), columns: r.getColumnsJS(), rowCount: r.currentRowCount }; };
const rep = await m.collectPublik(run);
console.log(Date.now()-t0, 'ms');
console.log(JSON.stringify({k: rep.k, first: rep.firstMonth, last: rep.lastMonth, units: rep.units.length, q: rep.transfersByReason.rows, comp: rep.compliance.map(c=>[c.rule, c.years, c.table.cells.map(r=>r.map(x=>x.value??x.status))])}, null, 0));
console.log(rep.transfersByReason.cells.map(r=>r.map(c=>c.value??c.status[0]).join(' ')).join('\n'));
console.log(rep.staffByBand.cells.slice(-3), rep.effects.map(e=>[e.outcome,e.overall,e.dynamic.length]));
await vite.close();
