/**
 * /skenario/bandingkan?ids=a,b[,c] — two or three scenarios side by side (pipeline/simulate/scenario.ts
 * compareReports): the indices after each plan, the units whose EJ differs most, the moves one has and another
 * lacks, the warnings. Without 2–3 ids the page asks for them.
 */
import { error } from '@sveltejs/kit';
import { compareReports } from '#simulate/scenario.ts';
import { openScenario, readable } from '$lib/server/scenarios';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (e) => {
  const raw = e.url.searchParams.get('ids') ?? '';
  const ids = [...new Set(raw.split(',').map((x) => x.trim()).filter(Boolean))];
  if (ids.length > 3) error(400, 'ids: at most 3 scenarios');
  if (ids.length < 2) return { picked: false as const };
  const opened = [];
  for (const id of ids) opened.push(await openScenario(readable(e, id)));
  const cmp = compareReports(opened.map((o) => o.report));
  return {
    picked: true as const,
    scenarios: opened.map((o) => ({
      id: o.scenario.id,
      name: o.scenario.name,
      status: o.scenario.status,
      version: o.version.version,
      month: o.report.month,
      moves: o.report.moves.length,
      notApplied: o.report.changes.filter((c) => !c.applied).length,
      stale: o.stale,
    })),
    sameMonth: new Set(opened.map((o) => o.report.month)).size === 1,
    cmp,
  };
};
