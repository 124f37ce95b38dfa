// The fairness breakdown's disclosure (dashboard/src/lib/fairness.ts), hand-checked: counts of 1–4 people hidden as
// primary, the cells that would reveal them hidden too, rates only from shown counts.
import { describe, expect, it } from 'vitest';
import { discloseFairness, type FairnessRaw } from '../../dashboard/src/lib/fairness.ts';

const g = (dimension: FairnessRaw['dimension'], group_key: string, ord: number, staff: number | null, moved: number | null, transfers: number): FairnessRaw =>
  ({ dimension, group_key, ord, staff, moved, transfers });

describe('discloseFairness', () => {
  it('hides a group of fewer than 5 people moved and one more cell of the column, so the total does not give it away', () => {
    // golongan: III 40 staff, 20 moved, 25 transfers; IV 30 staff, 3 moved (< 5), 3 transfers; PPPK 10, 6, 6
    const rows = discloseFairness([g('golongan', 'III', 3, 40, 20, 25), g('golongan', 'IV', 4, 30, 3, 3), g('golongan', 'PPPK', 5, 10, 6, 6)], 5);
    const iv = rows.find((r) => r.group_key === 'IV')!;
    expect(iv).toMatchObject({ staff: 30, moved: null, moved_suppression: 'primary', transfers: null, transfers_suppression: 'primary', moved_rate: null });
    // the column totals are published, so a second cell of each hidden column must go: the smallest shown one (PPPK)
    const pppk = rows.find((r) => r.group_key === 'PPPK')!;
    expect(pppk).toMatchObject({ moved: null, moved_suppression: 'secondary', transfers: null, transfers_suppression: 'secondary' });
    const iii = rows.find((r) => r.group_key === 'III')!;
    expect(iii).toMatchObject({ staff: 40, moved: 20, transfers: 25, moved_rate: 0.5, moved_suppression: null });
    // 25 of 34 transfers
    expect(iii.transfer_share).toBeCloseTo(25 / 34, 12);
  });

  it('nothing small: everything shown, rates from the counts', () => {
    const rows = discloseFairness([g('sex', 'L', 1, 50, 10, 12), g('sex', 'P', 2, 50, 5, 8)], 5);
    expect(rows.map((r) => [r.group_key, r.moved, r.moved_rate, r.transfer_share])).toEqual([
      ['L', 10, 0.2, 0.6],
      ['P', 5, 0.1, 0.4],
    ]);
  });

  it('a total repeated in another breakdown cannot reveal a hidden cell', () => {
    // sex shows 7 + 8 = 15 people moved; repeat movers 12 once, 3 twice: hiding "3" alone would leave 15 − 12
    const rows = discloseFairness([
      g('sex', 'L', 1, 50, 7, 9), g('sex', 'P', 2, 50, 8, 9),
      g('repeat', '1', 1, null, 12, 12), g('repeat', '2', 2, null, 3, 6),
    ], 5);
    const once = rows.find((r) => r.dimension === 'repeat' && r.group_key === '1')!;
    const twice = rows.find((r) => r.dimension === 'repeat' && r.group_key === '2')!;
    expect(twice.moved_suppression).toBe('primary');
    expect(once.moved).toBeNull();
  });
});
