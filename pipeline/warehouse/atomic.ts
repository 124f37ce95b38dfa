/**
 * A build never damages the last good warehouse: it writes `<db>.building-<pid>` and renames it over `<db>` only
 * after a successful CHECKPOINT and close. rename(2) on one filesystem is atomic, so a reader sees the old file or
 * the new one, never half of either. Leftovers of killed builds are removed by the next build.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function tempPathFor(db: string): string {
  return `${db}.building-${process.pid}`;
}

/** Is `pid` a running build? A live process that is not Node (a reused pid) is not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // Linux: a pid reused by another program after a killed build must not protect its leftovers forever
    return /node|seimbang/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** Remove temp files of builds whose process is gone (a killed build leaves one behind). */
export function removeStaleTemps(db: string): string[] {
  const dir = dirname(db);
  const prefix = `${basename(db)}.building-`;
  const removed: string[] = [];
  if (!existsSync(dir)) return removed;
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(prefix)) continue;
    const pid = Number.parseInt(f.slice(prefix.length), 10);
    if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) continue;
    // the database, its .wal and DuckDB's spill folder (<file>.tmp)
    rmSync(join(dir, f), { force: true, recursive: true });
    removed.push(f);
  }
  return removed;
}

export function discardTemp(tmp: string): void {
  rmSync(tmp, { force: true });
  rmSync(`${tmp}.wal`, { force: true });
  rmSync(`${tmp}.tmp`, { force: true, recursive: true });
}

/** Swap the finished temp file in. A stale WAL of the old file must not be replayed onto the new one. */
export function publish(tmp: string, db: string): void {
  rmSync(`${tmp}.wal`, { force: true });
  rmSync(`${db}.wal`, { force: true });
  renameSync(tmp, db);
}
