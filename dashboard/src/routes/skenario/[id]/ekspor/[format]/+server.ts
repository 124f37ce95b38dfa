/**
 * /skenario/[id]/ekspor/xlsx|csv — the draft decree list of an approved scenario (lib/server/decree-list.ts).
 * PERSONAL DATA (names, NIP, golongan): pimpinan and analis; every export is written to the audit log.
 */
import { error, type RequestHandler } from '@sveltejs/kit';
import { listEvents, recordExport, ScenarioError } from '#app-store/scenarios.ts';
import { parseLang } from '$lib/params';
import { appStore } from '$lib/server/store';
import { actorOf, golonganOf, openScenario, readable } from '$lib/server/scenarios';
import { decreeCsv, decreeXlsx } from '$lib/server/decree-list';

export const GET: RequestHandler = async (e) => {
  const format = e.params.format;
  if (format !== 'xlsx' && format !== 'csv') error(404, 'format: xlsx or csv');
  const s = readable(e, e.params.id!);
  if (s.status !== 'approved') error(409, 'only an approved scenario is exported as a decree list');
  const o = await openScenario(s);
  const approved = listEvents(appStore(), s.id).filter((x) => x.action === 'approved').at(-1) ?? null;
  const input = {
    lang: parseLang(e.url.searchParams.get('lang')),
    scenarioName: s.name,
    version: o.version.version,
    approvedBy: approved?.actor ?? null,
    approvedAt: approved?.at ?? null,
    baselineMonth: s.baselineMonth,
    baselineBuild: s.baselineBuild,
    moves: o.report.moves,
    golongan: await golonganOf(o.report.moves.map((m) => m.nip)),
  };
  const body = format === 'xlsx' ? await decreeXlsx(input) : new TextEncoder().encode(decreeCsv(input));
  try {
    recordExport(appStore(), actorOf(e), s.id, format, input.moves.length);
  } catch (err) {
    if (err instanceof ScenarioError) error(409, err.message);
    throw err;
  }
  const file = `usulan-mutasi-skenario-${s.id}-v${o.version.version}.${format}`;
  return new Response(body as BodyInit, {
    headers: {
      'Content-Type': format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'private, no-store',
    },
  });
};
