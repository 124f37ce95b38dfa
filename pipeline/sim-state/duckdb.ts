/** Load the simulator's state from a warehouse file in Node (the CLI, the tests, the benchmarks). */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UserError } from '../errors.ts';
import type { SimState } from '../simulate/types.ts';
import { stateFromColumns, StateLoadError, type PartColumns, type StateColumns } from './columns.ts';
import { STATE_PARTS, STATE_QUERIES } from './queries.ts';

/** the columns of every state part for `month` ('YYYY-MM', or null = the latest) */
export async function readStateColumns(con: DuckDBConnection, month: string | null): Promise<StateColumns> {
  const out = {} as StateColumns;
  for (const part of STATE_PARTS) {
    const prepared = await con.prepare(STATE_QUERIES[part]);
    try {
      for (let i = 1; i <= prepared.parameterCount; i++) {
        if (month === null) prepared.bindNull(i);
        else prepared.bindVarchar(i, `${month}-01`);
      }
      const reader = await prepared.runAndReadAll();
      const names = reader.columnNames();
      const cols = reader.getColumnsJS();
      const part_: PartColumns = {};
      names.forEach((n, i) => (part_[n] = cols[i]!));
      out[part] = part_;
    } finally {
      prepared.destroySync();
    }
  }
  return out;
}

export async function loadState(con: DuckDBConnection, month: string | null): Promise<SimState> {
  try {
    return stateFromColumns(await readStateColumns(con, month));
  } catch (e) {
    if (e instanceof StateLoadError) throw new UserError(e.message);
    throw e;
  }
}

/** open the warehouse read-only, load, close */
export async function loadStateFromFile(file: string, month: string | null): Promise<SimState> {
  const db = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  try {
    return await loadState(con, month);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
