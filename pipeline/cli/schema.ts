/**
 * `seimbang schema`: is a warehouse readable by this version? Prints the schema version it was built with, the
 * one this version reads, and (with --diff) how its tables differ from this version's contract. With --snapshot,
 * records the warehouse's tables as the contract (developers, after changing a model: see
 * pipeline/domain/warehouse-schema.ts).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UserError, EXIT } from '../errors.ts';

interface SchemaCliOptions {
  db: string;
  json?: boolean;
  diff?: boolean;
  snapshot?: boolean;
  bump?: boolean;
}

const SNAPSHOT_FILE = fileURLToPath(new URL('../domain/warehouse-schema.json', import.meta.url));

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('check that a warehouse was built with the schema this version reads (exit 1 when not)')
    .option('-d, --db <file>', 'warehouse file', 'data/seimbang.duckdb')
    .option('--diff', 'list the tables and columns that differ from this version\'s contract')
    .option('--json', 'print the result as JSON on stdout')
    .option('--snapshot', 'developers: record this warehouse\'s tables as the contract (pipeline/domain/warehouse-schema.json)')
    .option('--bump', 'with --snapshot: the tables changed, so raise the schema version')
    .addHelpText(
      'after',
      '\nExamples:\n  seimbang schema --db data/seimbang.duckdb\n  seimbang schema --db /tmp/sample.duckdb --snapshot --bump\n\n' +
        'Exit codes: 0 the warehouse matches this version, 1 it does not (rebuild it) or cannot be read, 2 usage.',
    )
    .action(async (o: SchemaCliOptions) => {
      const file = resolve(o.db);
      if (!existsSync(file)) throw new UserError(`${file}: no such warehouse file`);
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const { readSchema, readSchemaVersion } = await import('../warehouse/schema.ts');
      const { SCHEMA_VERSION, WAREHOUSE_SCHEMA, rebuildCommand, schemaDifferences, schemaStatus } = await import('../domain/warehouse-schema.ts');
      let instance;
      try {
        instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
      } catch (err) {
        throw new UserError(`${file}: cannot be opened as a DuckDB warehouse (${(err as Error).message})`);
      }
      const conn = await instance.connect();
      const found = await readSchemaVersion(conn);
      const tables = await readSchema(conn);
      const info = await buildInputs(conn);
      conn.closeSync();
      instance.closeSync();
      const differences = schemaDifferences(tables, WAREHOUSE_SCHEMA.tables);

      if (o.snapshot) {
        const version = o.bump ? SCHEMA_VERSION + 1 : SCHEMA_VERSION;
        if (!o.bump && differences.length) {
          throw new UserError(
            `the tables differ from the contract of schema version ${SCHEMA_VERSION} (${differences.length} difference(s), first: ${differences[0]}); ` +
              'a warehouse built before this change would be read wrongly: record them with --bump',
          );
        }
        writeFileSync(SNAPSHOT_FILE, `${JSON.stringify({ version, tables }, null, 1)}\n`);
        process.stdout.write(`wrote ${SNAPSHOT_FILE}: schema version ${version}, ${Object.keys(tables).length} tables and views\n`);
        return;
      }

      const status = schemaStatus(found);
      if (o.json) {
        process.stdout.write(
          `${JSON.stringify({ db: file, schema_version: found, expected: SCHEMA_VERSION, status, input_dir: info.inputDir, input_files: info.files, rebuild: rebuildCommand(file, info.inputDir), differences }, null, 2)}\n`,
        );
      } else {
        const what: Record<typeof status, string> = {
          current: 'matches this version',
          older: 'was built by an older version: rebuild it',
          newer: 'was built by a newer version: update Seimbang or rebuild it',
          unknown: 'predates schema versions: rebuild it',
        };
        process.stdout.write(`${file}: schema version ${found ?? 'none'} (this version reads ${SCHEMA_VERSION}); the warehouse ${what[status]}\n`);
        if (status !== 'current') process.stdout.write(`  ${rebuildCommand(file, info.inputDir)}\n`);
        if (o.diff) for (const d of differences) process.stdout.write(`  ${d}\n`);
      }
      if (status !== 'current') process.exitCode = EXIT.badInput;
    });
}

/** build_info.input_dir (newer builds) and the input files with their hashes, for `npm start`. */
async function buildInputs(conn: import('@duckdb/node-api').DuckDBConnection): Promise<{ inputDir: string | null; files: { file: string; sha256: string }[] }> {
  let inputDir: string | null = null;
  let files: { file: string; sha256: string }[] = [];
  try {
    const r = await conn.runAndReadAll('SELECT CAST(input_dir AS VARCHAR) FROM build_info LIMIT 1');
    const v = r.getRows()[0]?.[0];
    inputDir = v == null ? null : String(v);
  } catch {
    /* built before input_dir was recorded */
  }
  try {
    // build_info.input_files (every version has it; raw_file was dropped by mistake before schema version 1)
    const r = await conn.runAndReadAll(`SELECT json_extract_string(f, '$.file'), json_extract_string(f, '$.sha256')
      FROM (SELECT unnest(CAST(input_files AS JSON[])) AS f FROM build_info) ORDER BY 1`);
    files = r.getRows().map(([f, s]) => ({ file: String(f), sha256: String(s) }));
  } catch {
    /* no manifest */
  }
  return { inputDir, files };
}
