/**
 * The real sample warehouse for the browser tests (and the dashboard benchmark): data/sample built by the real
 * builder (`seimbang build`) into test/artifacts/warehouse/sample-<hash>.duckdb, where <hash> covers every input
 * of the build — the files of data/sample and of pipeline/ (models, builder, ingest, domain, effects), the CLI
 * entry and the lock file (the DuckDB version). The same inputs reuse the file; a change builds a new one (about
 * 15–30 s) and removes the old ones. Building goes through the same atomic publish as production (the builder
 * writes a temporary file and renames it into place), and a lock directory keeps two test processes from
 * building at the same time.
 *
 *   npx tsx test/browser/sample-warehouse.ts      # build (or find) it and print its path
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE_INPUT = path.join(REPO, 'data', 'sample');
export const SAMPLE_DIR = path.join(REPO, 'test', 'artifacts', 'warehouse');
/** what the warehouse is built from: a change to any file here means a new build */
const INPUTS = ['data/sample', 'pipeline', 'bin/seimbang.js', 'package-lock.json'];
const LOCK_STALE_MS = 10 * 60_000;

function listFiles(rel: string): string[] {
  const full = path.join(REPO, rel);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [rel];
  return readdirSync(full, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => listFiles(path.join(rel, e.name)));
}

/** sha256 over the paths and contents of every build input (data/sample is a few MB: ~50 ms) */
export function sampleInputsHash(): string {
  const h = createHash('sha256');
  for (const rel of INPUTS.flatMap(listFiles)) {
    h.update(rel.split(path.sep).join('/'));
    h.update('\0');
    h.update(readFileSync(path.join(REPO, rel)));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(lock: string, fn: () => T): Promise<T> {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // a lock left by a killed process: take it over once it is older than any build takes
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (Number.isFinite(age) && age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      else await sleep(500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Path of the sample warehouse for the current inputs, built first when missing. `log` receives a line when a
 * build starts and ends (the tests print it, so a slow first run says why).
 */
export async function sampleWarehouse(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string> {
  if (!existsSync(path.join(SAMPLE_INPUT, 'units.xlsx')) && !existsSync(path.join(SAMPLE_INPUT, 'units.csv'))) {
    throw new Error(`${SAMPLE_INPUT} is missing: the sample inputs are part of the repository (or run \`seimbang sample --out data/sample\`).`);
  }
  const file = path.join(SAMPLE_DIR, `sample-${sampleInputsHash()}.duckdb`);
  if (existsSync(file)) return file;
  mkdirSync(SAMPLE_DIR, { recursive: true });
  return withLock(path.join(SAMPLE_DIR, '.lock'), () => {
    if (existsSync(file)) return file; // built by another process while we waited
    const t0 = performance.now();
    log(`[seimbang tests] building the sample warehouse ${path.relative(REPO, file)} from data/sample …`);
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'seimbang.js'), 'build', '--input', SAMPLE_INPUT, '--db', file], {
      cwd: REPO,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 << 20,
    });
    if (r.status !== 0 || !existsSync(file)) {
      throw new Error(`building the sample warehouse failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    log(`[seimbang tests] sample warehouse built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // older builds (other inputs) are of no further use
    for (const e of readdirSync(SAMPLE_DIR)) {
      if (/^sample-[0-9a-f]+\.duckdb(\.wal)?$/.test(e) && !e.startsWith(path.basename(file))) {
        rmSync(path.join(SAMPLE_DIR, e), { force: true });
      }
    }
    return file;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${await sampleWarehouse()}\n`);
}
