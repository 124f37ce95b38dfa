import { UserError, EXIT } from '../errors.ts';

/**
 * A problem with an input file that the user must fix (wrong encoding, missing column, corrupt workbook …).
 * It is a `UserError`, so the CLI prints the message as one line and exits with code 1 (bad input).
 */
export class IngestError extends UserError {
  /** base name of the input file */
  readonly file: string;
  /** canonical column concerned, when there is one */
  readonly column?: string;
  /** row number as a spreadsheet shows it (1-based, header and title rows counted), when known */
  readonly row?: number;

  constructor(file: string, message: string, opts: { column?: string; row?: number; cause?: unknown } = {}) {
    const where = opts.row !== undefined ? ` (row ${opts.row})` : '';
    super(`${file}${where}: ${message}`, EXIT.badInput);
    this.name = 'IngestError';
    this.file = file;
    if (opts.column !== undefined) this.column = opts.column;
    if (opts.row !== undefined) this.row = opts.row;
    if (opts.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause;
  }
}
