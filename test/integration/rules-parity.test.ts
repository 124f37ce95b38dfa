// Each merit rule is defined once in TypeScript (pipeline/domain/rules.ts) and mirrored in SQL (macros/rules.sql,
// marts/transfer_audit.sql). This test proves the two agree on every transfer × rule of the sample warehouse; the
// hand-made edge cases of the tiny fixture are checked the same way in transfer-audit.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSampleWarehouse, SAMPLE, type SampleWarehouse } from './sample-warehouse.ts';
import { cli, query, removeDir, tempDir } from './helpers.ts';
import { expectRulesParity, expectTenureOverdueParity } from './rules-parity.ts';

let s: SampleWarehouse;
beforeAll(() => {
  s = buildSampleWarehouse();
});
afterAll(() => s?.cleanup());

describe('SQL merit audit = TypeScript rules on the sample warehouse', () => {
  it('status, code, value and threshold of every transfer × rule', async () => {
    const n = await expectRulesParity(s.db);
    expect(n).toBeGreaterThan(6 * 1000);
  });
  it('the maximum tenure: who is over it, months and years, for every employee', async () => {
    expect(await expectTenureOverdueParity(s.db)).toBeGreaterThan(1000);
  });
});

describe('SQL merit audit = TypeScript rules with several election windows', () => {
  // the region's own windows (overlapping, so a date can be in two) replace the '*' windows; a transfer reads
  // its region's windows from one list (marts/transfer_audit_fact.sql)
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = tempDir('seimbang-windows-');
    db = join(dir, 'w.duckdb');
    const settings = join(dir, 'settings.yaml');
    writeFileSync(settings, [
      'region:', '  code: "3999"', '  name: Kota Sukamaju', 'election:', '  windows:',
      '    - { region_code: "3999", candidate_determination: "2024-03-01", ban_end: "2024-06-30" }',
      '    - { region_code: "3999", candidate_determination: "2024-05-01", ban_end: "2024-10-31" }',
      '    - { region_code: "3999", candidate_determination: "2025-01-15", ban_end: "2025-03-31" }',
      '    - { region_code: "*", candidate_determination: "2024-09-22", ban_end: "2025-02-20" }',
      '  checked_from: null', '  checked_until: null', '',
    ].join('\n'));
    const r = cli(['build', '--input', SAMPLE, '--db', db, '--settings', settings]);
    expect(r.code, r.stderr).toBe(0);
  }, 240_000);
  afterAll(() => removeDir(dir));

  it('status, code, value and threshold of every transfer × rule, and the windows each transfer is in', async () => {
    expect(await expectRulesParity(db)).toBeGreaterThan(6 * 1000);
    // the fixture reaches what it is for: dates in two windows at once, and a decree inside a window
    const [c] = await query(db, `SELECT count(*) FILTER (WHERE n_windows = 3) AS three, count(*) FILTER (WHERE hit_start = DATE '2023-09-01' AND hit_end = DATE '2024-10-31') AS in_two,
      count(*) FILTER (WHERE hit_start = DATE '2023-11-01' AND hit_end = DATE '2025-03-31') AS in_two_later, count(*) FILTER (WHERE decree_in_window) AS decree FROM transfer_audit_fact`);
    expect(c!.three as number).toBeGreaterThan(1000);
    expect(c!.in_two as number).toBeGreaterThan(0);
    expect(c!.in_two_later as number).toBeGreaterThan(0);
    expect(c!.decree as number).toBeGreaterThan(0);
  });
});

