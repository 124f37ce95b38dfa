import { loadData } from '$lib/api';
import { monthKey, parseLang } from '$lib/params';
import type { BuildInfoRow, MonthRow } from '$lib/types';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ fetch, url, data }) => {
  const lang = parseLang(url.searchParams.get('lang'));
  const [months, build] = await Promise.all([
    loadData<MonthRow>(fetch, '/api/months'),
    loadData<BuildInfoRow>(fetch, '/api/build-info'),
  ]);
  return {
    user: data.user,
    allowedPages: data.allowedPages,
    /** the signed-in role may see person-level detail (lib/server/access.ts PEOPLE) */
    people: data.user?.role === 'pimpinan' || data.user?.role === 'analis',
    lang,
    months: months.rows.map((r) => monthKey(r.month)),
    warehouseError: months.error,
    build: build.rows[0] ?? null,
  };
};
