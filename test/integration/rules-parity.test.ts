// Each merit rule is defined once in TypeScript (pipeline/domain/rules.ts) and mirrored in SQL (macros/rules.sql,
// marts/transfer_audit.sql). This test proves the two agree on every transfer × rule of the sample warehouse; the
// hand-made edge cases of the tiny fixture are checked the same way in transfer-audit.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleWarehouse, type SampleWarehouse } from './sample-warehouse.ts';
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
