/**
 * The simulator's state for one month as Arrow (pipeline/sim-state): the parts' queries run on the warehouse
 * connection, encoded once per build and month and kept (the province state is ~10 MB, ~2.7 MB gzipped).
 * PERSONAL DATA (names, NIP): the route is for signed-in leadership and analysts only.
 */
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { STATE_PARTS, STATE_QUERIES } from '#sim-state/queries.ts';
import { encodeState } from '#sim-state/arrow.ts';
import type { PartColumns, StateColumns } from '#sim-state/columns.ts';
import { acquire, release, runQuery } from './db';

interface Entry {
  key: string;
  etag: string;
  body: Uint8Array;
  gzip: Uint8Array;
}

const cache: Entry[] = [];
const MAX_ENTRIES = 3;

/** `month` as 'YYYY-MM-01' or null (latest) */
export async function simStateBody(month: string | null): Promise<Entry> {
  const gen = await acquire();
  try {
    const key = `${gen.builtAt}|${month ?? 'latest'}`;
    const hit = cache.find((e) => e.key === key);
    if (hit) return hit;
    const parts = {} as StateColumns;
    for (const part of STATE_PARTS) {
      const r = await runQuery(gen, STATE_QUERIES[part], { month });
      const cols: PartColumns = {};
      r.names.forEach((n, i) => (cols[n] = r.columns[i]!));
      parts[part] = cols;
    }
    const body = encodeState(parts);
    const entry: Entry = { key, etag: `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`, body, gzip: gzipSync(body, { level: 6 }) };
    cache.unshift(entry);
    cache.length = Math.min(cache.length, MAX_ENTRIES);
    return entry;
  } finally {
    release(gen);
  }
}
