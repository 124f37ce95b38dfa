/**
 * Audit mutasi: the merit checks of every transfer (mart transfer_audit, docs/data-contract.md "Merit audit").
 *
 * Privacy (UU 27/2022): transfer_audit and transfer carry the NIP; no query here selects it, nor joins the
 * employee table. Until sign-in and roles exist, a transfer is shown by its id, date, units and positions only.
 *
 * "Compliance" of a transfer with the legal rules (`rule = all`): failed when any rule of severity `rule` failed,
 * unknown when none failed but some could not be checked, passed otherwise. For a single rule (a legal rule or
 * an advisory consideration) it is that rule's status. Rates are passed ÷ (passed + failed): unknown is left out.
 */
import { defineQuery, inRegion, unitLabel } from './define';
import { discloseFairness, type FairnessRaw } from '$lib/fairness';
import { fairnessSql } from './fairness-sql';
import { DOUBLE, INTEGER, VARCHAR, type JS } from '@duckdb/node-api';
import type { QueryResult } from '../db';
import { AUDIT_RULES, AUDIT_RULE_FILTER as RULE_FILTER } from '$lib/params';
import { lang, oneOf, region, transferId, year } from '../params';

/**
 * The numbers behind an audit row's sentence (transfer_audit_fact, transfer): the page words the row from its code
 * with $lib/rule-text.ts; the warehouse returns codes and values only. Each row carries only its own rule's numbers
 * (a person's appointment date or education is not sent with, say, a missing decree number).
 */
const RULE_FACTS = (a: string) => {
  const only = (rules: string[], expr: string, name: string) =>
    `CASE WHEN ${a}.rule IN (${rules.map((r) => `'${r}'`).join(', ')}) THEN ${expr} END AS ${name}`;
  return [
    `${a}.code`, `${a}.threshold`, `${a}.region_code`,
    only(['min_tenure'], 'f.prev_start', 'prev_start'),
    only(['min_tenure'], 'f.first_recorded', 'first_recorded'),
    only(['min_tenure'], 'CAST(f.tenure_months AS INTEGER)', 'tenure_months'),
    only(['election_ban'], 'f.hit_start', 'hit_start'),
    only(['election_ban'], 'f.hit_end', 'hit_end'),
    only(['election_ban'], 'x.approval_ref', 'approval_ref'),
    only(['election_ban'], 'f.decree_in_window', 'decree_in_window'),
    only(['election_ban', 'documentation'], 'x.decree_date', 'decree_date'),
    only(['competency'], 'f.education_level', 'education_level'),
    only(['competency'], 'f.required_education', 'required_education'),
    only(['competency'], 'f.lacking', 'lacking'),
    only(['documentation'], 'x.decree_number', 'decree_number'),
    only(['documentation'], 'x.reason_category', 'reason_category'),
    only(['receiving_need', 'releasing_slack'], 'f.ref_month', 'ref_month'),
    only(['receiving_need'], 'f.to_ej', 'to_ej'),
    only(['receiving_need'], 'f.to_required', 'to_required'),
    only(['receiving_need'], 'CAST(f.to_staff AS INTEGER)', 'to_staff'),
    only(['releasing_slack'], 'f.from_ej', 'from_ej'),
    only(['releasing_slack'], 'f.from_required', 'from_required'),
    only(['releasing_slack'], 'CAST(f.from_staff AS INTEGER)', 'from_staff'),
  ].join(', ');
};

/** the years asked: one year ($year), or a span ($from … $to, e.g. the analysis window), or all (all NULL) */
const inYears = (col: string) =>
  `($year IS NULL OR year(${col}) = CAST($year AS INTEGER)) AND ($from IS NULL OR year(${col}) >= CAST($from AS INTEGER)) ` +
  `AND ($to IS NULL OR year(${col}) <= CAST($to AS INTEGER))`;
const YEARS = { year: year(), from: year(), to: year() };

