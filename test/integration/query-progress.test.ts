/** DuckDB's own progress estimate, polled while a statement runs (what a long build step shows). */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { PROGRESS_SETTINGS, watchQueryProgress } from '../../pipeline/warehouse/query-progress.ts';

describe('watchQueryProgress', () => {
  it('reports rising percentages between 0 and 100 while a long statement runs, and nothing once stopped', async () => {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
    const conn = await instance.connect();
    // progress_bar_time 0: DuckDB estimates progress from the start (the build keeps the 2 s default)
    await conn.run(`${PROGRESS_SETTINGS} SET progress_bar_time = 0;`);
    await conn.run('CREATE TABLE src AS SELECT i, md5(CAST(i AS VARCHAR)) AS h FROM range(2000000) r(i)');
    const seen: number[] = [];
    const stop = watchQueryProgress(conn, (p) => seen.push(p), 10);
    // a table scan of 2 million rows hashing text on one thread: long enough on any machine for several polls
    await conn.run('CREATE TABLE t AS SELECT count(DISTINCT md5(h)) AS n FROM src');
    stop();
    const after = seen.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(after);
    expect(seen.length).toBeGreaterThan(1);
    for (const p of seen) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(100);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    conn.closeSync();
    instance.closeSync();
  });
});
