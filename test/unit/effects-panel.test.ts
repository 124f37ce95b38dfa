// Panel validation and did's sample rules (pre_process_did2): unbalanced panels are rejected, cohorts must be
// constant within id, late cohorts count as never treated, first-period-treated units are dropped, and the
// no-never-treated fallbacks.
import { describe, expect, it } from 'vitest';
import { balancePanel, EffectsInputError, estimateEffects, preparePanel } from '../../pipeline/effects/index.ts';
import type { PanelRow } from '../../pipeline/effects/index.ts';
import { rowsFromWide, THREE_PERIODS } from './effects-helpers.ts';

const unit = (id: string, cohort: number, y: number[]) => ({ id, cohort, y });
const fiveOf = (prefix: string, cohort: number, y: (k: number) => number[]) =>
  [0, 1, 2, 3, 4].map((k) => unit(`${prefix}${k}`, cohort, y(k)));

describe('validation', () => {
  it('rejects an unbalanced panel, naming an id and a missing period', () => {
    const rows = THREE_PERIODS.filter((r) => !(r.id === 'b2' && r.time === 3));
    expect(() => balancePanel(rows)).toThrow(EffectsInputError);
    expect(() => balancePanel(rows)).toThrow(/unbalanced panel: id "b2" has no row for time 3/);
  });

  it('rejects duplicate id × period rows', () => {
    expect(() => balancePanel([...THREE_PERIODS, THREE_PERIODS[0]])).toThrow(/id "a1" has more than one row for time 1/);
  });

  it('rejects a cohort that changes within an id', () => {
    const rows = THREE_PERIODS.map((r) => (r.id === 'a3' && r.time === 2 ? { ...r, cohort: 3 } : r));
    expect(() => balancePanel(rows)).toThrow(/cohort must be constant within id: id "a3" has cohorts 2 and 3/);
  });

  it('rejects missing outcomes, bad times and negative cohorts', () => {
    expect(() => balancePanel(THREE_PERIODS.map((r, k) => (k === 4 ? { ...r, y: null } : r)))).toThrow(
      /id "a2", time 2: outcome is missing/,
    );
    expect(() => balancePanel(THREE_PERIODS.map((r, k) => (k === 0 ? { ...r, time: NaN } : r)))).toThrow(/time must be a finite number/);
    expect(() => balancePanel(THREE_PERIODS.map((r) => (r.id === 'a1' ? { ...r, cohort: -1 } : r)))).toThrow(/cohort must be 0/);
    expect(() => balancePanel([])).toThrow(/empty/);
  });

  it('numeric ids are sorted numerically within a cohort', () => {
    const map: Record<string, number> = { a1: 100, a2: 5, a3: 10, a4: 50, a5: 1 };
    const rows: PanelRow[] = THREE_PERIODS.map((r) => ({ ...r, id: map[r.id] ?? r.id }));
    const p = preparePanel(balancePanel(rows));
    expect(p.ids.slice(0, 5)).toEqual([1, 5, 10, 50, 100]);
  });
});

describe("did's sample rules", () => {
  it('a cohort after the last period is never treated', () => {
    const rows = THREE_PERIODS.map((r) => (r.cohort === 3 ? { ...r, cohort: 9 } : r));
    const p = preparePanel(balancePanel(rows));
    expect(p.groups).toEqual([2]);
    expect(p.cohort.filter((g) => g === Infinity)).toHaveLength(10);
    expect(p.warnings.join(' ')).toMatch(/5 units first treated after the last period/);
  });

  it('units treated in the first period are dropped (and not counted in n)', () => {
    const rows = [
      ...THREE_PERIODS,
      ...rowsFromWide([1, 2, 3], [unit('x1', 1, [9, 9, 9]), unit('x2', 1, [8, 8, 8])]),
    ];
    const p = preparePanel(balancePanel(rows));
    expect(p.n).toBe(15);
    expect(p.ids).not.toContain('x1');
    expect(p.warnings.join(' ')).toMatch(/Dropped 2 units that were already treated in the first period/);
    // estimates are those of the panel without them
    const a = estimateEffects(rows, { biters: 0 });
    const b = estimateEffects(THREE_PERIODS, { biters: 0 });
    expect(a.att_gt).toEqual(b.att_gt);
  });

  it('no never-treated units, nevertreated control: the last cohort becomes the control and its periods go', () => {
    // cohorts 2, 3, 4 over periods 1..4
    const rows = rowsFromWide(
      [1, 2, 3, 4],
      [
        ...fiveOf('a', 2, (k) => [0, 2 + k, 3, 4]),
        ...fiveOf('b', 3, (k) => [1, 1, 4 + k, 5]),
        ...fiveOf('c', 4, (k) => [0, k, 1, 9]),
      ],
    );
    const p = preparePanel(balancePanel(rows), 'nevertreated');
    expect(p.times).toEqual([1, 2, 3]);
    expect(p.groups).toEqual([2, 3]);
    expect(p.cohort.filter((g) => g === Infinity)).toHaveLength(5);
    expect(p.warnings.join(' ')).toMatch(/No never-treated group is available.*cohort \(4\).*never-treated/);
    // same as relabelling cohort 4 as never treated on periods 1..3
    const relabelled = rows.filter((r) => r.time < 4).map((r) => (r.cohort === 4 ? { ...r, cohort: 0 } : r));
    expect(estimateEffects(rows, { biters: 0 }).att_gt).toEqual(estimateEffects(relabelled, { biters: 0 }).att_gt);
  });

  it('no never-treated units, notyettreated control: periods from the last cohort on go, it stays a control only', () => {
    const rows = rowsFromWide(
      [1, 2, 3, 4],
      [
        ...fiveOf('a', 2, (k) => [0, 2 + k, 3, 4]),
        ...fiveOf('b', 3, (k) => [1, 1, 4 + k, 5]),
        ...fiveOf('c', 4, (k) => [0, k, 1, 9]),
      ],
    );
    const p = preparePanel(balancePanel(rows), 'notyettreated');
    expect(p.times).toEqual([1, 2, 3]);
    expect(p.groups).toEqual([2, 3]);
    expect(p.cohort.filter((g) => g === 4)).toHaveLength(5);
    const r = estimateEffects(rows, { control: 'notyettreated', biters: 0 });
    // ATT(2,2): controls are cohorts 3 and 4 (both later than 2)
    expect(r.att_gt[0]).toMatchObject({ group: 2, time: 2, n_control: 10 });
  });

  it('a never-treated group of fewer than 5 units is an error with the never-treated control (as did)', () => {
    const rows = THREE_PERIODS.filter((r) => r.id !== 'c5');
    expect(() => preparePanel(balancePanel(rows), 'nevertreated')).toThrow(/never-treated group has only 4 units/);
    const p = preparePanel(balancePanel(rows), 'notyettreated');
    expect(p.warnings.join(' ')).toMatch(/very few units.*: 0\./);
  });

  it('a small treated group is a warning', () => {
    const rows = THREE_PERIODS.filter((r) => r.id !== 'a5');
    expect(preparePanel(balancePanel(rows)).warnings.join(' ')).toMatch(/very few units .*: 2\./);
  });

  it('no treated group after the first period is an error', () => {
    const rows = THREE_PERIODS.filter((r) => r.cohort === 0);
    expect(() => preparePanel(balancePanel(rows))).toThrow(/no valid treated groups/);
  });
});
