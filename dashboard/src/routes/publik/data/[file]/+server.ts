/**
 * Downloads of the public report: `/publik/data/<table>.csv` and `.parquet` (and `kamus-data.*`, the data
 * dictionary). The same suppressed tables as the page (dashboard/src/lib/publik/report.ts); no sign-in.
 */
import { error, json } from '@sveltejs/kit';
import { publikReport } from '$lib/server/publik';
import { fileOf, FILE_FORMATS, openTablesOf, type FileFormat } from '$lib/server/publik/files';
import { WarehouseUnavailableError } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
  const m = /^([a-z0-9-]+)\.([a-z]+)$/.exec(params.file);
  if (!m || !(FILE_FORMATS as readonly string[]).includes(m[2]!)) error(404, 'Not found');
  let report;
  try {
    report = await publikReport();
  } catch (err) {
    if (err instanceof WarehouseUnavailableError) return json({ error: 'warehouse_unavailable', message: err.message }, { status: 503 });
    throw err;
  }
  const table = openTablesOf(report).find((t) => t.id === m[1]);
  if (!table) error(404, 'Not found');
  const { body, type } = await fileOf(table, m[2] as FileFormat);
  return new Response(body as BodyInit, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${params.file}"`,
      'Cache-Control': 'no-cache',
      'X-Seimbang-Built-At': report.builtAt,
    },
  });
};
