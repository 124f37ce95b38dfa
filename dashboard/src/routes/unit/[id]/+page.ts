import { error } from '@sveltejs/kit';
import { loadData } from '$lib/api';
import { resolveMonth } from '$lib/month';
import { isUnitId } from '$lib/params';
import { texts } from '$lib/i18n';
import type {
  PositionRow,
  RatingRow,
  SubunitRow,
  TransferRow,
  UnitHistoryRow,
  UnitInfoRow,
} from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, params, parent }) => {
  const { months, lang, warehouseError } = await parent();
  const t = texts(lang);
  if (!isUnitId(params.id)) error(400, t.errors.unitNotFound(params.id.slice(0, 60)));
  const state = resolveMonth(url, months);
  if (warehouseError || !state.month) return { state, id: params.id, info: null, data: null };
  const base = `/api/units/${encodeURIComponent(params.id)}`;
  const info = await loadData<UnitInfoRow>(fetch, base);
  if (!info.error && info.rows.length === 0) error(404, t.errors.unitNotFound(params.id));
  const [history, positions, transfers, performance, subunits] = await Promise.all([
    loadData<UnitHistoryRow>(fetch, `${base}/history`),
    loadData<PositionRow>(fetch, `${base}/positions`, { lang }),
    loadData<TransferRow>(fetch, `${base}/transfers`),
    loadData<RatingRow>(fetch, `${base}/performance`, { month: state.month }),
    loadData<SubunitRow>(fetch, `${base}/subunits`, { month: state.month, lang }),
  ]);
  return { state, id: params.id, info: info.rows[0] ?? null, data: { info, history, positions, transfers, performance, subunits } };
};
