/**
 * The last check before a build replaces the warehouse: a build that lost most of a kind of record — against its
 * own input rows, or against the warehouse it would replace — stops with a message and keeps the old warehouse
 * (settings publish.min_loaded_share, publish.min_share_of_previous; `--force` publishes anyway). This is what keeps
 * a file of wrongly typed NIPs, a header-only export or a column of titles instead of ids from emptying a
 * warehouse that users rely on.
 */
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../domain/settings.ts';

export interface LoadedCount {
  kind: string;
  file: string;
  rows: number;
  loaded: number;
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)} %`;

/** Loaded rows per kind recorded by the previous warehouse at `db` (undefined: none, or unreadable). */
export async function previousLoaded(conn: DuckDBConnection, db: string): Promise<Map<string, number> | undefined> {
  if (!existsSync(db)) return undefined;
  try {
    await conn.run(`ATTACH '${db.replaceAll("'", "''")}' AS seimbang_previous (READ_ONLY)`);
    try {
      const r = await conn.runAndReadAll('SELECT CAST(input_files AS VARCHAR) AS f FROM seimbang_previous.main.build_info LIMIT 1');
      const text = r.getRowObjects()[0]?.f;
      if (typeof text !== 'string') return undefined;
      const files = JSON.parse(text) as { kind: string; loaded: number }[];
      return new Map(files.map((f) => [f.kind, Number(f.loaded)]));
    } finally {
      await conn.run('DETACH seimbang_previous');
    }
  } catch {
    return undefined; // another version or a damaged file: nothing to compare with
  }
}

/**
 * Why this build must not replace the warehouse (empty: it may). `reasons(kind)` names the main quarantine
 * reasons of a kind for the message.
 */
export function lossProblems(
  files: readonly LoadedCount[],
  previous: ReadonlyMap<string, number> | undefined,
  limits: Settings['publish'],
  required: readonly string[],
  reasons: (kind: string) => string,
): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (f.rows === 0) {
      if (required.includes(f.kind)) out.push(`${f.file} has no data rows (only a header?): no ${f.kind} would be loaded`);
      continue;
    }
    const share = f.loaded / f.rows;
    if (share < limits.min_loaded_share) {
      out.push(
        `${f.file}: only ${f.loaded} of ${f.rows} ${f.kind} rows loaded (${pct(share)}, below publish.min_loaded_share ${pct(limits.min_loaded_share)}); ` +
          `main reasons: ${reasons(f.kind) || 'see the quarantine table'}`,
      );
    }
  }
  if (previous) {
    for (const [kind, before] of previous) {
      if (!(before > 0)) continue;
      const now = files.filter((f) => f.kind === kind).reduce((a, f) => a + f.loaded, 0);
      if (now < before * limits.min_share_of_previous) {
        out.push(`${kind}: ${now} loaded against ${before} in the current warehouse (${pct(now / before)}, below publish.min_share_of_previous ${pct(limits.min_share_of_previous)})`);
      }
    }
  }
  return out;
}