/** the rules in the order of docs/data-contract.md (legal rules first) */
const ruleOrder = (col: string) => `CASE ${col} ${AUDIT_RULES.map((r, i) => `WHEN '${r}' THEN ${i + 1}`).join(' ')} ELSE 99 END`;

/** one row per transfer (of the year $year, when `byYear`; of the region $region) with its status for the rule $rule */
const transferStatus = (byYear: boolean) => `
  per_transfer AS (
    SELECT transfer_id, any_value(effective_date) AS effective_date, any_value(to_unit_id) AS to_unit_id,
      CASE WHEN $rule = 'all' THEN
        CASE WHEN bool_or(severity = 'rule' AND status = 'failed') THEN 'failed'
             WHEN bool_or(severity = 'rule' AND status = 'unknown') THEN 'unknown'
             ELSE 'passed' END
      ELSE any_value(status) FILTER (WHERE rule = $rule) END AS status
    FROM transfer_audit
    WHERE ${byYear ? inYears('effective_date') : 'true'} AND ${inRegion('transfer_audit')}
    GROUP BY transfer_id
  )`;

const COUNTS = `
  CAST(count(*) AS INTEGER) AS transfers,
  CAST(count(*) FILTER (WHERE status = 'passed') AS INTEGER) AS passed,
  CAST(count(*) FILTER (WHERE status = 'failed') AS INTEGER) AS failed,
  CAST(count(*) FILTER (WHERE status = 'unknown') AS INTEGER) AS unknown,
  count(*) FILTER (WHERE status = 'passed') / nullif(count(*) FILTER (WHERE status IN ('passed', 'failed')), 0) AS rate`;

export const auditRules = defineQuery({
  name: 'audit-rules',
  description:
    'Per audit rule (legal rules and advisory considerations) in a year, or the years from … to (all years when absent) and region (all when absent): ' +
    'transfers passed, failed, unknown, and the compliance rate passed ÷ (passed + failed).',
  params: { ...YEARS, region: region() },
  sql: `
    SELECT rule, any_value(severity) AS severity, ${COUNTS}
    FROM transfer_audit
    WHERE ${inYears('effective_date')} AND ${inRegion('transfer_audit')}
    GROUP BY rule ORDER BY ${ruleOrder('rule')}`,
});

export const auditYears = defineQuery({
  name: 'audit-years',
  description:
    'Per year of the effective date (in one region when `region` is given): transfers and their status for the rule ' +
    '(`all` = every legal rule met), and the compliance rate.',
  params: { rule: oneOf(RULE_FILTER, 'all'), region: region() },
  sql: `
    WITH ${transferStatus(false)}
    SELECT CAST(year(effective_date) AS INTEGER) AS year, ${COUNTS}
    FROM per_transfer GROUP BY 1 ORDER BY 1`,
});

export const auditUnits = defineQuery({
  name: 'audit-units',
  description:
    'Per receiving unit, in a year, or the years from … to (all years when absent) and region (all when absent): transfers into it and their status ' +
    'for the rule, and the compliance rate.',
  params: { ...YEARS, rule: oneOf(RULE_FILTER, 'all'), region: region() },
  sql: `
    WITH ${transferStatus(true)}
    SELECT p.to_unit_id AS unit_id, coalesce(${unitLabel('u')}, p.to_unit_id) AS unit_name, ${COUNTS}
    FROM per_transfer p LEFT JOIN unit u ON u.unit_id = p.to_unit_id
    GROUP BY ALL ORDER BY failed DESC, transfers DESC, unit_name`,
});

