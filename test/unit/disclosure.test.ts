// Disclosure control (UU 27/2022): hand-checked suppression patterns, the attack the module defends against, and
// an independent integer-programming attack (HiGHS) on many random reports: no suppressed cell may be recoverable.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  auditDisclosure, cellText, suppressCounts, suppressDistribution, type CountTable, type DisclosedTable, type Link,
} from '#domain/disclosure.ts';
import { DEFAULT_SETTINGS } from '#domain/settings.ts';
import { solveHiddenCells } from '../helpers/disclosure-solver.ts';

const K = 5;
const statuses = (t: DisclosedTable) => t.cells.map((r) => r.map((c) => c.status[0]).join('')).join('/');

describe('settings', () => {
  it('the threshold is a setting, default 5 (UU 27/2022)', () => {
    expect(DEFAULT_SETTINGS.disclosure.min_cell_size).toBe(5);
  });
});

describe('primary and secondary suppression (hand-checked)', () => {
  it('a 3 in a 2×3 table: the 3, the smallest cells of its row and column, and the cell closing the rectangle', () => {
    // row 0: 10 3 8 (21), row 1: 12 9 7 (28); columns 22 12 15; total 49.
    // 3 < 5 → primary. Row 0 then has one hidden cell → hide its smallest other non-zero cell, 8. Column 1 → hide 9.
    // Column 2 (8 hidden) → hide 7. Row 1 now hides 9 and 7. With a = the 3: b = 11 − a, c = 12 − a, d = 4 + a,
    // a ∈ 1…4, b, c, d ≥ 5 → a can be 1, 2, 3 or 4: not recoverable.
    const [t] = suppressCounts([{ id: 't', rows: ['r0', 'r1'], cols: ['a', 'b', 'c'], counts: [[10, 3, 8], [12, 9, 7]] }], { minCellSize: K });
    expect(statuses(t!)).toBe('pps/pss');
    expect(t!.cells[0]!.map((c) => c.value)).toEqual([10, null, null]);
    expect(t!.rowTotals!.map((c) => c.value)).toEqual([21, 28]);
    expect(t!.colTotals!.map((c) => c.value)).toEqual([22, 12, 15]);
    expect(t!.total).toEqual({ value: 49, status: 'published' });
  });

  it('zero is shown (it describes nobody); only 1 … k−1 is primary', () => {
    const [t] = suppressCounts([{ id: 't', rows: ['r'], cols: ['a', 'b', 'c'], counts: [[0, 5, 40]], margins: { cols: false } }], { minCellSize: K });
    expect(t!.cells[0]!.map((c) => c.status)).toEqual(['published', 'published', 'published']);
    expect(t!.rowTotals![0]).toEqual({ value: 45, status: 'published' });
  });

  it('the threshold is honoured: k = 3 shows a 3 and a 4', () => {
    const [t] = suppressCounts([{ id: 't', rows: ['r0', 'r1'], cols: ['a', 'b'], counts: [[3, 4], [10, 20]] }], { minCellSize: 3 });
    expect(statuses(t!)).toBe('pp/pp');
  });

  it('a small margin is suppressed too (row total 4 = 1 + 3)', () => {
    const [t] = suppressCounts([{ id: 't', rows: ['r0', 'r1', 'r2'], cols: ['a', 'b'], counts: [[1, 3], [20, 30], [40, 50]] }], { minCellSize: K });
    expect(t!.rowTotals![0]!.status).toBe('primary');
    expect(auditDisclosure([{ id: 't', rows: ['r0', 'r1', 'r2'], cols: ['a', 'b'], counts: [[1, 3], [20, 30], [40, 50]] }], [t!], { minCellSize: K })).toEqual([]);
  });

  it('bounds are an attack: 1 + 5 = 6 with both hidden reveals the 1 (a hidden "·" is at least 5)', () => {
    const table: CountTable = { id: 't', rows: ['r'], cols: ['a', 'b'], counts: [[1, 5]], margins: { cols: false } };
    const naive: DisclosedTable = {
      id: 't', rows: ['r'], cols: ['a', 'b'],
      cells: [[{ value: null, status: 'primary' }, { value: null, status: 'secondary' }]],
      rowTotals: [{ value: 6, status: 'published' }], colTotals: null, total: { value: 6, status: 'published' },
    };
    const found = auditDisclosure([table], [naive], { minCellSize: K });
    expect(found.map((f) => [f.cell.col, f.bounds, f.how])).toEqual([[0, [1, 1], 'bounds'], [1, [5, 5], 'bounds']]);
    // the module hides the total as well (and the grand total that repeats it)
    const [t] = suppressCounts([table], { minCellSize: K });
    expect(t!.rowTotals![0]!.status).not.toBe('published');
    expect(auditDisclosure([table], [t!], { minCellSize: K })).toEqual([]);
  });

  it('elimination is an attack: a + b, b + c, a + c shown reveals a', () => {
    // three one-row tables share the cells a = 3, b = 6, c = 7 through links; totals 9, 13, 10 are shown.
    // a = (9 + 10 − 13) / 2 = 3, whatever the bounds.
    const tables: CountTable[] = [
      { id: 'ab', rows: ['r'], cols: ['a', 'b'], counts: [[3, 6]], margins: { cols: false } },
      { id: 'bc', rows: ['r'], cols: ['b', 'c'], counts: [[6, 7]], margins: { cols: false } },
      { id: 'ac', rows: ['r'], cols: ['a', 'c'], counts: [[3, 7]], margins: { cols: false } },
    ];
    const links: Link[] = [
      { total: { table: 'bc', row: 0, col: 0 }, parts: [{ table: 'ab', row: 0, col: 1 }] },
      { total: { table: 'ac', row: 0, col: 0 }, parts: [{ table: 'ab', row: 0, col: 0 }] },
      { total: { table: 'ac', row: 0, col: 1 }, parts: [{ table: 'bc', row: 0, col: 1 }] },
    ];
    const hide = (id: string, a: 'primary' | 'secondary', b: 'primary' | 'secondary', total: number): DisclosedTable => ({
      id, rows: ['r'], cols: ['x', 'y'],
      cells: [[{ value: null, status: a }, { value: null, status: b }]],
      rowTotals: [{ value: total, status: 'published' }], colTotals: null, total: { value: total, status: 'published' },
    });
    const naive = [hide('ab', 'primary', 'secondary', 9), hide('bc', 'secondary', 'secondary', 13), hide('ac', 'primary', 'secondary', 10)];
    const found = auditDisclosure(tables, naive, { minCellSize: K, links });
    expect(found.some((f) => f.cell.table === 'ab' && f.cell.col === 0)).toBe(true);
    const safe = suppressCounts(tables, { minCellSize: K, links });
    expect(auditDisclosure(tables, safe, { minCellSize: K, links })).toEqual([]);
    expect(safe[0]!.cells[0]![0]!.status).toBe('primary');
  });

  it('across tables: a total repeated in another table is protected in both', () => {
    // transfers by year × reason, and by year × outcome: the year totals are the same number
    const tables: CountTable[] = [
      { id: 'reason', rows: ['2023', '2024'], cols: ['rotasi', 'promosi'], counts: [[30, 12], [25, 20]] },
      { id: 'outcome', rows: ['2023', '2024'], cols: ['ok', 'broken'], counts: [[40, 2], [44, 1]] },
    ];
    const links: Link[] = [0, 1].map((r) => ({ total: { table: 'outcome', row: r, col: 'total' }, parts: [{ table: 'reason', row: r, col: 'total' }] }));
    const out = suppressCounts(tables, { minCellSize: K, links });
    expect(out[1]!.cells.map((r) => r[1]!.status)).toEqual(['primary', 'primary']);
    expect(auditDisclosure(tables, out, { minCellSize: K, links })).toEqual([]);
  });

  it('rejects what is not a count, and links that do not add up', () => {
    expect(() => suppressCounts([{ id: 't', rows: ['r'], cols: ['a'], counts: [[2.5]] }], { minCellSize: K })).toThrow(/row r, column a: a count must be a whole number/);
    expect(() => suppressCounts([{ id: 't', rows: ['r'], cols: ['a'], counts: [[2]] }], { minCellSize: 0 })).toThrow(/minCellSize/);
    expect(() => suppressCounts(
      [{ id: 'a', rows: ['r'], cols: ['x'], counts: [[7]] }, { id: 'b', rows: ['r'], cols: ['x'], counts: [[8]] }],
      { minCellSize: K, links: [{ total: { table: 'a', row: 0, col: 0 }, parts: [{ table: 'b', row: 0, col: 0 }] }] },
    )).toThrow(/parts sum to 8/);
  });

  it('audit flags a small count shown as it is', () => {
    const table: CountTable = { id: 't', rows: ['r'], cols: ['a'], counts: [[3]], margins: { rows: false, cols: false } };
    const shown: DisclosedTable = { id: 't', rows: ['r'], cols: ['a'], cells: [[{ value: 3, status: 'published' }]], rowTotals: null, colTotals: null, total: null };
    expect(auditDisclosure([table], [shown], { minCellSize: K })).toHaveLength(1);
  });

  it('cell texts: the number, "< 5", "·"', () => {
    expect(cellText({ value: 12, status: 'published' }, 5)).toBe('12');
    expect(cellText({ value: null, status: 'primary' }, 5)).toBe('< 5');
    expect(cellText({ value: null, status: 'secondary' }, 5)).toBe('·');
  });

  it('a rating distribution (5 categories and the people in the unit): 0 2 9 30 1 of 42', () => {
    // 2 and 1 are primary; their sum 3 with total 42 and shown 0, 9, 30 would give 3 = 2 + 1: two hidden cells in the
    // one equation; bounds 1…4 each and sum 3 → {1,2} or {2,1}: not recoverable. Nothing else needs hiding.
    const d = suppressDistribution(['SK', 'K', 'BP', 'B', 'SB'], [0, 2, 9, 30, 1], K);
    expect(d.cells.map((c) => c.status)).toEqual(['published', 'primary', 'published', 'published', 'primary']);
    expect(d.total).toEqual({ value: 42, status: 'published' });
    // one small cell: the smallest other non-zero one (9) goes with it
    const e = suppressDistribution(['SK', 'K', 'BP', 'B', 'SB'], [0, 3, 9, 30, 0], K);
    expect(e.cells.map((c) => c.status)).toEqual(['published', 'primary', 'secondary', 'published', 'published']);
  });
});

