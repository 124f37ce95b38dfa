/**
 * The warehouse's schema contract (pipeline/domain/warehouse-schema.ts): the sample build has exactly the
 * tables of the committed snapshot and records its version; `seimbang schema` tells a current warehouse from
 * one built by another version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { sampleWarehouse, SAMPLE_INPUT } from '../browser/sample-warehouse.ts';
import { createFixtureWarehouse } from '../browser/fixture-warehouse.ts';
import { readSchema } from '../../pipeline/warehouse/schema.ts';
import { SCHEMA_VERSION, WAREHOUSE_SCHEMA, schemaDifferences } from '../../pipeline/domain/warehouse-schema.ts';
import { cli, query, removeDir, tempDir } from './helpers.ts';
import { SKP_RATINGS } from '../../pipeline/domain/skp.ts';
import type { Expectation } from '../../pipeline/domain/skp.ts';

let db: string;
let dir: string;

beforeAll(async () => {
  db = await sampleWarehouse();
  dir = tempDir('seimbang-schema-');
}, 180_000);
afterAll(() => removeDir(dir));

describe('the sample build against the schema snapshot', () => {
  it('has exactly the snapshot\'s tables, columns and types (else: seimbang schema --snapshot --bump)', async () => {
    const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const conn = await inst.connect();
    const actual = await readSchema(conn);
    conn.closeSync();
    inst.closeSync();
    const diff = schemaDifferences(actual, WAREHOUSE_SCHEMA.tables);
    expect(
      diff,
      'the warehouse tables changed: run `node bin/seimbang.js schema --db <a sample build> --snapshot --bump` and commit pipeline/domain/warehouse-schema.json',
    ).toEqual([]);
    // the tables the dashboard and the docs name are all there
    for (const t of ['unit', 'position', 'employee', 'workload_monthly', 'performance', 'transfer', 'employee_position_history',
      'position_load', 'unit_load_monthly', 'imbalance_monthly', 'staffing_need', 'quarantine', 'build_info', 'raw_file']) {
      expect(Object.keys(actual), t).toContain(t);
    }
  });

  it('stores the SKP predicate and the sub-ratings as ENUMs of the domain values, in byte order', async () => {
    // performance.sql stores them as ENUMs (storing 3.6 M short texts cost ~1.3 s of CPU, the ENUMs ~0.1 s):
    // their values must be exactly the domain's (pipeline/domain/skp.ts), and in byte order, so that ORDER BY,
    // min/max and comparisons give what the texts gave
    const [r] = await query(db, `SELECT enum_range(rating) AS rating, enum_range(results_rating) AS results,
      enum_range(behaviour_rating) AS behaviour FROM performance WHERE rating IS NOT NULL AND results_rating IS NOT NULL
      AND behaviour_rating IS NOT NULL LIMIT 1`);
    const expectations: Expectation[] = ['above', 'as_expected', 'below'];
    // (the values are ASCII: JavaScript's default sort is byte order)
    expect(r.rating).toEqual([...SKP_RATINGS].sort());
    expect(r.results).toEqual([...expectations].sort());
    expect(r.behaviour).toEqual([...expectations].sort());
  });

  it('records the schema version and the input folder in build_info, and keeps the raw-file manifest', async () => {
    const [info] = await query(db, 'SELECT schema_version, input_dir FROM build_info');
    expect(info).toEqual({ schema_version: SCHEMA_VERSION, input_dir: SAMPLE_INPUT });
    const files = await query(db, 'SELECT file, kind, sha256, "rows" FROM raw_file ORDER BY file');
    const inputs = readdirSync(SAMPLE_INPUT).filter((f) => /\.(csv|xlsx|parquet)$/.test(f)).sort();
    expect(files.map((f) => f.file)).toEqual(inputs);
    for (const f of files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('seimbang schema', () => {
  it('exits 0 for a warehouse of this version', () => {
    const r = cli(['schema', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`schema version ${SCHEMA_VERSION} (this version reads ${SCHEMA_VERSION}); the warehouse matches this version`);
    const j = JSON.parse(cli(['schema', '--db', db, '--json']).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ schema_version: SCHEMA_VERSION, expected: SCHEMA_VERSION, status: 'current', input_dir: SAMPLE_INPUT, differences: [] });
    expect((j.input_files as unknown[]).length).toBeGreaterThan(5);
  });

  it('exits 1 for an older warehouse, and for one from before schema versions, and says to rebuild', async () => {
    const older = join(dir, 'older.duckdb');
    await createFixtureWarehouse(older, { schemaVersion: SCHEMA_VERSION - 1 });
    const r = cli(['schema', '--db', older]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`schema version ${SCHEMA_VERSION - 1} (this version reads ${SCHEMA_VERSION}); the warehouse was built by an older version: rebuild it`);
    const j = JSON.parse(cli(['schema', '--db', older, '--json']).stdout) as { status: string; differences: string[] };
    expect(j.status).toBe('older');
    expect(j.differences).toContain('table raw_file: missing'); // the fixture has only what the overview needs

    const none = join(dir, 'none.duckdb');
    await createFixtureWarehouse(none, { schemaVersion: null });
    const n = cli(['schema', '--db', none, '--json']);
    expect(n.code).toBe(1);
    expect(JSON.parse(n.stdout)).toMatchObject({ schema_version: null, status: 'unknown' });
  });

  it('exits 1 with the file named when it is not a warehouse', () => {
    const r = cli(['schema', '--db', join(dir, 'nothing.duckdb')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing.duckdb: no such warehouse file');
  });

  it('--snapshot refuses to record changed tables under the same version', async () => {
    const older = join(dir, 'older2.duckdb');
    await createFixtureWarehouse(older);
    const r = cli(['schema', '--db', older, '--snapshot']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the tables differ from the contract of schema version ${SCHEMA_VERSION}`);
    expect(r.stderr).toContain('--bump');
  });
});
