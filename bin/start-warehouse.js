// What `npm start` (bin/start.js) and `npm run notebooks` (bin/notebooks.js) do with the warehouse file before
// reading it. Plain JS: they run without the TypeScript loader, and ask `seimbang schema --json` for the facts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ status: 'current' | 'older' | 'newer' | 'unknown', schema_version: number | null, expected: number,
 *   input_dir: string | null, input_files: { file: string }[], rebuild: string }} SchemaCheck
 * @typedef {{ action: 'build' | 'rebuild' | 'serve' | 'warn', reason: string }} Decision
 */

/**
 * @param {{ exists: boolean, db: string, defaultDb: string, sampleDir: string, sampleFiles: string[],
 *   check: SchemaCheck | null, checkError?: string }} x
 *   `check` is null when the schema check could not run (then `checkError` says why)
 * @returns {Decision}
 */
export function warehouseDecision(x) {
  const rel = (p) => {
    const r = path.relative(process.cwd(), p);
    return r && !r.startsWith('..') ? r : p;
  };
  if (!x.exists) return { action: 'build', reason: `no warehouse at ${rel(x.db)}: building it from ${rel(x.sampleDir)}` };
  if (!x.check) return { action: 'warn', reason: `could not check the warehouse ${rel(x.db)} (${x.checkError ?? 'unknown error'}); serving it as it is` };
  if (x.check.status === 'current') return { action: 'serve', reason: '' };
  const found = x.check.schema_version === null ? 'no schema version' : `schema version ${x.check.schema_version}`;
  const why = `the warehouse ${rel(x.db)} was built by another version of Seimbang (${found}; this version reads ${x.check.expected})`;
  // rebuilt automatically only when it was built from the bundled sample: a warehouse of real data is never
  // replaced by sample data (builds before schema version 1 did not record their input folder: then the same
  // input file names at the default path count as the sample)
  const names = x.check.input_files.map((f) => f.file).sort().join('\n');
  const fromSample = x.check.input_dir
    ? path.resolve(x.check.input_dir) === path.resolve(x.sampleDir)
    : path.resolve(x.db) === path.resolve(x.defaultDb) && names !== '' && names === [...x.sampleFiles].sort().join('\n');
  if (fromSample) return { action: 'rebuild', reason: `${why}: rebuilding it from ${rel(x.sampleDir)}` };
  return {
    action: 'warn',
    reason: `${why}. It was not built from the sample, so it is not rebuilt automatically; the dashboard will ask for a rebuild:\n  ${x.check.rebuild}`,
  };
}

/** Run `node <args>` in the repository, output streamed; exit the process when it fails. */
export function runNode(repo, args, what) {
  process.stdout.write(`\n[seimbang] ${what}\n$ node ${args.map((a) => path.relative(repo, a) || a).join(' ')}\n`);
  const r = spawnSync(process.execPath, args, { cwd: repo, stdio: 'inherit', env: process.env });
  if (r.error) {
    process.stderr.write(`[seimbang] could not run: ${r.error.message}\n`);
    process.exit(1);
  }
  if (r.status !== 0) {
    process.stderr.write(`[seimbang] ${what} failed (exit code ${r.status}).\n`);
    process.exit(r.status ?? 1);
  }
}

/** `seimbang schema --json` on the warehouse: its schema version against this version's */
function schemaCheck(repo, db) {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin', 'seimbang.js'), 'schema', '--db', db, '--json'], {
    cwd: repo,
    encoding: 'utf8',
  });
  try {
    return { check: JSON.parse(r.stdout) };
  } catch {
    return { check: null, checkError: (r.stderr || r.error?.message || `exit code ${r.status}`).trim() };
  }
}

/**
 * Make sure `db` is a warehouse of this version: build it from the bundled sample when missing, rebuild it when
 * it came from the sample and is of another schema version, else warn (warehouseDecision says which).
 */
export function ensureWarehouse(repo, db) {
  const sampleDir = path.join(repo, 'data', 'sample');
  const exists = existsSync(db);
  const decision = warehouseDecision({
    exists,
    db,
    defaultDb: path.join(repo, 'data', 'seimbang.duckdb'),
    sampleDir,
    sampleFiles: existsSync(sampleDir) ? readdirSync(sampleDir).filter((f) => /\.(csv|xlsx|parquet)$/i.test(f)) : [],
    ...(exists ? schemaCheck(repo, db) : { check: null }),
  });
  if (decision.action === 'warn') process.stderr.write(`[seimbang] ${decision.reason}\n`);
  if (decision.action === 'build' || decision.action === 'rebuild') {
    runNode(
      repo,
      [path.join(repo, 'bin', 'seimbang.js'), 'build', '--input', 'data/sample', '--db', path.relative(repo, db) || db],
      decision.reason,
    );
    if (!existsSync(db)) {
      process.stderr.write(`[seimbang] the build finished but ${db} does not exist.\n`);
      process.exit(1);
    }
  }
}
