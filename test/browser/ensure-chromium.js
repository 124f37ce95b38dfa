#!/usr/bin/env node
// Run by `npm run test:browser` before vitest: the browser tests drive the system Chromium at /usr/bin/chromium
// through playwright-core. If it is missing we install it with the system package manager (as root), or stop
// with instructions. We never download a browser any other way, and we never skip the browser tests.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  process.stderr.write(
    `Chromium was not found at ${CHROMIUM}; the browser tests need it.\n` +
      'Install it with the system package manager, e.g. on Debian/Ubuntu:\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n' +
      'then run `npm run test:browser` again.\n',
  );
  process.exit(1);
}

const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args) => {
  process.stdout.write(`$ ${args.join(' ')}\n`);
  const r = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env });
  if (r.error) {
    process.stderr.write(`could not run ${args[0]}: ${r.error.message}\n`);
    process.exit(1);
  }
  if (r.status !== 0) {
    process.stderr.write(`${args.join(' ')} failed with exit code ${r.status}\n`);
    process.exit(1);
  }
};

process.stdout.write(`Chromium is missing at ${CHROMIUM}; installing the Debian package (running as root).\n`);
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', 'chromium']);

if (!existsSync(CHROMIUM)) {
  process.stderr.write(`apt-get finished but ${CHROMIUM} still does not exist.\n`);
  process.exit(1);
}
process.stdout.write(`Chromium installed at ${CHROMIUM}.\n`);
