/** One row of the warehouse table transfer_effect: written by pipeline/warehouse/steps/transfer-effects.ts, read by
 *  the dashboard's effect charts. Defined once here so the two cannot drift apart. */
export interface TransferEffectRow {
  aggregation: 'att_gt' | 'simple' | 'dynamic' | 'group' | 'calendar' | 'twfe';
  group: number | null;
  time: number | null;
  event_time: number | null;
  att: number | null;
  se: number | null;
  ci_low: number | null;
  ci_high: number | null;
  crit_val: number | null;
  n: number;
  n_treated: number | null;
}
