import { loadData } from '$lib/api';
import { resolveMonth } from '$lib/month';
import { isTitle } from '$lib/params';
import type { TitleRow, TitleUnitRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { months, warehouseError } = await parent();
  const state = resolveMonth(url, months);
  const rawTitle = url.searchParams.get('title') ?? '';
  const title = rawTitle && isTitle(rawTitle) ? rawTitle : null;
  if (warehouseError || !state.month) return { state, title, data: null };
  const [titles, units] = await Promise.all([
    loadData<TitleRow>(fetch, '/api/jabatan/titles', { month: state.month }),
    loadData<TitleUnitRow>(fetch, '/api/jabatan/units', { month: state.month, title }),
  ]);
  return { state, title, data: { titles, units } };
};
