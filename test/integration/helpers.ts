/** Shared helpers of the integration tests: temp folders, the CLI as a user runs it, read-only queries. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TINY = join(ROOT, 'test/fixtures/tiny');
export const CLI = join(ROOT, 'bin/seimbang.js');

export function tempDir(prefix = 'seimbang-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of a fixture folder that a test may change. */
export function copyFixture(from = TINY): string {
  const dir = tempDir('seimbang-in-');
  cpSync(from, dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliRun { code: number; stdout: string; stderr: string }

export function cli(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function cliAsync(args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Run a query on a warehouse, read-only, and return plain row objects (BIGINT → number). */
export async function query(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const conn = await inst.connect();
  try {
    const r = await conn.runAndReadAll(sql);
    return r.getRowObjects().map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, plain(v)])));
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

/** DuckDB values as plain JS: BIGINT → number, DATE/TIMESTAMP → ISO string, LIST → array, DECIMAL → number. */
export function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'object') return v;
  const o = v as { items?: unknown[]; toDouble?: () => number; toString(): string; constructor: { name: string } };
  if (Array.isArray(o.items)) return o.items.map(plain);
  if (typeof o.toDouble === 'function') return o.toDouble();
  return o.toString();
}
