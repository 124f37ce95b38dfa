import { error } from '@sveltejs/kit';
import { loadData } from '$lib/api';
import { resolveMonth } from '$lib/month';
import { isUnitId, parseView } from '$lib/params';
import { askedRegion } from '$lib/region';
import { texts } from '$lib/i18n';
import type {
  PositionHolderRow,
  PositionRow,
  ReadinessRow,
  RatingRow,
  SubunitRow,
  TransferRow,
  UnitHistoryRow,
  UnitInfoRow,
  UnitWaveRow,
} from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { months, lang, warehouseError, people } = await parent();
  const t = texts(lang);
  if (!isUnitId(params.id)) error(400, t.errors.unitNotFound(params.id.slice(0, 60)));
  const state = resolveMonth(url, months);
  // annual EJ (rolling 12 months) by default, the month alone one click away (issue 16)
  const view = parseView(url.searchParams.get('view'));
  // the region chosen on the list pages travels with every link (issue 16)
  const region = askedRegion(url);
  if (warehouseError || !state.month) return { state, view, region, id: params.id, info: null, withHolders: false, data: null };
  const base = `/api/units/${encodeURIComponent(params.id)}`;
  const info = await loadData<UnitInfoRow>(fetch, base);
  if (!info.error && info.rows.length === 0) error(404, t.errors.unitNotFound(params.id));
  const [history, positions, holders, transfers, performance, subunits, readiness, waves] = await Promise.all([
    loadData<UnitHistoryRow>(fetch, `${base}/history`, { view }),
    loadData<PositionRow>(fetch, `${base}/positions`, { month: state.month, lang, view }),
    // what the holders lack describes one person in a single-holder post: signed-in pimpinan / analis only
    people ? loadData<PositionHolderRow>(fetch, `${base}/positions/holders`) : null,
    loadData<TransferRow>(fetch, `${base}/transfers`),
    loadData<RatingRow>(fetch, `${base}/performance`, { month: state.month }),
    loadData<SubunitRow>(fetch, `${base}/subunits`, { month: state.month, lang, view }),
    loadData<ReadinessRow>(fetch, `${base}/readiness`),
    // the rotation waves of the unit's region, for the markers on its trend charts (issue 16)
    loadData<UnitWaveRow>(fetch, `${base}/waves`),
  ]);
  if (holders && !holders.error) {
    const byPosition = new Map(holders.rows.map((h) => [h.position_id, h]));
    for (const r of positions.rows) {
      const h = byPosition.get(r.position_id);
      r.holders_below_education = h?.holders_below_education ?? null;
      r.missing_competencies = h?.missing_competencies ?? null;
    }
  }
  const withHolders = !!holders && !holders.error;
  return { state, view, region, id: params.id, info: info.rows[0] ?? null, withHolders, data: { info, history, positions, transfers, performance, subunits, readiness, waves } };
};
