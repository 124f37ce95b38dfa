import type { TransferEffectRow } from '#domain/transfer-effect.ts';

/** Row shape of transfer_effect as the /api/effects endpoint sends it (months attached), shared by the effect charts. */
export interface EffectDatum extends Omit<TransferEffectRow, 'aggregation'> {
  aggregation: Exclude<TransferEffectRow['aggregation'], 'att_gt'>;
  group_month: Date | null;
  time_month: Date | null;
}

/** decimals to show for an outcome's effects */
export const EFFECT_DIGITS: Record<string, 0 | 1 | 2> = { mean_score: 1, ej: 2, staffing_gap: 1, mean_rating_rank: 2 };
