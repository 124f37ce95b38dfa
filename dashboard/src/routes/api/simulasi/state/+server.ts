/**
 * GET /api/simulasi/state?month=YYYY-MM — the what-if simulator's state (positions, people in post, units, ramp-up,
 * settings) as Arrow IPC streams, one per part (pipeline/sim-state/arrow.ts). PERSONAL DATA: names and NIP; sign-in
 * (pimpinan, analis, admin) is enforced by the access table of the auth layer.
 */
import { json, type RequestHandler } from '@sveltejs/kit';
import { MONTH_RE } from '$lib/params';
import { ARROW_STREAM } from '$lib/server/arrow';
import { WarehouseOutdatedError, WarehouseUnavailableError } from '$lib/server/db';
import { simStateBody } from '$lib/server/simState';

export const GET: RequestHandler = async ({ url, request }) => {
  const raw = url.searchParams.get('month');
  if (raw !== null && raw !== '' && !MONTH_RE.test(raw)) {
    return json({ error: 'bad_request', param: 'month', message: 'month: a month as YYYY-MM' }, { status: 400 });
  }
  const month = raw ? `${raw}-01` : null;
  try {
    const e = await simStateBody(month);
    const headers: Record<string, string> = {
      'Content-Type': ARROW_STREAM,
      ETag: e.etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Accept-Encoding',
    };
    if ((request.headers.get('if-none-match') ?? '').split(',').map((s) => s.trim()).includes(e.etag)) {
      return new Response(null, { status: 304, headers });
    }
    const gz = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
    if (gz) headers['Content-Encoding'] = 'gzip';
    return new Response((gz ? e.gzip : e.body) as BodyInit, { status: 200, headers });
  } catch (err) {
    if (err instanceof WarehouseOutdatedError) {
      return json({ error: 'warehouse_outdated', message: err.message, rebuild: err.rebuild }, { status: 503, headers: { 'Retry-After': '10' } });
    }
    if (err instanceof WarehouseUnavailableError) {
      return json({ error: 'warehouse_unavailable', message: err.message }, { status: 503, headers: { 'Retry-After': '10' } });
    }
    console.error('[seimbang] /api/simulasi/state:', err);
    return json({ error: 'query_failed', message: `The simulator state could not be read: ${(err as Error).message}` }, { status: 500 });
  }
};
