/**
 * `npm run notebooks` as a user runs it: the three analyst notebooks re-run on the sample warehouse (built when
 * missing, as npm start does) and render to standalone HTML with their charts and no personal data; a broken
 * notebook fails the command naming the notebook, the cell, the line and the message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, removeDir, ROOT, tempDir } from './helpers.ts';

const RUNNER = join(ROOT, 'bin/notebooks.js');
const DB = join(ROOT, 'data/seimbang.duckdb');
const NOTEBOOKS = ['ketimpangan-beban-kerja', 'dampak-gelombang-rotasi', 'kebutuhan-formasi'];

function run(args: string[]) {
  const r = spawnSync(process.execPath, [RUNNER, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run notebooks on the sample warehouse', () => {
  let out: string;
  let result: ReturnType<typeof run>;
  beforeAll(() => {
    out = tempDir('seimbang-nb-out-');
    result = run(['--out', out]); // default warehouse: data/seimbang.duckdb, built from data/sample when missing
  });
  afterAll(() => removeDir(out));

  it('runs every notebook and exits 0', () => {
    expect(result.stderr).not.toMatch(/✗/);
    expect(result.code).toBe(0);
    for (const n of NOTEBOOKS) expect(result.stdout).toContain(`notebooks/${n}.md`);
  });

  it.each(NOTEBOOKS)('%s.html is standalone, with its charts', (n) => {
    const file = join(out, `${n}.html`);
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    // charts are Plot SVGs inline; nothing to run or fetch, so it opens from a plain folder
    const charts = html.match(/<svg[^>]*class="plot-/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(1);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    // every cell ran and is shown with its source; the three parts an analyst needs are there
    expect(html).toMatch(/<h2[^>]*>Question/);
    expect(html).toMatch(/<h2[^>]*>Method/);
    expect(html).toMatch(/<h2[^>]*>Limits/);
  });

  it('the rendered notebooks carry no name or NIP of any employee', async () => {
    const people = await query(DB, 'SELECT nip, name FROM employee');
    expect(people.length).toBeGreaterThan(1000);
    const pages = NOTEBOOKS.map((n) => readFileSync(join(out, `${n}.html`), 'utf8'));
    for (const p of people) {
      for (const page of pages) {
        expect(page.includes(String(p.nip))).toBe(false);
        if (String(p.name).length >= 8) expect(page.includes(String(p.name))).toBe(false);
      }
    }
  });

  it('charts per notebook: event studies for the wave, the EJ and seasonal charts for imbalance', () => {
    const count = (n: string) => (readFileSync(join(out, `${n}.html`), 'utf8').match(/<svg[^>]*class="plot-/g) ?? []).length;
    expect(count('dampak-gelombang-rotasi')).toBeGreaterThanOrEqual(4);
    expect(count('ketimpangan-beban-kerja')).toBeGreaterThanOrEqual(3);
  });
});

describe('a broken notebook fails the command', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('seimbang-nb-broken-');
    writeFileSync(join(dir, 'baik.md'), '# Baik\n\n```sql n\nSELECT count(*) AS n FROM unit\n```\n\n```ts\ndisplay(md(`${n[0].n} unit`));\n```\n');
    writeFileSync(
      join(dir, 'rusak-sql.md'),
      '# Rusak\n\nProse.\n\n```sql ok\nSELECT 1 AS x\n```\n\n```sql units\nSELECT no_such_column FROM unit_load_monthly\n```\n',
    );
    writeFileSync(join(dir, 'rusak-ts.md'), "# Rusak TS\n\n```ts\nconst a = 1;\n```\n\n```ts\nconst b = a + 1;\nthrow new Error('jumlah tidak cocok');\n```\n");
    writeFileSync(join(dir, 'rusak-sintaks.md'), '# Sintaks\n\n```ts\nconst a = 1;\n```\n\n```ts\nconst b = (;\n```\n');
    mkdirSync(join(dir, 'out'));
  });
  afterAll(() => removeDir(dir));

  it('names the notebook, the cell, the line and the message for each; the others still render', () => {
    const r = run(['--db', DB, '--dir', dir, '--out', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rusak-sql\.md: cell 2 \(line 9, sql units\): Binder Error: .*no_such_column/);
    expect(r.stderr).toMatch(/rusak-ts\.md: cell 2 \(line 9, ts\): jumlah tidak cocok/);
    // a syntax error (from the TypeScript compiler, before any cell runs) is placed on its line in the notebook
    expect(r.stderr).toMatch(/rusak-sintaks\.md: cell 2 \(line 8, ts\): \S/);
    expect(r.stderr).toContain('3 of 4 notebooks failed');
    expect(existsSync(join(dir, 'out', 'baik.html'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'rusak-sql.html'))).toBe(false);
  });
});
