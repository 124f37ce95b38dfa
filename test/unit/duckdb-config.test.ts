// The build's DuckDB configuration (pipeline/warehouse/duckdb-config.ts): DuckDB accepts it and applies it.
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbConfig } from '../../pipeline/warehouse/duckdb-config.ts';

async function settings(config: Record<string, string>): Promise<Record<string, string>> {
  const inst = await DuckDBInstance.create(':memory:', config);
  const conn = await inst.connect();
  try {
    const r = await conn.runAndReadAll(`SELECT name, value FROM duckdb_settings()
      WHERE name IN ('threads', 'memory_limit', 'allocator_background_threads', 'allocator_flush_threshold')`);
    return Object.fromEntries(r.getRows().map(([k, v]) => [String(k), String(v)]));
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

describe('duckdbConfig', () => {
  it('without options, DuckDB keeps its defaults', async () => {
    expect(duckdbConfig({})).toEqual({});
  });

  it('a memory limit also makes the allocator give freed memory back sooner, and DuckDB takes all of it', async () => {
    const s = await settings(duckdbConfig({ threads: 1, memoryLimit: '1GB' }));
    expect(s.threads).toBe('1');
    expect(s.memory_limit).toBe('953.6 MiB'); // 1GB = 10^9 bytes
    expect(s.allocator_background_threads).toBe('true');
    expect(s.allocator_flush_threshold).toBe('30.5 MiB'); // 32MB = 32·10^6 bytes
  });
});
