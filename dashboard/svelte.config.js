// SvelteKit configuration of the Seimbang dashboard.
//
// The dashboard lives in a subfolder of the repository (one root package.json); the build is started from the
// repository root (`vite build --config dashboard/vite.config.ts`) and vite.config.ts moves into dashboard/.
// The paths below are made absolute from this file's location anyway, so they hold whatever the working
// directory of a tool that loads this file.
import adapter from '@sveltejs/adapter-node';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const at = (/** @type {string} */ p) => path.join(here, p);

/**
 * adapter-node, run from the repository root: it reads `package.json` in the working directory to keep the
 * production dependencies (DuckDB's native binding, apache-arrow, Plot) external to the server bundle, and the
 * one package.json of the project is at the root.
 * @returns {import('@sveltejs/kit').Adapter}
 */
function nodeAdapter() {
  const base = adapter({ out: at('build'), precompress: false });
  return {
    ...base,
    async adapt(builder) {
      const previous = process.cwd();
      process.chdir(repo);
      try {
        return await base.adapt(builder);
      } finally {
        process.chdir(previous);
      }
    },
  };
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
  compilerOptions: { runes: true },
  kit: {
    adapter: nodeAdapter(),
    // Content-Security-Policy on every page (issue 19): only the app's own scripts (SvelteKit adds a nonce to its
    // inline start-up script); styles from the app and inline ones, because Observable Plot writes a <style> element
    // and style attributes into every chart it draws (a nonce cannot reach styles created at run time); no framing.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
    // SvelteKit's CSRF check (the Origin of form posts must be this site's) stays on: the default, no trustedOrigins
    outDir: at('.svelte-kit'),
    files: {
      src: at('src'),
      lib: at('src/lib'),
      routes: at('src/routes'),
      params: at('src/params'),
      assets: at('static'),
      appTemplate: at('src/app.html'),
      errorTemplate: at('src/error.html'),
      hooks: { server: at('src/hooks.server'), client: at('src/hooks.client'), universal: at('src/hooks') },
    },
    typescript: {
      config(tsconfig) {
        tsconfig.compilerOptions.strict = true;
        tsconfig.compilerOptions.allowImportingTsExtensions = true;
        return tsconfig;
      },
    },
  },
};

export default config;
