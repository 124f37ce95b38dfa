/**
 * What a built warehouse looks like from outside: its tables and views with their columns and types, read
 * from the DuckDB catalog. Compared with the committed contract (pipeline/domain/warehouse-schema.json) by
 * `seimbang schema` and by the schema test.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SchemaColumns } from '../domain/warehouse-schema.ts';

/** Published tables and views of the open database (temp and build-only tables excluded), columns in order. */
export async function readSchema(conn: DuckDBConnection): Promise<SchemaColumns> {
  const r = await conn.runAndReadAll(`
    SELECT table_name, column_name, data_type
    FROM duckdb_columns()
    WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
      AND (NOT regexp_matches(table_name, '^(raw|stg)_') OR table_name = 'raw_file')
    ORDER BY table_name, column_index`);
  const out: SchemaColumns = {};
  for (const [table, column, type] of r.getRows()) (out[String(table)] ??= {})[String(column)] = String(type);
  return out;
}

/** build_info.schema_version of the open database; null when the warehouse predates it or has no build_info. */
export async function readSchemaVersion(conn: DuckDBConnection): Promise<number | null> {
  try {
    const r = await conn.runAndReadAll('SELECT CAST(schema_version AS INTEGER) FROM build_info LIMIT 1');
    const v = r.getRows()[0]?.[0];
    return v == null ? null : Number(v);
  } catch {
    return null;
  }
}
