/**
 * The `npm run notebooks` command: every notebook of a folder (default notebooks/*.md but README.md), run in file
 * order against one warehouse opened read-only, each rendered to <out>/<name>.html. A notebook that fails is
 * reported with its cell, line and message and the command exits 1 after trying the others; its stale page is
 * removed so nobody reads an old answer as a new one.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { EXIT } from '../../pipeline/errors.ts';
// plain JS shared with `npm start`: build the sample warehouse when missing, rebuild it when stale
import { ensureWarehouse } from '../../bin/start-warehouse.js';
import { NotebookError, runNotebook } from './run.ts';
import { openWarehouse } from './warehouse.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function main(argv: string[]): Promise<number> {
  const program = new Command('notebooks')
    .description('Re-run the analyst notebooks against a warehouse and render each to a standalone HTML file')
    .argument('[names...]', 'only these notebooks (file names, with or without .md)')
    .option('--db <file>', 'the warehouse to read (default: data/seimbang.duckdb, built from data/sample when missing)')
    .option('--dir <folder>', 'the folder of the notebooks', 'notebooks')
    .option('--out <folder>', 'where the HTML files go', 'notebooks/out')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw e;
  }
  const opts = program.opts<{ db?: string; dir: string; out: string }>();
  const dir = path.resolve(opts.dir);
  const out = path.resolve(opts.out);
  // a path as the user typed it: relative inside the working folder, else absolute
  const rel = (p: string) => {
    const r = path.relative(process.cwd(), p);
    return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
  };

  const db = path.resolve(opts.db ?? path.join(REPO, 'data', 'seimbang.duckdb'));
  if (opts.db && !existsSync(db)) {
    process.stderr.write(`notebooks: no warehouse at ${rel(db)} (build one: npx seimbang build --input <folder> --db ${rel(db)})\n`);
    return EXIT.badInput;
  }
  ensureWarehouse(REPO, db);

  if (!existsSync(dir)) {
    process.stderr.write(`notebooks: no folder ${rel(dir)}\n`);
    return EXIT.usage;
  }
  const wanted = new Set(program.args.map((n) => (n.endsWith('.md') ? n : `${n}.md`)));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md' && (wanted.size === 0 || wanted.has(f)))
    .sort();
  const missing = [...wanted].filter((w) => !files.includes(w));
  if (missing.length) {
    process.stderr.write(`notebooks: not found in ${rel(dir)}: ${missing.join(', ')}\n`);
    return EXIT.usage;
  }
  if (files.length === 0) {
    process.stderr.write(`notebooks: no notebook (*.md) in ${rel(dir)}\n`);
    return EXIT.usage;
  }

  mkdirSync(out, { recursive: true });
  const warehouse = await openWarehouse(db);
  const failures: string[] = [];
  try {
    for (const f of files) {
      const file = path.join(dir, f);
      const target = path.join(out, f.replace(/\.md$/, '.html'));
      try {
        const r = await runNotebook(file, {
          workDir: path.join(REPO, 'notebooks', 'out', '.run'),
          displayPath: rel(file),
          warehouse,
          warehouseLabel: rel(db),
        });
        writeFileSync(target, r.html);
        process.stdout.write(`✓ ${rel(file)} → ${rel(target)}  (${r.cells} cells, ${r.charts} charts, ${(r.ms / 1000).toFixed(1)} s)\n`);
      } catch (e) {
        rmSync(target, { force: true });
        const msg = e instanceof NotebookError ? e.message : `${rel(file)}: ${(e as Error).stack ?? String(e)}`;
        failures.push(msg);
        process.stderr.write(`✗ ${msg}\n`);
      }
    }
  } finally {
    warehouse.close();
  }
  if (failures.length) {
    process.stderr.write(`\n${failures.length} of ${files.length} notebooks failed.\n`);
    return EXIT.badInput;
  }
  return EXIT.ok;
}
