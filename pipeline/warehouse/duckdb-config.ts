/**
 * The DuckDB configuration of a build (full or incremental) from its options.
 *
 * `memory_limit` bounds DuckDB's buffer pool, not the process: memory freed by DuckDB stays with its allocator
 * (jemalloc) until flushed, so a national build with a 2.5GB limit peaked at 3.46–4.30 GB resident. With a limit
 * asked for, the allocator returns freed memory sooner (background purge threads, a flush after any task that
 * allocated more than 32 MB instead of 128 MB): the same build then peaked at 2.87 GB in about the same time
 * (docs/benchmarks.md, "Warehouse build: national scale").
 */
export function duckdbConfig(o: { threads?: number; memoryLimit?: string }): Record<string, string> {
  const config: Record<string, string> = {};
  if (o.threads) config.threads = String(o.threads);
  if (o.memoryLimit) {
    config.memory_limit = o.memoryLimit;
    config.allocator_background_threads = 'true';
    config.allocator_flush_threshold = '32MB';
  }
  return config;
}