export const auditFailures = defineQuery({
  name: 'audit-failures',
  description:
    'Transfers that failed a rule, in a year, or the years from … to (all years when absent) and region (all when absent): id, effective date, ' +
    'releasing and receiving units, rule, its result code and the numbers behind it (`rule=all`: the legal rules; an ' +
    'advisory rule by name). No NIP or name.',
  // lang: still validated (links carry it), though the answer is the same in both languages: the page words the codes
  params: { ...YEARS, rule: oneOf(RULE_FILTER, 'all'), lang: lang(), region: region() },
  sql: `
    SELECT a.transfer_id, a.effective_date, a.from_unit_id, ${unitLabel('uf')} AS from_unit_name, a.to_unit_id,
      ${unitLabel('ut')} AS to_unit_name, a.rule, a.severity, ${RULE_FACTS('a')}
    FROM transfer_audit a
    JOIN transfer_audit_fact f USING (transfer_id)
    JOIN transfer x USING (transfer_id)
    LEFT JOIN unit uf ON uf.unit_id = a.from_unit_id
    LEFT JOIN unit ut ON ut.unit_id = a.to_unit_id
    WHERE a.status = 'failed'
      AND (($rule = 'all' AND a.severity = 'rule') OR a.rule = $rule)
      AND ${inYears('a.effective_date')} AND ${inRegion('a')}
    ORDER BY a.effective_date DESC, a.transfer_id, ${ruleOrder('a.rule')}`,
});

export const auditTransfer = defineQuery({
  name: 'audit-transfer',
  description:
    'One transfer for its justification card: date, decree, reason, releasing and receiving unit and position (title, ' +
    'requirements), and the EJ of both units in the month before the move and in the first month after it. No NIP or name.',
  params: { id: transferId(), lang: lang() },
  sql: `
    WITH t AS (
      SELECT transfer_id, effective_date, decree_number, decree_date, reason_category, approval_ref,
        from_position_id, to_position_id, from_unit_id, to_unit_id,
        CAST(date_trunc('month', effective_date) - INTERVAL 1 MONTH AS DATE) AS before_month,
        -- head-counts are taken on the 1st: the first month that counts the person in the new post
        CAST(CASE WHEN day(effective_date) = 1 THEN effective_date
                  ELSE date_trunc('month', effective_date) + INTERVAL 1 MONTH END AS DATE) AS after_month
      FROM transfer WHERE transfer_id = $id
    )
    SELECT t.transfer_id, t.effective_date, t.decree_number, t.decree_date, t.reason_category, t.approval_ref,
      t.before_month, t.after_month,
      t.from_unit_id, uf.unit_label AS from_unit_name, pf.title AS from_title,
      t.to_unit_id, ut.unit_label AS to_unit_name, pt.title AS to_title, pt.required_education AS to_required_education,
      pt.required_competencies AS to_required_competencies,
      fb.ej AS from_ej_before, fb.band AS from_band_before, fb.current_staff AS from_staff_before, fb.required_staff AS from_required_before,
      fa.ej AS from_ej_after, fa.band AS from_band_after, fa.current_staff AS from_staff_after, fa.required_staff AS from_required_after,
      tb.ej AS to_ej_before, tb.band AS to_band_before, tb.current_staff AS to_staff_before, tb.required_staff AS to_required_before,
      ta.ej AS to_ej_after, ta.band AS to_band_after, ta.current_staff AS to_staff_after, ta.required_staff AS to_required_after
    FROM t
    LEFT JOIN unit uf ON uf.unit_id = t.from_unit_id
    LEFT JOIN unit ut ON ut.unit_id = t.to_unit_id
    LEFT JOIN position pf ON pf.position_id = t.from_position_id
    LEFT JOIN position pt ON pt.position_id = t.to_position_id
    LEFT JOIN unit_load_monthly fb ON fb.unit_id = t.from_unit_id AND fb.month = t.before_month
    LEFT JOIN unit_load_monthly fa ON fa.unit_id = t.from_unit_id AND fa.month = t.after_month
    LEFT JOIN unit_load_monthly tb ON tb.unit_id = t.to_unit_id AND tb.month = t.before_month
    LEFT JOIN unit_load_monthly ta ON ta.unit_id = t.to_unit_id AND ta.month = t.after_month`,
});

