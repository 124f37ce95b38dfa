/**
 * The public transparency report (/publik, and `seimbang export-public`): the aggregates it is made of.
 *
 * Privacy (UU 27/2022): these queries read no personal column (no NIP, name, birth date, rating of a person,
 * reason text) and return no row per person: counts, sums and indices over units, months and transfers. Counts of
 * people go through pipeline/domain/disclosure.ts (dashboard/src/lib/publik/report.ts) before anything is shown.
 * The report covers the months of unit_load_monthly (the last three years of the bundled sample); all regions.
 */
import { defineQuery } from './define';
import { fairnessSql } from './fairness-sql';

/** the report's window: the months with unit workload data */
const WINDOW = `w AS (SELECT min(month) AS first_month, max(month) AS last_month FROM unit_load_monthly)`;

export const publikSettings = defineQuery({
  name: 'publik-settings',
  description:
    'The settings the report depends on: the disclosure threshold (disclosure.min_cell_size), whether election dates ' +
    'are configured, the region name, the window of months, when the warehouse was built, the EJ band thresholds and ' +
    'the effective working time.',
  params: {},
  constants: { default_k: 5 },
  sql: `
    WITH ${WINDOW}
    SELECT coalesce(TRY_CAST(json_extract(b.settings, '$.disclosure.min_cell_size') AS INTEGER), CAST($default_k AS INTEGER)) AS min_cell_size,
      coalesce(json_array_length(json_extract(b.settings, '$.election.windows')), 0) > 0 AS election_windows,
      coalesce(json_extract_string(b.settings, '$.region.name'), '') AS region_name,
      CAST(b.built_at AS VARCHAR) AS built_at, w.first_month, w.last_month,
      -- the bands and working time the warehouse was built with (domain.md: EJ bands), written into the texts
      CAST(json_extract(b.settings, '$.workload.overloaded_above') AS DOUBLE) AS overloaded_above,
      CAST(json_extract(b.settings, '$.workload.slack_below') AS DOUBLE) AS slack_below,
      CAST(json_extract(b.settings, '$.workload.effective_minutes_per_year') AS DOUBLE) AS effective_minutes_per_year
    FROM build_info b, w LIMIT 1`,
});

export const publikBalance = defineQuery({
  name: 'publik-balance',
  description:
    'Per month (all regions): imbalance indices of unit EJ (Gini, CV, Theil, max/mean), staff in units short of staff ' +
    'and in units with slack (counts of people, before disclosure control), total staff and the staffing gap (FTE).',
  params: {},
  sql: `
    WITH staff AS (
      SELECT month, CAST(sum(current_staff) AS INTEGER) AS staff,
        CAST(sum(current_staff) FILTER (WHERE band = 'overloaded') AS INTEGER) AS staff_overloaded,
        CAST(sum(current_staff) FILTER (WHERE band = 'slack') AS INTEGER) AS staff_slack
      FROM unit_load_monthly GROUP BY month
    )
    SELECT i.month, CAST(i.n AS INTEGER) AS units, i.mean_ej, i.gini, i.cv, i.theil, i.max_mean, i.staffing_gap,
      s.staff, coalesce(s.staff_overloaded, 0) AS staff_overloaded, coalesce(s.staff_slack, 0) AS staff_slack
    FROM imbalance_region_monthly i JOIN staff s USING (month)
    WHERE i.level = 'unit' AND i.region_code IS NULL
    ORDER BY i.month`,
});

export const publikUnits = defineQuery({
  name: 'publik-units',
  description:
    'Every unit in the latest month: staff (people, before disclosure control), required staff (FTE), EJ and its plain band.',
  params: {},
  sql: `
    SELECT u.unit_id, u.unit_label AS unit_name, CAST(u.depth AS INTEGER) AS depth, l.month,
      CAST(l.current_staff AS INTEGER) AS staff, l.required_staff, l.ej, l.band
    FROM unit_load_monthly l JOIN unit u USING (unit_id)
    WHERE l.month = (SELECT max(month) FROM unit_load_monthly)
    ORDER BY l.required_staff - l.current_staff DESC, u.unit_label`,
});

