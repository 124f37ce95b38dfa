/**
 * `seimbang export-public`: the public transparency report (/publik) as static files — HTML in both languages,
 * its CSS, the charts drawn (SVG inside the pages), every table as CSV and Parquet with the data dictionary — that
 * open from a plain folder or any web server, with the same content as /publik.
 *
 * How it stays identical to the page: the export runs the dashboard's own modules (the publik queries, the
 * disclosure control, the Svelte component rendered by svelte/server, the download writers) through Vite's SSR
 * module loader, which resolves `$lib`, `#domain` and `.svelte` exactly as the dashboard build does. No built
 * dashboard and no running server are needed (starting one and scraping it would need a free port, a build of the
 * right age and the rewriting of absolute links); Vite and the Svelte plugin are the dashboard's own tools.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UserError } from '../errors.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ExportOptions {
  db: string;
  out: string;
}

/** Load the dashboard's export module through Vite (SSR), run it, close Vite. */
export async function exportPublicReport(db: string, out: string): Promise<{ files: string[] }> {
  const { createServer } = await import('vite');
  const { svelte } = await import('@sveltejs/vite-plugin-svelte');
  const vite = await createServer({
    configFile: false,
    root: path.join(REPO, 'dashboard'),
    logLevel: 'error',
    plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
    resolve: { alias: { $lib: path.join(REPO, 'dashboard', 'src', 'lib') } },
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    // dashboard/src/lib/server/publik/export.ts (typed here: the root TypeScript project does not compile .svelte)
    const mod = (await vite.ssrLoadModule('/src/lib/server/publik/export.ts')) as {
      exportPublik(db: string, out: string): Promise<{ files: string[] }>;
      ExportError: new (message: string) => Error;
    };
    try {
      return await mod.exportPublik(db, out);
    } catch (err) {
      if (err instanceof mod.ExportError) throw new UserError(err.message);
      throw err;
    }
  } finally {
    await vite.close();
  }
}

export function registerExportPublic(program: Command): void {
  program
    .command('export-public')
    .description('write the public transparency report (/publik) as static files: HTML (id, en), CSS, charts, CSV and Parquet with a data dictionary')
    .requiredOption('-d, --db <file>', 'warehouse file')
    .requiredOption('-o, --out <folder>', 'folder to write (created; files of the same names are replaced)')
    .addHelpText(
      'after',
      '\nExample:\n  seimbang export-public --db data/seimbang.duckdb --out /tmp/laporan-publik\n\n' +
        'Open <folder>/index.html in a browser, or copy the folder to any web server. Counts of fewer than\n' +
        'disclosure.min_cell_size people (default 5) are suppressed, as on /publik (UU 27/2022).',
    )
    .action(async (o: ExportOptions) => {
      const db = path.resolve(o.db);
      const out = path.resolve(o.out);
      if (!existsSync(db)) throw new UserError(`${db}: no such warehouse file`);
      const t0 = performance.now();
      const { files } = await exportPublicReport(db, out);
      process.stdout.write(`seimbang: wrote ${files.length} files to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s (open ${path.join(out, 'index.html')})\n`);
    });
}
