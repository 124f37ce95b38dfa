/**
 * The warehouse's schema version: the contract between a built warehouse and the code that reads it (the
 * dashboard, `npm start`). Every build writes `build_info.schema_version`; a reader that finds another
 * version says "rebuild" instead of failing query by query.
 *
 * The version and the tables it stands for live in warehouse-schema.json, written by
 * `seimbang schema --db <sample build> --snapshot [--bump]`. test/integration/warehouse-schema.test.ts builds the
 * sample and fails when its tables differ from the snapshot: a change to the tables must come with a new
 * snapshot, and the snapshot tool refuses to record changed tables under an unchanged version.
 */
import snapshot from './warehouse-schema.json' with { type: 'json' };

/** table → column → DuckDB type name */
export type SchemaColumns = Record<string, Record<string, string>>;

export interface SchemaSnapshot {
  version: number;
  tables: SchemaColumns;
}

export const WAREHOUSE_SCHEMA: SchemaSnapshot = snapshot as SchemaSnapshot;
export const SCHEMA_VERSION: number = WAREHOUSE_SCHEMA.version;

export type SchemaStatus = 'current' | 'older' | 'newer' | 'unknown';

/** How a warehouse's schema_version compares with the one this code reads (null: it has none, so it is older). */
export function schemaStatus(found: number | null, expected: number = SCHEMA_VERSION): SchemaStatus {
  if (found === null) return 'unknown';
  if (!Number.isInteger(found)) return 'unknown';
  return found === expected ? 'current' : found < expected ? 'older' : 'newer';
}

/** Differences between two schemas, one line each: tables or columns missing, added, or of another type. */
export function schemaDifferences(actual: SchemaColumns, expected: SchemaColumns): string[] {
  const out: string[] = [];
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const t of names) {
    const a = actual[t];
    const e = expected[t];
    if (!a) out.push(`table ${t}: missing`);
    else if (!e) out.push(`table ${t}: not in the snapshot`);
    else {
      const cols = [...new Set([...Object.keys(e), ...Object.keys(a)])];
      for (const c of cols) {
        if (!(c in a)) out.push(`${t}.${c}: missing`);
        else if (!(c in e)) out.push(`${t}.${c}: not in the snapshot (${a[c]})`);
        else if (a[c] !== e[c]) out.push(`${t}.${c}: ${a[c]}, the snapshot has ${e[c]}`);
      }
      const order = (o: Record<string, string>) => Object.keys(o).filter((c) => c in a && c in e).join(',');
      if (order(a) !== order(e)) out.push(`table ${t}: columns in another order`);
    }
  }
  return out;
}

/** The command that rebuilds a warehouse from its input folder (shell-quoted where needed; the folder unknown: a placeholder). */
export function rebuildCommand(file: string, inputDir: string | null): string {
  const q = (p: string) => (/^[\w./:@+-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`);
  return `npx seimbang build --input ${inputDir ? q(inputDir) : '<input folder>'} --db ${q(file)}`;
}
