/**
 * The `seimbang` command line. One file per command in this folder; each exports `register(program)`.
 * Exit codes (stable, documented in the README): 0 ok, 1 bad input, 2 usage.
 */
import { Command, CommanderError } from 'commander';
import { registerBuild } from './build.ts';
import { registerSample } from './sample.ts';
import { registerEffects } from './effects.ts';
import { registerSchema } from './schema.ts';
import { registerSimulate } from './simulate.ts';
import { registerOptimize } from './optimize.ts';
import { registerExportPublic } from './export-public.ts';
import { registerUser } from './user.ts';
import { UserError, EXIT } from '../errors.ts';

export function makeProgram(): Command {
  const program = new Command('seimbang')
    .description('Seimbang: beban kerja & mutasi ASN — warehouse pipeline and tools')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerBuild(program);
  registerSample(program);
  registerEffects(program);
  registerSchema(program);
  registerSimulate(program);
  registerOptimize(program);
  registerExportPublic(program);
  registerUser(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = makeProgram();
  try {
    await program.parseAsync(argv);
    // a command that answered but found a problem (e.g. `schema` on an outdated warehouse) sets process.exitCode
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version also arrive here, with exit code 0
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UserError) {
      process.stderr.write(`seimbang: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`seimbang: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.badInput;
  }
}
