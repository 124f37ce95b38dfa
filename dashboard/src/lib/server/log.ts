/**
 * Server-side error log without repetition: the same failure (by kind and message) is logged once, with its
 * details, and then only counted, so a corrupt warehouse or a failing query does not write the same line every
 * second. Details (stack, SQL, DuckDB's message, file paths) stay here; the browser gets a plain sentence.
 */
const seen = new Map<string, number>();

export function logOnce(kind: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const key = `${kind}\n${message}`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  if (seen.size > 1000) seen.clear();
  if (n === 1) console.error(`[seimbang] ${kind}: ${err instanceof Error && err.stack ? err.stack : message}`);
  else if (Number.isInteger(Math.log10(n))) console.error(`[seimbang] ${kind}: the same error ${n} times so far`);
}
