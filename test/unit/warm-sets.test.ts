// The warm-up's parameter sets with their tokens replaced (dashboard/src/lib/server/warm-sets.ts): hand-checked.
import { describe, expect, it } from 'vitest';
import { expandWarmSet, LATEST_MONTH, WINDOW_FROM, WINDOW_TO, WINDOW_YEAR } from '../../dashboard/src/lib/server/warm-sets.ts';

describe('expandWarmSet', () => {
  it('the latest month', () => {
    expect(expandWarmSet({ month: LATEST_MONTH, lang: 'id' }, '2025-12')).toEqual([{ month: '2025-12', lang: 'id' }]);
  });

  it('the analysis window: the last three calendar years of the latest month', () => {
    expect(expandWarmSet({ from: WINDOW_FROM, to: WINDOW_TO }, '2025-03')).toEqual([{ from: '2023', to: '2025' }]);
  });

  it('each year of the window, one set per year, other parameters kept', () => {
    expect(expandWarmSet({ year: WINDOW_YEAR, rule: 'all' }, '2025-12')).toEqual([
      { year: '2023', rule: 'all' },
      { year: '2024', rule: 'all' },
      { year: '2025', rule: 'all' },
    ]);
  });

  it('no set when the warehouse has no month; plain sets pass unchanged', () => {
    expect(expandWarmSet({ month: LATEST_MONTH }, null)).toEqual([]);
    expect(expandWarmSet({ year: WINDOW_YEAR }, null)).toEqual([]);
    expect(expandWarmSet({ level: 'unit' }, null)).toEqual([{ level: 'unit' }]);
    expect(expandWarmSet({}, '2025-12')).toEqual([{}]);
  });
});
