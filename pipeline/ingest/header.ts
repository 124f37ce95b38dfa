import { countKnownColumns, kindSpec } from './aliases.ts';

/** The header is searched for among the first rows of a file (docs/data-contract.md). */
export const HEADER_SEARCH_ROWS = 30;
/** A row is the header when it names at least this many known columns of the kind. */
export const HEADER_MIN_MATCHES = 2;

export interface HeaderCandidate {
  /** row number as a spreadsheet shows it (1-based) */
  row: number;
  cells: readonly string[];
}

/**
 * The first candidate (of those on rows 1 … 30) that names at least two known columns of `kind`;
 * `undefined` when none does. Rows above it (titles, notes) are ignored by the readers.
 */
export function findHeaderRow(kind: string, candidates: Iterable<HeaderCandidate>): HeaderCandidate | undefined {
  for (const c of candidates) {
    if (c.row > HEADER_SEARCH_ROWS) break;
    if (countKnownColumns(kind, c.cells) >= HEADER_MIN_MATCHES) return c;
  }
  return undefined;
}

/** The message for a file whose header was not found. */
export function noHeaderMessage(kind: string, firstRow?: readonly string[]): string {
  const spec = kindSpec(kind);
  const expected = spec.columns.filter((c) => c.required).map((c) => c.name);
  const seen = firstRow && firstRow.length ? ` The first row reads: ${JSON.stringify(firstRow.slice(0, 12))}.` : '';
  return (
    `no header row found for ${kind}: none of the first ${HEADER_SEARCH_ROWS} rows names at least ` +
    `${HEADER_MIN_MATCHES} known columns (expected e.g. ${expected.join(', ')}; aliases in pipeline/ingest/aliases.ts).${seen}`
  );
}
