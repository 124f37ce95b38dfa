import { loadData } from '$lib/api';
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
  if (warehouseError || !state.month) return { state, title, region, view, regions: [] as RegionRow[], data: null };
  const [regions, titles, units] = await Promise.all([
    loadRegions(fetch),
    loadData<TitleRow>(fetch, '/api/jabatan/titles', { month: state.month, region, view }),
    // every position of every title is the page's largest data: the browser fetches it after the page shows (the
    // HTML stays under 100 KB, issue 16); one title's positions come with the page
    title ? loadData<TitleUnitRow>(fetch, '/api/jabatan/units', { month: state.month, title, region, view }) : null,
  ]);
  return { state, title, region, view, regions, data: { titles, units } };
};
