#!/usr/bin/env node
// Entry point of the `seimbang` CLI. The sources are TypeScript; tsx compiles them on the fly so the
// same files serve the CLI, the tests and the dashboard (which imports pipeline/domain through Vite).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli/main.ts');
process.exitCode = await main(process.argv);
