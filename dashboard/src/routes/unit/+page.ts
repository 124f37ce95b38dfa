import { loadData } from '$lib/api';
import { resolveMonth } from '$lib/month';
import { askedRegion, loadRegions } from '$lib/region';
import { parseView } from '$lib/params';
import type { RegionRow, UnitLoadRow, UnitRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { months, lang, warehouseError } = await parent();
  const state = resolveMonth(url, months);
  const region = askedRegion(url);
  const view = parseView(url.searchParams.get('view'));
  if (warehouseError || !state.month) return { state, region, view, regions: [] as RegionRow[], data: null };
  const [regions, units, unitLoad] = await Promise.all([
    loadRegions(fetch),
    loadData<UnitRow>(fetch, '/api/units', { region }),
    loadData<UnitLoadRow>(fetch, '/api/unit-load', { month: state.month, lang, region, view }),
  ]);
  return { state, region, view, regions, data: { units, unitLoad } };
};
