import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create('/tmp/core-w/w.duckdb', {access_mode:'READ_ONLY'}); const c = await db.connect();
const q = async (s) => console.log(JSON.stringify((await (await c.run(s)).getRowObjectsJson())));
await q(`SELECT settings FROM build_info`);
await q(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'setting%'`);
await q(`SELECT rule, code, status, count(*) n FROM transfer_audit GROUP BY ALL ORDER BY ALL`);
