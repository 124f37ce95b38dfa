/**
 * `seimbang user add|list|set-role|disable|enable|reset-password`: accounts of the dashboard, in the application
 * store (app-store/, env SEIMBANG_APP_DB or --store). Safe while the server runs: both write through SQLite's
 * WAL with a busy timeout. A generated one-time password is printed once and never stored in clear.
 */
import type { Command } from 'commander';
import { UserError } from '../errors.ts';

interface StoreOption {
  store?: string;
}

async function withStore<T>(o: StoreOption, f: (db: import('../../app-store/store.ts').Store, users: typeof import('../../app-store/users.ts')) => Promise<T> | T): Promise<T> {
  const { openStore, appStorePath } = await import('../../app-store/store.ts');
  const users = await import('../../app-store/users.ts');
  const db = openStore(o.store ?? appStorePath());
  try {
    return await f(db, users);
  } catch (err) {
    if (err instanceof users.AccountError) throw new UserError(err.message);
    throw err;
  } finally {
    db.close();
  }
}

const STORE_HELP = 'application store (default: env SEIMBANG_APP_DB, else data/seimbang-app.sqlite)';

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('dashboard accounts: add, list, set-role, disable, enable, reset-password (roles: pimpinan, analis, admin)')
    .addHelpText(
      'after',
      '\nExamples:\n  seimbang user add siti --role analis --name "Siti Rahma"\n  seimbang user list\n  seimbang user set-role siti pimpinan\n' +
        '  seimbang user disable siti\n  seimbang user reset-password admin\n\nA new account and a reset get a one-time password, printed once: the user chooses their own at the first sign-in.',
    );

  user
    .command('add <username>')
    .description('add an account; prints its one-time password once')
    .requiredOption('-r, --role <role>', 'pimpinan | analis | admin')
    .option('-n, --name <display name>', 'the name shown in the dashboard')
    .option('-s, --store <file>', STORE_HELP)
    .action(async (username: string, o: StoreOption & { role: string; name?: string }) =>
      withStore(o, async (db, u) => {
        const { user: row, oneTimePassword } = await u.addUser(db, u.CLI_ACTOR, { username, role: o.role, displayName: o.name });
        process.stdout.write(`added ${row.username} (${row.role})\none-time password: ${oneTimePassword}\n(shown once; ${row.username} chooses a new one at the first sign-in)\n`);
      }),
    );

  user
    .command('list')
    .description('list the accounts (never a password)')
    .option('--json', 'as JSON')
    .option('-s, --store <file>', STORE_HELP)
    .action(async (o: StoreOption & { json?: boolean }) =>
      withStore(o, (db, u) => {
        const rows = u.listUsers(db);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        if (!rows.length) process.stdout.write('no accounts yet (npm start creates the first admin)\n');
        for (const r of rows) {
          const state = r.disabled_at ? 'disabled' : r.locked_until_ms && r.locked_until_ms > Date.now() ? 'locked' : r.must_change_password ? 'must change password' : 'active';
          process.stdout.write(`${r.username.padEnd(24)} ${r.role.padEnd(9)} ${state.padEnd(21)} ${r.display_name ?? ''}\n`);
        }
      }),
    );

  user
    .command('set-role <username> <role>')
    .description('change the role of an account (pimpinan | analis | admin); applies to its open sessions at once')
    .option('-s, --store <file>', STORE_HELP)
    .action(async (username: string, role: string, o: StoreOption) =>
      withStore(o, (db, u) => {
        const r = u.setRole(db, u.CLI_ACTOR, username, role);
        process.stdout.write(`${r.username} is now ${r.role}\n`);
      }),
    );

  user
    .command('disable <username>')
    .description('disable an account and end its sessions')
    .option('-s, --store <file>', STORE_HELP)
    .action(async (username: string, o: StoreOption) =>
      withStore(o, (db, u) => {
        u.setDisabled(db, u.CLI_ACTOR, username, true);
        process.stdout.write(`${username} is disabled\n`);
      }),
    );

  user
    .command('enable <username>')
    .description('enable a disabled account (and lift a lockout)')
    .option('-s, --store <file>', STORE_HELP)
    .action(async (username: string, o: StoreOption) =>
      withStore(o, (db, u) => {
        u.setDisabled(db, u.CLI_ACTOR, username, false);
        process.stdout.write(`${username} is enabled\n`);
      }),
    );

  user
    .command('reset-password <username>')
    .description('give an account a new one-time password (printed once), end its sessions and lift a lockout')
    .option('-s, --store <file>', STORE_HELP)
    .action(async (username: string, o: StoreOption) =>
      withStore(o, async (db, u) => {
        const p = await u.resetPassword(db, u.CLI_ACTOR, username);
        process.stdout.write(`one-time password for ${username.toLowerCase()}: ${p}\n(shown once; a new one is chosen at the next sign-in)\n`);
      }),
    );
}