export const auditTransferRules = defineQuery({
  name: 'audit-transfer-rules',
  description:
    'The rules one transfer met or broke: status, severity, the result code and the numbers behind it, the value tested and its limit.',
  params: { id: transferId(), lang: lang() },
  sql: `
    SELECT a.rule, a.severity, a.status, a.value, a.value_unit, a.effective_date, ${RULE_FACTS('a')}
    FROM transfer_audit a JOIN transfer_audit_fact f USING (transfer_id) JOIN transfer x USING (transfer_id)
    WHERE a.transfer_id = $id ORDER BY ${ruleOrder('a.rule')}`,
});

export const auditTransferLoad = defineQuery({
  name: 'audit-transfer-load',
  description:
    'EJ, staff and required staff of the releasing and the receiving unit of one transfer, from 12 months before to 12 months after it.',
  params: { id: transferId() },
  sql: `
    WITH t AS (SELECT from_unit_id, to_unit_id, CAST(date_trunc('month', effective_date) AS DATE) AS m FROM transfer WHERE transfer_id = $id),
    sides AS (
      SELECT 'from' AS side, from_unit_id AS unit_id, m FROM t WHERE from_unit_id IS NOT NULL AND from_unit_id <> to_unit_id
      UNION ALL SELECT 'to', to_unit_id, m FROM t
    )
    SELECT s.side, s.unit_id, u.unit_label AS unit_name, l.month, l.ej, l.band, l.current_staff, l.required_staff
    FROM sides s JOIN unit_load_monthly l ON l.unit_id = s.unit_id LEFT JOIN unit u ON u.unit_id = s.unit_id
    WHERE l.month BETWEEN s.m - INTERVAL 12 MONTH AND s.m + INTERVAL 12 MONTH
    ORDER BY s.side DESC, l.month`,
});

/** the fairness rows, disclosed (lib/fairness.ts): counts of 1 … k−1 people hidden, and what would reveal them */
function discloseFairnessResult(result: QueryResult): QueryResult {
  const col = (name: string): JS[] => result.columns[result.names.indexOf(name)] ?? [];
  const n = (v: JS) => (v === null || v === undefined ? null : Number(v));
  const raw: FairnessRaw[] = Array.from({ length: result.rowCount }, (_, i) => ({
    dimension: String(col('dimension')[i]) as FairnessRaw['dimension'],
    group_key: String(col('group_key')[i]),
    ord: Number(col('ord')[i]),
    staff: n(col('staff')[i]!),
    moved: n(col('moved')[i]!),
    transfers: Number(col('transfers')[i] ?? 0),
  }));
  const k = result.rowCount ? Number(col('min_cell_size')[0] ?? 5) : 5;
  const rows = discloseFairness(raw, k);
  const names = ['dimension', 'group_key', 'staff', 'moved', 'transfers', 'staff_suppression', 'moved_suppression',
    'transfers_suppression', 'moved_rate', 'transfer_share', 'min_cell_size'] as const;
  const types = [VARCHAR, VARCHAR, INTEGER, INTEGER, INTEGER, VARCHAR, VARCHAR, VARCHAR, DOUBLE, DOUBLE, INTEGER];
  return { names: [...names], types, columns: names.map((c) => rows.map((r) => r[c] as JS)), rowCount: rows.length };
}

export const auditFairness = defineQuery({
  name: 'audit-fairness',
  description:
    'Who is moved, in a year, or the years from … to (all years when absent) and region (all when absent): per golongan ' +
    '(PNS I–IV, PPPK), sex, age band (at the latest month), reason and number of moves in the scope (repeat movers): ' +
    'people in the group now (staff), people moved, transfers, the share moved and the share of transfers. Counts of ' +
    '1 … k−1 people are hidden (suppression primary) with the cells that would reveal them (secondary).',
  params: { ...YEARS, region: region() },
  transform: discloseFairnessResult,
  sql: fairnessSql(inYears('t.effective_date'), inRegion('unit')),
});
