/** Exit codes of every command: 0 ok, 1 bad input (or a failed build), 2 usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** An error the user can act on (bad input, a failed build): the CLI prints it as one line, without a stack trace.
 * Neutral on purpose: ingest and the warehouse build throw it, and only the CLI decides how to show it. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.badInput) {
    super(message);
    this.name = 'UserError';
  }
}
