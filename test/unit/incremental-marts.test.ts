// The hand-written incremental SQL takes the model's own CTEs (one definition): what modelCtes() cuts out.
import { describe, expect, it } from 'vitest';
import { loadModels, type Model } from '../../pipeline/warehouse/models.ts';
import { incrementalSql, modelCtes } from '../../pipeline/warehouse/incremental-marts.ts';

const model = (sql: string): Model => ({ name: 'm', layer: 'marts', path: 'm.sql', sql, dependsOn: [] });
const m = model(`-- a model
CREATE OR REPLACE TABLE m AS
WITH a AS (
  SELECT 1 AS x -- one
), b AS (
  SELECT (x) AS y FROM a
), c AS (
  SELECT y FROM b
)
SELECT * FROM c;
`);

describe('modelCtes', () => {
  it('cuts the CTEs from the first through the one named, without comments', () => {
    expect(modelCtes(m, 'a')).toBe('a AS (\n  SELECT 1 AS x \n)');
    expect(modelCtes(m, 'b')).toBe('a AS (\n  SELECT 1 AS x \n), b AS (\n  SELECT (x) AS y FROM a\n)');
    expect(modelCtes(m, 'c')).toBe('a AS (\n  SELECT 1 AS x \n), b AS (\n  SELECT (x) AS y FROM a\n), c AS (\n  SELECT y FROM b\n)');
  });

  it('names the CTE it cannot find', () => {
    expect(() => modelCtes(m, 'd')).toThrow(/no common table expression d/);
  });

  it('the incremental effect_panel_employee gets the model\'s CTEs cal … kept', () => {
    const epe = loadModels().find((x) => x.name === 'effect_panel_employee')!;
    const sql = incrementalSql(epe, `DATE '2025-11-01'`)!;
    expect(sql).not.toContain('{{');
    expect(sql).toContain(modelCtes(epe, 'kept'));
    expect(modelCtes(epe, 'kept')).toMatch(/^cal AS \(/);
    expect(modelCtes(epe, 'kept')).toMatch(/QUALIFY row_number\(\)[^\n]*\n\)$/);
  });
});
