// What `npm start` does with the warehouse file before serving it (bin/start.js). Plain JS: start.js runs
// without the TypeScript loader, and asks `seimbang schema --json` for the facts.
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