describe('an independent attack (integer programming, HiGHS): no suppressed cell is recoverable', () => {
  const table = fc.record({
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 5 }),
    seed: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })), { minLength: 25, maxLength: 25 }),
    margins: fc.constantFrom({ rows: true, cols: true }, { rows: true, cols: false }, { rows: false, cols: true }),
  });
  it('random reports of two linked tables (the second repeats the row totals of the first)', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 25, maxLength: 25 }), async (a, split) => {
        const counts = Array.from({ length: a.rows }, (_, r) => Array.from({ length: a.cols }, (_, c) => a.seed[r * 5 + c]!));
        // the second table splits each row total of the first into two columns
        const second = counts.map((row, r) => {
          const tot = row.reduce((x, y) => x + y, 0);
          const first = Math.round((tot * split[r]!) / 100);
          return [first, tot - first];
        });
        const tables: CountTable[] = [
          { id: 'a', rows: counts.map((_, r) => `r${r}`), cols: counts[0]!.map((_, c) => `c${c}`), counts, margins: { rows: true, cols: a.margins.cols } },
          { id: 'b', rows: counts.map((_, r) => `r${r}`), cols: ['x', 'y'], counts: second },
        ];
        const links: Link[] = counts.map((_, r) => ({ total: { table: 'b', row: r, col: 'total' }, parts: [{ table: 'a', row: r, col: 'total' }] }));
        const out = suppressCounts(tables, { minCellSize: K, links });
        for (const t of out) {
          for (const cell of [...t.cells.flat(), ...(t.rowTotals ?? []), ...(t.colTotals ?? []), ...(t.total ? [t.total] : [])]) {
            if (cell.status === 'published') expect(cell.value === 0 || cell.value! >= K).toBe(true);
          }
        }
        const solved = await solveHiddenCells(out, K, links);
        // a hidden 0 may be recognised as 0 (it describes nobody); a hidden count of people may not
        const recovered = solved.filter((s) => s.min === s.max && s.max > 0);
        expect(recovered, JSON.stringify({ counts, second, recovered })).toEqual([]);
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});
