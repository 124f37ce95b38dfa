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

  // the numbers, against the planted truths of the sample (tools/sample/README.md) and an independent count
  const num = (s: string) => Number(s.replaceAll('−', '-').replaceAll('.', '').replace(',', '.'));
  const page = (n: string) => readFileSync(join(out, `${n}.html`), 'utf8').replace(/\s+/g, ' ');

  it('the last wave: the interval of the unit effect on the mean score covers the planted +4.0, the ramp-up covers −4.5', () => {
    const unit = /Rata-rata nilai SKP<\/td><td>([^<]+)<\/td><td>([^<]+) … ([^<]+)<\/td>/.exec(page('dampak-gelombang-rotasi'));
    expect(unit).not.toBeNull();
    const [att, lo, hi] = [num(unit![1]!), num(unit![2]!), num(unit![3]!)];
    expect(lo).toBeLessThan(4.0);
    expect(hi).toBeGreaterThan(4.0);
    expect(att).toBeGreaterThan(2);
    // people: ramp(e) = −6, −6, −6, −3, −3, −3 over the six months after the move: mean −4.5
    const ppl = /relatif terhadap rekan: <strong>([^<]+) poin<\/strong> \(95 %: ([^ ]+) … ([^)]+)\)/.exec(page('dampak-gelombang-rotasi'));
    expect(ppl).not.toBeNull();
    expect(num(ppl![2]!)).toBeLessThan(-4.5);
    expect(num(ppl![3]!)).toBeGreaterThan(-4.5);
  });

  it('formation: the retirements of the plan year equal an independent count from birth dates and the default BUP table', async () => {
    const [c] = await query(DB, `
      WITH x AS (
        SELECT e.birth_date,
               CASE WHEN p.title ILIKE '%Ahli Utama%' THEN 65 WHEN p.title ILIKE '%Ahli Madya%' THEN 60
                    WHEN p.title ILIKE 'Guru%' THEN 60 WHEN p.position_kind = 'struktural' AND p."class" >= 13 THEN 60 ELSE 58 END AS bup
        FROM employee e JOIN position p USING (position_id)),
      y AS (SELECT make_date(year(birth_date) + bup, month(birth_date), 1) + INTERVAL 1 MONTH AS tmt FROM x),
      nxt AS (SELECT CAST(max("month") + INTERVAL 1 MONTH AS DATE) AS d FROM month_calendar)
      SELECT year(nxt.d) AS plan_year, count(*) FILTER (WHERE tmt >= nxt.d AND tmt <= make_date(year(nxt.d) + 1, 1, 1)) AS retiring
      FROM y, nxt GROUP BY ALL`);
    expect(page('kebutuhan-formasi')).toContain(`Pensiun sampai akhir ${c!.plan_year}: <strong>${c!.retiring} pegawai</strong>`);
    expect(Number(c!.retiring)).toBeGreaterThan(0);
  });

  it('imbalance: the June–July registration surge of Dinas Pendidikan is found as recurring', () => {
    const p = page('ketimpangan-beban-kerja');
    expect(p).toMatch(/<td>Dinas Pendidikan<\/td><td>Dinas Pendidikan<\/td><td>Jun<\/td>/);
    expect(p).toMatch(/<td>Dinas Pendidikan<\/td><td>Dinas Pendidikan<\/td><td>Jul<\/td>/);
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
    // the good one is the example of notebooks/README.md, so the README stays true
    const readme = readFileSync(join(ROOT, 'notebooks/README.md'), 'utf8');
    writeFileSync(join(dir, 'baik.md'), `# Baik\n\n${/````md\n([\s\S]*?)\n````/.exec(readme)![1]}\n`);
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
    expect(readFileSync(join(dir, 'out', 'baik.html'), 'utf8')).toMatch(/Gini of EJ across units, last month: <strong>0,\d{3}<\/strong>/);
    expect(existsSync(join(dir, 'out', 'rusak-sql.html'))).toBe(false);
  });
});
