import { loadData } from '$lib/api';
import { resolveMonth } from '$lib/month';
import type { UnitLoadRow, UnitRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { months, lang, warehouseError } = await parent();
  const state = resolveMonth(url, months);
  if (warehouseError || !state.month) return { state, data: null };
  const [units, unitLoad] = await Promise.all([
    loadData<UnitRow>(fetch, '/api/units'),
    loadData<UnitLoadRow>(fetch, '/api/unit-load', { month: state.month, lang }),
  ]);
  return { state, data: { units, unitLoad } };
};
