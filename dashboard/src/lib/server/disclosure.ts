/**
 * Disclosure control of anonymous endpoints (UU 27/2022), applied to query results before they are encoded: the
 * rule itself is pipeline/domain/disclosure.ts; this module only maps result columns onto it.
 */
import { INTEGER, VARCHAR, type JS } from '@duckdb/node-api';
import { suppressDistribution } from '#domain/disclosure.ts';
import type { QueryResult } from './db';

/**
 * The SKP rating distribution of one unit (/api/units/{id}/performance): the five ratings, the people without a
 * rating (people_in_unit − the rated) and the people in the unit form one published distribution with its total.
 * Counts of 1 … k−1 people become NULL with suppression = 'primary', and the cells that would let them be worked
 * out (from the total or the other cells) NULL with 'secondary'. Columns out: rating_rank, rating, employees,
 * suppression, people_in_unit, people_not_rated, min_cell_size (the same in every row; NULL when hidden).
 */
export function discloseRatingDistribution(result: QueryResult): QueryResult {
  const col = (name: string): JS[] => {
    const i = result.names.indexOf(name);
    if (i < 0) throw new Error(`rating distribution: no column ${name}`);
    return result.columns[i] ?? [];
  };
  const n = result.rowCount;
  const employees = col('employees').map((v) => Number(v ?? 0));
  const people = n ? Number(col('people_in_unit')[0] ?? 0) : 0;
  const k = n ? Number(col('min_cell_size')[0] ?? 5) : 5;
  const notRated = Math.max(0, people - employees.reduce((a, b) => a + b, 0));
  const labels = [...col('rating').map(String), 'not_rated'];
  const d = suppressDistribution(labels, [...employees, notRated], k);
  const shown = (c: { value: number | null }) => c.value;
  const cells = d.cells;
  return {
    names: ['rating_rank', 'rating', 'employees', 'suppression', 'people_in_unit', 'people_not_rated', 'min_cell_size'],
    types: [INTEGER, VARCHAR, INTEGER, VARCHAR, INTEGER, INTEGER, INTEGER],
    columns: [
      col('rating_rank'),
      col('rating'),
      cells.slice(0, n).map(shown),
      cells.slice(0, n).map((c) => (c.status === 'published' ? null : c.status)),
      Array.from({ length: n }, () => shown(d.total)),
      Array.from({ length: n }, () => shown(cells[n]!)),
      Array.from({ length: n }, () => k),
    ],
    rowCount: n,
  };
}

/**
 * Rotation readiness of one unit (/api/units/{id}/readiness): of the people in post, how many are overdue for
 * rotation (tenure_overdue) and how many said they are unwilling to move — counts only, never who or why. Each is a
 * distribution of the unit's staff (those counted, the rest) with the staff as its published total, so a count of
 * 1 … k−1, or one that reveals such a count, is NULL with its suppression status. Columns out: staff, overdue,
 * overdue_suppression, unwilling, unwilling_suppression, max_years, as_of, min_cell_size.
 */
export function discloseReadiness(result: QueryResult): QueryResult {
  const get = (name: string): JS => {
    const i = result.names.indexOf(name);
    if (i < 0) throw new Error(`readiness: no column ${name}`);
    return result.columns[i]?.[0] ?? null;
  };
  if (result.rowCount === 0) return result;
  const staff = Number(get('staff') ?? 0);
  const k = Number(get('min_cell_size') ?? 5);
  const one = (name: string) => {
    const n = Number(get(name) ?? 0);
    const d = suppressDistribution([name, 'rest'], [n, Math.max(0, staff - n)], k);
    const c = d.cells[0]!;
    return { value: c.value, status: c.status === 'published' ? null : c.status };
  };
  const overdue = one('overdue');
  const unwilling = one('unwilling');
  return {
    names: ['staff', 'overdue', 'overdue_suppression', 'unwilling', 'unwilling_suppression', 'max_years', 'as_of', 'min_cell_size'],
    types: [INTEGER, INTEGER, VARCHAR, INTEGER, VARCHAR, result.types[result.names.indexOf('max_years')]!, result.types[result.names.indexOf('as_of')]!, INTEGER],
    columns: [[staff], [overdue.value], [overdue.status], [unwilling.value], [unwilling.status], [get('max_years')], [get('as_of')], [k]],
    rowCount: 1,
  };
}
