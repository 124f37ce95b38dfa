import type { RequestHandler } from '@sveltejs/kit';
import { serveQuery } from './arrow';
import type { QueryDef } from './queries/define';

/** `export const GET = endpoint(query)` — a data endpoint answering Arrow (or CSV with ?format=csv). */
export function endpoint(def: QueryDef): RequestHandler {
  return (event) => serveQuery(event, def);
}
