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
  try {
    const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`);
    header = described.getRowObjects().map((r) => String(r.column_name)).filter((n) => n !== 'file_row_number');
  } catch (err) {
    const msg = ((err as Error)?.message ?? String(err)).split('\n')[0];
    throw new IngestError(file, `cannot read the Parquet file (${msg}): it is damaged or not Parquet.`, { cause: err });
  }
  const mapping = mapHeader(kind, header);
  if (mapping.missingRequired.length) throw missingColumnError(file, kind, mapping, header, 1);
  const names = rawColumns(kind, mapping).map((c) => c.name);
  await createRawTable(conn, table, names, { file, idStyle: false, temporary });
  const insert = rawInsertSql(table, kind, mapping, (i) => `CAST(${quoteIdent(header[i]!)} AS VARCHAR)`, src, {
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
  return { rows, mapping, header };
}
