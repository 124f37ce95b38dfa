// The anonymous rating distribution of a unit (/api/units/{id}/performance) under the disclosure rule: hand-checked.
import { describe, expect, it } from 'vitest';
import { INTEGER, VARCHAR } from '@duckdb/node-api';
import { discloseRatingDistribution, discloseReadiness } from '../../dashboard/src/lib/server/disclosure.ts';
import type { QueryResult } from '../../dashboard/src/lib/server/db.ts';

const RATINGS = ['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Baik', 'Sangat Baik'];
function raw(employees: number[], people: number, k = 5): QueryResult {
  return {
    names: ['rating_rank', 'rating', 'employees', 'people_in_unit', 'min_cell_size'],
    types: [INTEGER, VARCHAR, INTEGER, INTEGER, INTEGER],
    columns: [[1, 2, 3, 4, 5], RATINGS, employees, employees.map(() => people), employees.map(() => k)],
    rowCount: 5,
  };
}
const col = (r: QueryResult, name: string) => r.columns[r.names.indexOf(name)];

describe('discloseRatingDistribution', () => {
  it('0 2 9 30 1 of 45 people (3 without a rating): the 2, the 1 and the 3 are hidden, the total is shown', () => {
    // hidden: 2 + 1 + 3 = 45 − 9 − 30 = 6, each 1 … 4: (1,1,4), (2,1,3), … — none recoverable
    const r = discloseRatingDistribution(raw([0, 2, 9, 30, 1], 45));
    expect(col(r, 'employees')).toEqual([0, null, 9, 30, null]);
    expect(col(r, 'suppression')).toEqual([null, 'primary', null, null, 'primary']);
    expect(col(r, 'people_in_unit')).toEqual([45, 45, 45, 45, 45]);
    expect(col(r, 'people_not_rated')).toEqual([null, null, null, null, null]);
  });

  it('one small count: the smallest other count goes with it (3 Baik, 12 Sangat Baik, nobody unrated, 15 people)', () => {
    const r = discloseRatingDistribution(raw([0, 0, 0, 3, 12], 15));
    expect(col(r, 'employees')).toEqual([0, 0, 0, null, null]);
    expect(col(r, 'suppression')).toEqual([null, null, null, 'primary', 'secondary']);
    expect(col(r, 'people_not_rated')).toEqual([0, 0, 0, 0, 0]);
  });

  it('a unit of 3 people: everything that counts them is hidden', () => {
    const r = discloseRatingDistribution(raw([0, 0, 0, 2, 1], 3));
    expect(col(r, 'employees')).toEqual([0, 0, 0, null, null]);
    expect(col(r, 'people_in_unit')).toEqual([null, null, null, null, null]);
  });

  it('the threshold comes from the warehouse settings (k = 2 shows the 3 and the 12)', () => {
    const r = discloseRatingDistribution(raw([0, 0, 0, 3, 12], 15, 2));
    expect(col(r, 'employees')).toEqual([0, 0, 0, 3, 12]);
  });
});

describe('discloseReadiness (rotation readiness of a unit: counts only)', () => {
  function readiness(staff: number, overdue: number, unwilling: number, k = 5): QueryResult {
    return {
      names: ['staff', 'overdue', 'unwilling', 'max_years', 'as_of', 'min_cell_size'],
      types: [INTEGER, INTEGER, INTEGER, INTEGER, VARCHAR, INTEGER],
      columns: [[staff], [overdue], [unwilling], [5], ['2025-12-31'], [k]],
      rowCount: 1,
    };
  }
  it('40 people, 12 overdue, 7 unwilling: both shown', () => {
    const r = discloseReadiness(readiness(40, 12, 7));
    expect(col(r, 'overdue')).toEqual([12]);
    expect(col(r, 'overdue_suppression')).toEqual([null]);
    expect(col(r, 'unwilling')).toEqual([7]);
    expect(col(r, 'staff')).toEqual([40]);
  });
  it('40 people, 3 overdue, 2 unwilling: both below 5, hidden as primary', () => {
    const r = discloseReadiness(readiness(40, 3, 2));
    expect(col(r, 'overdue')).toEqual([null]);
    expect(col(r, 'overdue_suppression')).toEqual(['primary']);
    expect(col(r, 'unwilling')).toEqual([null]);
    expect(col(r, 'unwilling_suppression')).toEqual(['primary']);
  });
  it('12 people, 9 overdue: the 3 not overdue would be told by 12 − 9, so the 9 is hidden too', () => {
    const r = discloseReadiness(readiness(12, 9, 0));
    expect(col(r, 'overdue')).toEqual([null]);
    expect(col(r, 'overdue_suppression')).toEqual(['secondary']);
  });
});