export const publikSeasonal = defineQuery({
  name: 'publik-seasonal',
  description: 'Per month: units with data, units short of staff (EJ above the threshold or nobody in post) and the mean unit EJ.',
  params: {},
  sql: `
    SELECT month, CAST(count(*) AS INTEGER) AS units,
      CAST(count(*) FILTER (WHERE band IN ('overloaded', 'unstaffed')) AS INTEGER) AS units_short,
      avg(ej) AS mean_ej
    FROM unit_load_monthly GROUP BY month ORDER BY month`,
});

/** kind of a transfer (Peraturan BKN 5/2019 distinguishes moves within one agency from others) */
const KIND = `
  CASE WHEN t.from_unit_id IS NULL THEN 'dari_luar'
       WHEN t.from_unit_id = t.to_unit_id THEN 'dalam_unit'
       WHEN uf.top_unit_id = ut.top_unit_id THEN 'dalam_opd'
       ELSE 'antar_opd' END`;

export const publikTransfers = defineQuery({
  name: 'publik-transfers',
  description:
    'Transfers effective in the report window, per quarter, reason and kind (counts, before disclosure control).',
  params: {},
  sql: `
    WITH ${WINDOW}
    SELECT strftime(t.effective_date, '%Y') || '-Q' || CAST(quarter(t.effective_date) AS VARCHAR) AS quarter,
      coalesce(t.reason_category, 'tidak_tercatat') AS reason, ${KIND} AS kind, CAST(count(*) AS INTEGER) AS transfers
    FROM transfer t LEFT JOIN unit uf ON uf.unit_id = t.from_unit_id LEFT JOIN unit ut ON ut.unit_id = t.to_unit_id, w
    WHERE t.effective_date >= w.first_month AND t.effective_date < w.last_month + INTERVAL 1 MONTH
    GROUP BY ALL ORDER BY ALL`,
});

export const publikCompliance = defineQuery({
  name: 'publik-compliance',
  description:
    'Per legal merit rule and year of the report window: transfers that met it, broke it, or could not be checked ' +
    '(counts, before disclosure control).',
  params: {},
  sql: `
    WITH ${WINDOW}
    SELECT a.rule, CAST(year(a.effective_date) AS INTEGER) AS year,
      CAST(count(*) FILTER (WHERE a.status = 'passed') AS INTEGER) AS passed,
      CAST(count(*) FILTER (WHERE a.status = 'failed') AS INTEGER) AS failed,
      CAST(count(*) FILTER (WHERE a.status = 'unknown') AS INTEGER) AS unknown
    FROM transfer_audit a, w
    WHERE a.severity = 'rule' AND a.effective_date >= w.first_month AND a.effective_date < w.last_month + INTERVAL 1 MONTH
    GROUP BY ALL ORDER BY year, rule`,
});

export const publikEffects = defineQuery({
  name: 'publik-effects',
  description:
    'Estimated effect of rotation waves on unit EJ and on the mean SKP score of units (Callaway & Sant\'Anna): the ' +
    'overall effect and the effect by months since the wave (−12 … 12), with 95% intervals; aggregates over units.',
  params: {},
  sql: `
    SELECT e.outcome, e.aggregation, e.event_time, e.att, e.ci_low, e.ci_high,
      i.n_units, i.n_treated, len(i.cohorts) AS cohorts, i.control, i.status
    FROM transfer_effect e JOIN transfer_effect_info i ON i.outcome = e.outcome AND i.level = e.level
    WHERE e.level = 'unit' AND e.outcome IN ('ej', 'mean_score') AND (e.aggregation = 'simple'
      OR (e.aggregation = 'dynamic' AND e.event_time BETWEEN -12 AND 12))
    ORDER BY e.outcome, e.aggregation DESC, e.event_time`,
});

export const publikFairness = defineQuery({
  name: 'publik-fairness',
  description:
    'Who is moved in the report window, all regions: per golongan, sex, age band and number of moves, people in the ' +
    'group now, people moved and transfers (counts, before disclosure control; the reasons are the transfers table).',
  params: {},
  sql: fairnessSql(
    `t.effective_date >= (SELECT min(month) FROM unit_load_monthly) AND t.effective_date < (SELECT max(month) FROM unit_load_monthly) + INTERVAL 1 MONTH`,
    'true',
  ),
});

/** every query of the report, in the order the report is built */
export const PUBLIK_QUERIES = {
  settings: publikSettings,
  balance: publikBalance,
  units: publikUnits,
  seasonal: publikSeasonal,
  transfers: publikTransfers,
  compliance: publikCompliance,
  effects: publikEffects,
  fairness: publikFairness,
} as const;
