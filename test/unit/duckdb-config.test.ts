// The build's DuckDB configuration (pipeline/warehouse/duckdb-config.ts): DuckDB accepts it and applies it.
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { duckdbConfig, STORAGE_VERSION } from '../../pipeline/warehouse/duckdb-config.ts';

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
  it('without options, DuckDB keeps its defaults but for the storage format', async () => {
    expect(duckdbConfig({})).toEqual({ storage_compatibility_version: STORAGE_VERSION });
  });

  it('a warehouse file it creates is in DuckDB 1.5\'s storage format, not the v1.0 default', async () => {
    const version = async (config: Record<string, string>) => {
      const file = join(tmpdir(), `seimbang-storage-${process.pid}-${Math.random().toString(36).slice(2)}.duckdb`);
      const inst = await DuckDBInstance.create(file, config);
      const conn = await inst.connect();
      try {
        const r = await conn.runAndReadAll(`SELECT tags FROM duckdb_databases() WHERE path = '${file}'`);
        return (r.getRowObjectsJson()[0]!.tags as { key: string; value: string }[]).find((t) => t.key === 'storage_version')?.value;
      } finally {
        conn.closeSync();
        inst.closeSync();
        rmSync(file, { force: true });
        rmSync(`${file}.wal`, { force: true });
      }
    };
    expect(await version({})).toBe('v1.0.0+');
    expect(await version(duckdbConfig({}))).toBe('v1.5.0+');
  });

  it('a memory limit also makes the allocator give freed memory back sooner, and DuckDB takes all of it', async () => {
    const s = await settings(duckdbConfig({ threads: 1, memoryLimit: '1GB' }));
    expect(s.threads).toBe('1');
    expect(s.memory_limit).toBe('953.6 MiB'); // 1GB = 10^9 bytes
    expect(s.allocator_background_threads).toBe('true');
    expect(s.allocator_flush_threshold).toBe('30.5 MiB'); // 32MB = 32·10^6 bytes
  });
});
