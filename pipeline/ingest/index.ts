/** The raw layer's public API (the build orchestrator imports from here). */
import type { DuckDBConnection } from '@duckdb/node-api';
import { KINDS, kindSpec } from './aliases.ts';
import { dropTempObjects, quoteIdent } from './sql.ts';
import { rawTableName } from './load.ts';

export { loadRaw, rawTableName, CELL_ISSUE_TABLE, type LoadOptions, type RawFile } from './load.ts';
export { profileColumns, describeDecision, type ColumnDecision } from './profile.ts';
export { METRIC_COLUMNS, nearMissHeaders } from './header-hints.ts';
export { discoverInputs, missingRequiredKinds, FORMAT_OF_EXTENSION, type DiscoveredInputs } from './discover.ts';
export { IngestError } from './errors.ts';
export { KINDS, KIND_NAMES, foldHeader, kindSpec, mapHeader, type KindSpec, type ColumnSpec } from './aliases.ts';

/** Every record kind, in load order. */
export const ALL_KINDS: readonly string[] = KINDS.map((k) => k.kind);
/** Kinds whose file must be in the input folder. */
export const REQUIRED_KINDS: readonly string[] = KINDS.filter((k) => k.required).map((k) => k.kind);

/** An empty `raw_<kind>` (every canonical column, no rows) for an optional kind without a file. */
export async function createEmptyRaw(conn: DuckDBConnection, kind: string, options: { temporary?: boolean } = {}): Promise<void> {
  await dropTempObjects(conn, rawTableName(kind));
  const cols = kindSpec(kind).columns.map((c) => `${quoteIdent(c.name)} VARCHAR`);
  cols.push('_file VARCHAR', '_row INTEGER', '_id_style BOOLEAN');
  await conn.run(`CREATE OR REPLACE ${options.temporary ? 'TEMP ' : ''}TABLE ${quoteIdent(rawTableName(kind))} (${cols.join(', ')})`);
}
