import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { mapHeader, type HeaderMapping } from './aliases.ts';
import { missingColumnError } from './csv.ts';
import { IngestError } from './errors.ts';
import { createRawTable, dropTrailingEmptyRows, quoteIdent, quoteLiteral, rawColumns, rawInsertSql } from './sql.ts';

export interface ParquetLoadResult {
  rows: number;
  mapping: HeaderMapping;
  header: string[];
  /** canonical columns read from typed (non-text) Parquet columns */
  typedColumns: string[];
}

/**
 * Load a Parquet file into `table` with `read_parquet`: every column cast to VARCHAR (DATE → `YYYY-MM-DD`,
 * TIMESTAMP → `YYYY-MM-DD HH:MM:SS`, numbers as DuckDB prints them), aliases applied as for CSV.
 * Row numbers: a Parquet file has no header row, but to stay consistent with the spreadsheet numbering of
 * the other formats the column names count as row 1, so record i (0-based `file_row_number`) is `_row` i + 2.
 */
export async function loadParquet(conn: DuckDBConnection, kind: string, path: string, table: string, temporary = false): Promise<ParquetLoadResult> {
  const file = basename(path);
  const src = `read_parquet(${quoteLiteral(path)}, file_row_number = true)`;
  let header: string[];
  let types: string[];
  try {
    const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjects().filter((r) => r.column_name !== 'file_row_number');
    header = described.map((r) => String(r.column_name));
    types = described.map((r) => String(r.column_type));
  } catch (err) {
    const msg = ((err as Error)?.message ?? String(err)).split('\n')[0];
    throw new IngestError(file, `cannot read the Parquet file (${msg}): it is damaged or not Parquet.`, { cause: err });
  }
  const mapping = mapHeader(kind, header);
  if (mapping.missingRequired.length) throw missingColumnError(file, kind, mapping, header, 1);
  const names = rawColumns(kind, mapping).map((c) => c.name);
  await createRawTable(conn, table, names, { file, idStyle: false, temporary });
  // a typed number that prints like `1.125` would look like a thousands group: write its decimals with a comma
  // (always a decimal separator, docs/data-contract.md) so the text reads the same under every column decision
  const numeric = (t: string) => /^(DOUBLE|FLOAT|REAL|DECIMAL)/i.test(t);
  const source = (i: number) =>
    numeric(types[i]!)
      ? `regexp_replace(CAST(${quoteIdent(header[i]!)} AS VARCHAR), '^([+-]?[1-9]\\d{0,2})\\.(\\d{3})$', '\\1,\\2')`
      : `CAST(${quoteIdent(header[i]!)} AS VARCHAR)`;
  const typedColumns = [...mapping.canonical].filter(([, i]) => !/^VARCHAR/i.test(types[i]!)).map(([c]) => c);
  const insert = rawInsertSql(table, kind, mapping, source, src, {
    row: '(file_row_number + 2)::INTEGER',
    emptyIsNull: true,
  });
  try {
    await conn.run(insert);
  } catch (err) {
    const msg = ((err as Error)?.message ?? String(err)).split('\n')[0];
    throw new IngestError(file, `cannot read the Parquet file (${msg}).`, { cause: err });
  }
  const rows = await dropTrailingEmptyRows(conn, table, names);
  return { rows, mapping, header, typedColumns };
}
