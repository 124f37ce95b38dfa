import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, WAREHOUSE_SCHEMA, schemaDifferences, schemaStatus } from '../../pipeline/domain/warehouse-schema.ts';

describe('schemaStatus', () => {
  it('compares a warehouse\'s schema version with the one this code reads', () => {
    expect(schemaStatus(3, 3)).toBe('current');
    expect(schemaStatus(2, 3)).toBe('older');
    expect(schemaStatus(4, 3)).toBe('newer');
    expect(schemaStatus(null, 3)).toBe('unknown');
    expect(schemaStatus(2.5, 3)).toBe('unknown');
    expect(schemaStatus(SCHEMA_VERSION)).toBe('current');
  });
});

describe('schemaDifferences', () => {
  const expected = { a: { x: 'INTEGER', y: 'VARCHAR' }, b: { z: 'DATE' } };
  it('is empty for equal schemas', () => {
    expect(schemaDifferences(structuredClone(expected), expected)).toEqual([]);
  });
  it('names missing and extra tables and columns, changed types and a changed column order', () => {
    expect(schemaDifferences({ a: { y: 'VARCHAR', x: 'BIGINT', w: 'DOUBLE' }, c: { q: 'INTEGER' } }, expected)).toEqual([
      'a.x: BIGINT, the snapshot has INTEGER',
      'a.w: not in the snapshot (DOUBLE)',
      'table a: columns in another order',
      'table b: missing',
      'table c: not in the snapshot',
    ]);
    expect(schemaDifferences({ a: { x: 'INTEGER' }, b: { z: 'DATE' } }, expected)).toEqual(['a.y: missing']);
  });
  it('the committed snapshot has a positive version and the core tables', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    expect(Object.keys(WAREHOUSE_SCHEMA.tables)).toEqual(expect.arrayContaining(['unit', 'employee', 'build_info']));
  });
});
