/**
 * Dampak mutasi: the effects of past transfers, estimated at build time (pipeline/warehouse/steps/transfer-effects.ts,
 * docs/method-effects.md) with Callaway & Sant'Anna (2021) staggered difference-in-differences, and the naive
 * TWFE estimate beside them. Aggregates over units (and, for the ramp-up, over hundreds of people): no personal data.
 */
import { defineQuery } from './define';
import { EFFECT_OUTCOMES } from '$lib/params';
import { oneOf } from '../params';

export const effectsInfo = defineQuery({
  name: 'effects-info',
  description:
    'Per outcome and level: estimated or not (and why), comparison group, units and treated units, cohorts, bootstrap ' +
    'draws, pre-test p-value and the estimator\'s warnings.',
  params: {},
  sql: `
    SELECT outcome, level, status, message, control, n_units, n_treated, n_left_out, n_periods, cohorts, biters,
      CAST(seed AS VARCHAR) AS seed, pretest_p, warnings,
      (SELECT list(strftime(c.month, '%Y-%m') ORDER BY c.t)
         FROM (SELECT month, CAST(row_number() OVER (ORDER BY month) AS INTEGER) AS t FROM month_calendar) c
         WHERE list_contains(i.cohorts, c.t)) AS cohort_months
    FROM transfer_effect_info i
    ORDER BY level DESC, outcome`,
});

export const effects = defineQuery({
  name: 'effects',
  description:
    'Effect of gaining staff in a rotation wave on a unit outcome: the event study (dynamic, by months since the wave), ' +
    'by cohort (group), by calendar month, the overall ATT (simple) and the naive TWFE estimate, each with its 95% band.',
  params: { outcome: oneOf(EFFECT_OUTCOMES, 'mean_score') },
  sql: `
    SELECT aggregation, "group", group_month, "time", time_month, event_time, att, se, ci_low, ci_high, crit_val, n, n_treated
    FROM transfer_effect
    WHERE level = 'unit' AND outcome = $outcome AND aggregation <> 'att_gt'
    ORDER BY CASE aggregation WHEN 'simple' THEN 1 WHEN 'twfe' THEN 2 WHEN 'dynamic' THEN 3 WHEN 'group' THEN 4 ELSE 5 END,
      event_time NULLS LAST, "group" NULLS LAST, "time" NULLS LAST`,
});

export const effectsRampup = defineQuery({
  name: 'effects-rampup',
  description:
    'Ramp-up after a transfer: effect on the moved person\'s SKP score relative to settled colleagues by months since ' +
    'the transfer (0–24), its band, and the implied share of full productivity (averages over everyone moved).',
  params: {},
  sql: `
    SELECT months_since_transfer, effect, se, ci_low, ci_high, share_of_full_productivity, baseline_score, n_treated
    FROM transfer_rampup ORDER BY months_since_transfer`,
});

/** months after the wave at which the receiving units' EJ is shown beside the month before */
export const WAVE_AFTER_MONTHS = 6;

export const effectsWaves = defineQuery({
  name: 'effects-waves',
  description:
    'The rotation waves (collective decrees moving at least effects.wave_min_transfers people) and the units that ' +
    `received staff in each, with their EJ the month before the wave and ${WAVE_AFTER_MONTHS} months after (NULL when ` +
    'that month is outside the warehouse). Aggregates over units.',
  params: {},
  sql: `
    WITH w AS (
      SELECT DISTINCT wave_month, unit_id FROM effect_panel_unit WHERE wave_role = 'receiver' AND wave_month IS NOT NULL
    )
    SELECT w.wave_month, w.unit_id, u.unit_label AS unit_name,
      b.ej AS ej_before, b.band AS band_before, a.ej AS ej_after, a.band AS band_after, ${WAVE_AFTER_MONTHS} AS after_months
    FROM w
    LEFT JOIN unit u ON u.unit_id = w.unit_id
    LEFT JOIN unit_load_monthly b ON b.unit_id = w.unit_id AND b.month = CAST(w.wave_month - INTERVAL 1 MONTH AS DATE)
    LEFT JOIN unit_load_monthly a ON a.unit_id = w.unit_id AND a.month = CAST(w.wave_month + INTERVAL ${WAVE_AFTER_MONTHS} MONTH AS DATE)
    ORDER BY w.wave_month, u.unit_label`,
});
