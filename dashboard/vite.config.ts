// Vite configuration of the dashboard. Run from the repository root:
//   vite build --config dashboard/vite.config.ts      (npm run build:dashboard)
//   vite dev   --config dashboard/vite.config.ts      (development server)
//
// SvelteKit takes the working directory as its project root: it sets Vite's `root` to process.cwd(), and
// after the build its route analysis runs in a worker that looks for vite.config / svelte.config in the
// working directory. So the first thing this config does is move into dashboard/ (before SvelteKit's Vite
// plugin is imported, which reads the working directory when it loads). Inside that analysis worker the
// directory is already dashboard/ (and process.chdir is not allowed in workers), hence the check.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

export default defineConfig(async () => {
  // the warehouse path is relative to where the command was started (the repository root), not to dashboard/
  process.env.SEIMBANG_DB = path.resolve(process.env.SEIMBANG_DB || path.join(repo, 'data', 'seimbang.duckdb'));
  if (path.resolve(process.cwd()) !== here) process.chdir(here);
  const { sveltekit } = await import('@sveltejs/kit/vite');
  return {
    plugins: [sveltekit()],
    build: {
      // keep the build light on a small machine
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1500,
    },
  };
});
