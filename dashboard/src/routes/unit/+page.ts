import { browser } from '$app/environment';
import { loadData, type Dataset } from '$lib/api';
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
  // the list (a province: 900 units, 340 KB of rows and 290 KB of markup) stays out of the HTML (issue 16: ≤ 100 KB
  // a page): asked for in the browser, not awaited, and drawn when it arrives
  const list: Promise<[Dataset<UnitRow>, Dataset<UnitLoadRow>]> | null = browser
    ? Promise.all([
        loadData<UnitRow>(fetch, '/api/units', { region }),
        loadData<UnitLoadRow>(fetch, '/api/unit-load', { month: state.month, lang, region, view }),
      ])
    : null;
  const regions = await loadRegions(fetch);
  return { state, region, view, regions, data: { list } };
};
