import { DuckDBInstance } from '@duckdb/node-api';
const db = await DuckDBInstance.create('data/seimbang.duckdb', { access_mode: 'READ_ONLY' });
const con = await db.connect();
for (const sql of process.argv.slice(2)) { const r = await con.runAndReadAll(sql); console.log(sql.slice(0,80)); console.table(r.getRowObjectsJS().slice(0,40)); }
