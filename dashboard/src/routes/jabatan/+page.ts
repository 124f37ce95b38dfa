import { browser } from '$app/environment';
import { loadData, type Dataset } from '$lib/api';
import { resolveMonth } from '$lib/month';
import { isTitle, parseView } from '$lib/params';
import { askedRegion, loadRegions } from '$lib/region';
import type { RegionRow, TitleRow, TitleUnitRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { months, warehouseError } = await parent();
  const state = resolveMonth(url, months);
  const rawTitle = url.searchParams.get('title') ?? '';
  const title = rawTitle && isTitle(rawTitle) ? rawTitle : null;
  const region = askedRegion(url);
  // the same view as the unit pages (annual by default), so a position has one need for a month and view (issue 16)
  const view = parseView(url.searchParams.get('view'));
  if (warehouseError || !state.month) return { state, title, region, view, regions: [] as RegionRow[], data: null, units: null };
  // the positions (every title's, or one title's in every unit: at province scale 290 KB) are the page's largest
  // data: asked for in the browser beside the rest and not awaited, so the HTML stays under 100 KB (issue 16); the
  // chart draws when they arrive. A month the warehouse lacks answers 400 (MonthNotices says so).
  const units: Promise<Dataset<TitleUnitRow>> | null =
    browser && !state.missing ? loadData<TitleUnitRow>(fetch, '/api/jabatan/units', { month: state.month, title, region, view }) : null;
  const [regions, titles] = await Promise.all([
    loadRegions(fetch),
    loadData<TitleRow>(fetch, '/api/jabatan/titles', { month: state.month, region, view }),
  ]);
  return { state, title, region, view, regions, data: { titles }, units };
};
