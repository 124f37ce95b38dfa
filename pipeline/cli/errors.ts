/** Exit codes of every command: 0 ok, 1 bad input (or a failed build), 2 usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** An error the user can act on: printed as one line, without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.badInput) {
    super(message);
    this.name = 'CliError';
  }
}
