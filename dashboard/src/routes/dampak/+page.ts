import { loadData } from '$lib/api';
import { isEffectOutcome, type EffectOutcome } from '$lib/params';
import type { EffectDatum } from '$lib/charts/effectTypes';
import type { RampupDatum } from '$lib/charts/rampup';
import { loadRegions } from '$lib/region';
import type { EffectsInfoRow, RegionRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { warehouseError } = await parent();
  const raw = url.searchParams.get('outcome');
  const outcome: EffectOutcome = isEffectOutcome(raw) ? raw : 'mean_score';
  const invalidOutcome = raw != null && raw !== '' && !isEffectOutcome(raw);
  if (warehouseError) return { outcome, invalidOutcome, regions: [] as RegionRow[], data: null };
  const [regions, info, effects, rampup] = await Promise.all([
    loadRegions(fetch),
    loadData<EffectsInfoRow>(fetch, '/api/effects/info'),
    loadData<EffectDatum>(fetch, '/api/effects', { outcome }),
    loadData<RampupDatum>(fetch, '/api/effects/rampup'),
  ]);
  return { outcome, invalidOutcome, regions, data: { info, effects, rampup } };
};
