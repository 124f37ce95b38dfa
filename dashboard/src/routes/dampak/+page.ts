import { loadData } from '$lib/api';
import { isEffectOutcome, type EffectOutcome } from '$lib/params';
import type { EffectDatum } from '$lib/charts/effectTypes';
import type { RampupDatum } from '$lib/charts/rampup';
import { loadRegions } from '$lib/region';
import type { EffectsInfoRow, RegionRow } from '$lib/types';
import type { PageLoad } from './$types';

export interface WaveUnitRow {
  wave_month: Date;
  unit_id: string;
  unit_name: string | null;
  ej_before: number | null;
  band_before: string | null;
  ej_after: number | null;
  band_after: string | null;
  after_months: number;
}

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { warehouseError } = await parent();
  const raw = url.searchParams.get('outcome');
  // EJ first: what leadership asks of a rotation is whether it balanced the load; the SKP score comes second
  const outcome: EffectOutcome = isEffectOutcome(raw) ? raw : 'ej';
  const invalidOutcome = raw != null && raw !== '' && !isEffectOutcome(raw);
  if (warehouseError) return { outcome, invalidOutcome, regions: [] as RegionRow[], data: null };
  const [regions, info, effects, rampup, waves] = await Promise.all([
    loadRegions(fetch),
    loadData<EffectsInfoRow>(fetch, '/api/effects/info'),
    loadData<EffectDatum>(fetch, '/api/effects', { outcome }),
    loadData<RampupDatum>(fetch, '/api/effects/rampup'),
    loadData<WaveUnitRow>(fetch, '/api/effects/waves'),
  ]);
  return { outcome, invalidOutcome, regions, data: { info, effects, rampup, waves } };
};
