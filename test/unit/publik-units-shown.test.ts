import { describe, expect, it } from 'vitest';
import { publikUnitsShown, PUBLIK_MAX_UNITS } from '../../dashboard/src/lib/publik/report.ts';

// units as report.ts receives them: sorted by shortfall, largest first; units without a shortfall (hidden) last
const unit = (name: string, shortfall: number | null) => ({ unit_name: name, shortfall });

describe('publikUnitsShown: which units the public report draws and lists (issue 16)', () => {
  it('shows every unit up to the limit, in their order', () => {
    const units = Array.from({ length: PUBLIK_MAX_UNITS }, (_, i) => unit(`U${i}`, 30 - i));
    const s = publikUnitsShown(units);
    expect(s.top).toEqual(units);
    expect(s.bottom).toEqual([]);
    expect(s.hidden).toBe(0);
  });

  it('above the limit: the half most short of staff and the half with the most surplus; hidden shortfalls left out', () => {
    // 10 units, limit 4: shortfalls 5 … −3, then two hidden (null)
    const units = [5, 4, 3, 2, 1, 0, -1, -2, -3].map((v, i) => unit(`U${i}`, v)).concat([unit('H1', null), unit('H2', null)]);
    const s = publikUnitsShown(units, 4);
    expect(s.top.map((u) => u.shortfall)).toEqual([5, 4]);
    expect(s.bottom.map((u) => u.shortfall)).toEqual([-2, -3]);
    // 11 units − 4 shown = 7 (five in the middle, the two hidden)
    expect(s.hidden).toBe(7);
  });

  it('with fewer known shortfalls than the limit allows, nothing is shown twice', () => {
    const units = [unit('A', 2), unit('B', 1), unit('C', -1), ...Array.from({ length: 6 }, (_, i) => unit(`H${i}`, null))];
    const s = publikUnitsShown(units, 4);
    expect(s.top.map((u) => u.unit_name)).toEqual(['A', 'B']);
    expect(s.bottom.map((u) => u.unit_name)).toEqual(['C']);
    expect(s.hidden).toBe(6);
  });
});
