#!/usr/bin/env node
// `npm run notebooks`: re-run every analyst notebook (notebooks/*.md) against a warehouse and render each to a
// standalone HTML file under notebooks/out/. The runner is TypeScript (notebooks/runner/); tsx compiles it, and the
// notebooks' TypeScript cells, on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../notebooks/runner/main.ts');
process.exitCode = await main(process.argv);
