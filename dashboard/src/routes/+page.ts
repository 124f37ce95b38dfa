import { loadData } from '$lib/api';
import { resolveMonth } from '$lib/month';
import type { HeatmapRow, ImbalanceRow, OverviewRow, UnitLoadRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { months, lang, warehouseError } = await parent();
  const state = resolveMonth(url, months);
  if (warehouseError || !state.month) return { state, data: null };
  const q = { month: state.month };
  const [overview, unitLoad, imbalance, heatmap] = await Promise.all([
    loadData<OverviewRow>(fetch, '/api/overview', q),
    loadData<UnitLoadRow>(fetch, '/api/unit-load', { ...q, lang }),
    loadData<ImbalanceRow>(fetch, '/api/imbalance', { level: 'unit' }),
    loadData<HeatmapRow>(fetch, '/api/heatmap', q),
  ]);
  return { state, data: { overview, unitLoad, imbalance, heatmap } };
};
