/**
 * Formula injection in CSV downloads (OWASP; issue 12): a warehouse whose texts start with `=`, `@`, `+` and `-`
 * (unit names, region names, position titles, decree numbers, names) is served, and the CSV of every endpoint
 * (from the server's /api index, as a role that may see it) and of the audit log is parsed: no cell starts with a
 * formula character unless it is a plain number, and the planted values arrive with a leading apostrophe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { addAccount, sessionCookie, startServer, testWarehouse, type Server } from './harness.ts';

let dir: string;
let server: Server;
const cookies: Record<string, string> = {};
let unit = '';
let transfer = '';

/** RFC 4180 parse (quotes, doubled quotes, CRLF inside quotes) */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const FORMULA = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

beforeAll(async () => {
  const wh = await testWarehouse();
  dir = mkdtempSync(path.join(os.tmpdir(), 'seimbang-csvinj-'));
  const file = path.join(dir, 'w.duckdb');
  copyFileSync(wh.file, file);
  const db = await DuckDBInstance.create(file);
  const con = await db.connect();
  await con.run(`UPDATE unit SET unit_label = '=HYPERLINK("http://x.example","' || unit_label || '")', unit_name = '@' || unit_name, region_name = '+cmd|x'`);
  await con.run(`UPDATE position SET title = '-2+3+' || title`);
  await con.run(`UPDATE staffing_need SET title = '-2+3+' || title`);
  await con.run(`UPDATE transfer SET decree_number = '=cmd|'' /C calc''!A0'`);
  await con.run(`UPDATE employee SET name = '@SUM(1+1)*cmd|x'`);
  unit = String((await con.runAndReadAll('SELECT unit_id FROM unit ORDER BY unit_id LIMIT 1')).getRows()[0]![0]);
  transfer = String((await con.runAndReadAll('SELECT transfer_id FROM transfer ORDER BY transfer_id LIMIT 1')).getRows()[0]![0]);
  con.closeSync();
  db.closeSync();
  server = await startServer(file);
  cookies.analis = await sessionCookie(server, await addAccount(server, 'analis'));
  cookies.admin = await sessionCookie(server, await addAccount(server, 'admin'));
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('CSV downloads', () => {
  it('every endpoint: no cell a spreadsheet would run, and the planted formulas arrive neutralised', async () => {
    const index = (await (await fetch(`${server.url}/api`)).json()) as { endpoints: { path: string; roles: string[] }[] };
    let neutralised = 0;
    let negatives = 0;
    let checked = 0;
    for (const e of index.endpoints) {
      const role = e.roles.includes('analis') ? 'analis' : e.roles.includes('publik') ? null : 'admin';
      const url = e.path.replace('/audit/transfers/{id}', `/audit/transfers/${transfer}`).replace('{id}', unit).replace('{ref}', '0123456789abcdef01234567');
      const res = await fetch(`${server.url}${url}?format=csv`, { headers: role ? { Cookie: cookies[role]! } : {} });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toBe('text/csv; charset=utf-8');
      for (const row of parseCsv(await res.text())) {
        for (const cell of row) {
          checked++;
          if (cell.startsWith("'")) neutralised++;
          if (/^-\d/.test(cell) && NUMBER.test(cell)) negatives++;
          expect(FORMULA.test(cell) && !NUMBER.test(cell), `${url}: ${JSON.stringify(cell)}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // unit labels, region names and titles were planted in every row that names them
    expect(neutralised).toBeGreaterThan(50);
    // negative numbers (gaps, effects) stay numbers
    expect(negatives).toBeGreaterThan(0);
  });

  it('the planted values are kept whole behind the apostrophe', async () => {
    const res = await fetch(`${server.url}/api/audit/transfers/${transfer}?format=csv`, { headers: { Cookie: cookies.analis! } });
    const [header, row] = parseCsv(await res.text());
    const at = (c: string) => row![header!.indexOf(c)]!;
    expect(at('decree_number')).toBe("'=cmd|' /C calc'!A0");
    expect(at('to_unit_name')).toMatch(/^'=HYPERLINK\("http:\/\/x\.example","/);
    expect(at('to_title')).toMatch(/^'-2\+3\+/);
  });

  it('the audit log export too (a failed sign-in logs whatever username was typed)', async () => {
    await fetch(`${server.url}/masuk`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Accept: 'text/html' },
      body: new URLSearchParams({ username: '=HYPERLINK("http://x.example")', password: 'whatever-it-is' }),
    });
    const res = await fetch(`${server.url}/admin/log-audit/csv`, { headers: { Cookie: cookies.admin! } });
    expect(res.status).toBe(200);
    const cells = parseCsv(await res.text()).flat();
    expect(cells).toContain('\'=hyperlink("http://x.example")');
    for (const cell of cells) expect(FORMULA.test(cell) && !NUMBER.test(cell), cell).toBe(false);
  });
});
