/**
 * The DuckDB configuration of a build (full or incremental) from its options.
 *
 * `memory_limit` bounds DuckDB's buffer pool, not the process: memory freed by DuckDB stays with its allocator
 * (jemalloc) until flushed, so a national build with a 2.5GB limit peaked at 3.46–4.30 GB resident. With a limit
 * asked for, the allocator returns freed memory sooner (background purge threads, a flush after any task that
 * allocated more than 32 MB instead of 128 MB): the same build then peaked at 2.87 GB in about the same time
 * (docs/benchmarks.md, "Warehouse build: national scale").
 *
 * The warehouse file is written in DuckDB 1.5's storage format (`storage_compatibility_version`; DuckDB's default
 * is still the v1.0 format, readable by older DuckDB versions). Its compression is cheaper to write: the
 * province build took 0.5–1.3 s less CPU (−5 %) in 6 of 7 interleaved pairs, the file 7 % smaller. The warehouse
 * is read only by this version's @duckdb/node-api (dashboard, notebooks, CLI); a DuckDB older than 1.5 cannot
 * open it (the Parquet export is the interchange format).
 */
export const STORAGE_VERSION = 'v1.5.0';

export function duckdbConfig(o: { threads?: number; memoryLimit?: string }): Record<string, string> {
  const config: Record<string, string> = { storage_compatibility_version: STORAGE_VERSION };
  if (o.threads) config.threads = String(o.threads);
  if (o.memoryLimit) {
    config.memory_limit = o.memoryLimit;
    config.allocator_background_threads = 'true';
    config.allocator_flush_threshold = '32MB';
  }
  return config;
}
