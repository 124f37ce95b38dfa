/** Row shape of transfer_effect as the /api/effects endpoint sends it, shared by the effect charts. */
export interface EffectDatum {
  aggregation: 'simple' | 'twfe' | 'dynamic' | 'group' | 'calendar';
  group: number | null;
  group_month: Date | null;
  time: number | null;
  time_month: Date | null;
  event_time: number | null;
  att: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  crit_val: number | null;
  n: number;
  n_treated: number | null;
}

/** decimals to show for an outcome's effects */
export const EFFECT_DIGITS: Record<string, 0 | 1 | 2> = { mean_score: 1, ej: 2, staffing_gap: 1, mean_rating_rank: 2 };
