/**
 * Parity of the merit rules: the TypeScript predicates (pipeline/domain/rules.ts), fed from the core tables and
 * unit_load_monthly of a built warehouse, against the SQL twin (view transfer_audit) on every transfer × rule:
 * status, code, value and threshold.
 */
import { expect } from 'vitest';
import { auditTransfer, tenureOverdue, type ElectionBanResult, type RuleResult, type UnitMonthLoad } from '../../pipeline/domain/rules.ts';
import { parseStoredSettings } from '../../pipeline/domain/settings.ts';
import { query } from './helpers.ts';
import { ruleDetail, type RuleTextRow } from '../../dashboard/src/lib/rule-text.ts';

type Row = Record<string, any>;

/** Checks every transfer × rule of the warehouse; returns how many rows were compared. */
export async function expectRulesParity(db: string): Promise<number> {
  const [info] = await query(db, `SELECT settings FROM build_info`);
  const settings = parseStoredSettings(String(info!.settings));
  const transfers: Row[] = await query(db, `
    SELECT t.transfer_id, t.nip, CAST(t.effective_date AS VARCHAR) AS effective_date, t.from_unit_id, t.to_unit_id,
           t.decree_number, CAST(t.decree_date AS VARCHAR) AS decree_date, t.reason_category, t.approval_ref,
           CAST(e.appointment_date AS VARCHAR) AS appointment_date, e.education_level, e.competencies,
           p.required_education, p.required_competencies, ut.region_code AS to_region, uf.region_code AS from_region
    FROM transfer t JOIN employee e USING (nip) JOIN position p ON p.position_id = t.to_position_id
    LEFT JOIN unit ut ON ut.unit_id = t.to_unit_id LEFT JOIN unit uf ON uf.unit_id = t.from_unit_id`);
  const loads = new Map<string, UnitMonthLoad>();
  for (const l of await query(db, `SELECT unit_id, CAST("month" AS VARCHAR) AS m, workload_minutes, current_staff, required_staff, ej FROM unit_load_monthly`)) {
    loads.set(`${l.unit_id}|${l.m}`, { workloadMinutes: Number(l.workload_minutes), currentStaff: Number(l.current_staff), requiredStaff: Number(l.required_staff), ej: l.ej as number | null });
  }
  const calendar = new Set((await query(db, `SELECT CAST("month" AS VARCHAR) AS m FROM month_calendar`)).map((r) => String(r.m)));

  // the previous transfer of the same person: the start of the spell this one ends (same order as the SQL's lag)
  const byPerson = new Map<string, Row[]>();
  for (const t of transfers) byPerson.set(t.nip, [...(byPerson.get(t.nip) ?? []), t]);
  const previous = new Map<string, string | null>();
  for (const list of byPerson.values()) {
    list.sort((a, b) => (a.effective_date < b.effective_date ? -1 : a.effective_date > b.effective_date ? 1 : String(a.transfer_id) < String(b.transfer_id) ? -1 : 1));
    list.forEach((t, i) => previous.set(String(t.transfer_id), i > 0 ? list[i - 1]!.effective_date : null));
  }

  const want = new Map<string, RuleResult>();
  for (const t of transfers) {
    const results = auditTransfer({
      effectiveDate: t.effective_date,
      regionCode: t.to_region ?? t.from_region ?? settings.region.code,
      fromUnitId: t.from_unit_id,
      toUnitId: t.to_unit_id,
      previousTransferDate: previous.get(String(t.transfer_id)) ?? null,
      appointmentDate: t.appointment_date,
      decreeNumber: t.decree_number,
      decreeDate: t.decree_date,
      reasonCategory: t.reason_category,
      approvalRef: t.approval_ref,
      educationLevel: t.education_level,
      requiredEducation: t.required_education,
      competencies: t.competencies,
      requiredCompetencies: t.required_competencies,
    }, { inCalendar: (m) => calendar.has(m), unitLoad: (u, m) => loads.get(`${u}|${m}`) ?? null }, settings);
    for (const r of results) want.set(`${t.transfer_id}|${r.rule}`, r);
  }

  const got: Row[] = await query(db, `SELECT transfer_id, rule, code, status, severity, value, threshold FROM transfer_audit`);
  expect(got.length).toBe(want.size);
  for (const g of got) {
    const w = want.get(`${g.transfer_id}|${g.rule}`);
    const at = `transfer ${g.transfer_id} ${g.rule}`;
    expect(w, at).toBeDefined();
    expect({ code: g.code, status: g.status }, at).toEqual({ code: w!.code, status: w!.status });
    if (w!.value === null) expect(g.value, at).toBeNull();
    else expect(g.value, at).toBeCloseTo(w!.value, 9);
    if (w!.threshold === null) expect(g.threshold, at).toBeNull();
    else expect(g.threshold, at).toBeCloseTo(w!.threshold, 9);
  }
  // the election ban's facts (the windows the date is in, the decree inside one) as the fact table holds them
  const facts: Row[] = await query(db, `SELECT transfer_id, n_windows, CAST(hit_start AS VARCHAR) AS hit_start, CAST(hit_end AS VARCHAR) AS hit_end, decree_in_window FROM transfer_audit_fact`);
  for (const f of facts) {
    const w = want.get(`${f.transfer_id}|election_ban`) as ElectionBanResult;
    expect({ n: f.n_windows, start: f.hit_start, end: f.hit_end, decree: f.decree_in_window }, `transfer ${f.transfer_id} election_ban facts`)
      .toEqual({ n: w.windowCount, start: w.banStart, end: w.banEnd, decree: w.decreeInBan });
  }
  return got.length;
}

/**
 * Parity of the maximum-tenure rule: tenureOverdue() over every employee's current spell against the mart
 * tenure_overdue (who is listed, whole months, years). Returns how many employees were judged.
 */
export async function expectTenureOverdueParity(db: string): Promise<number> {
  const [info] = await query(db, `SELECT settings FROM build_info`);
  const settings = parseStoredSettings(String(info!.settings));
  const [asOfRow] = await query(db, `SELECT CAST(CAST(max("month") + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS VARCHAR) AS as_of FROM month_calendar`);
  const asOf = String(asOfRow!.as_of);
  // the current spell's start: the last transfer into the post, else the employee file's TMT jabatan
  const people: Row[] = await query(db, `
    SELECT e.nip, CAST(coalesce(h.valid_from, e.position_since) AS VARCHAR) AS since
    FROM employee e
    LEFT JOIN (SELECT nip, position_id, max(valid_from) AS valid_from FROM employee_position_history WHERE valid_to IS NULL GROUP BY ALL) h
      ON h.nip = e.nip AND h.position_id = e.position_id`);
  const want = new Map<string, NonNullable<ReturnType<typeof tenureOverdue>>>();
  for (const p of people) {
    const r = tenureOverdue(p.since, asOf, settings.tenure);
    if (r?.overdue) want.set(String(p.nip), r);
  }
  const got: Row[] = await query(db, `SELECT nip, months_in_position, years_in_position, max_years FROM tenure_overdue`);
  expect(got.map((g) => g.nip).sort()).toEqual([...want.keys()].sort());
  for (const g of got) {
    const w = want.get(String(g.nip))!;
    expect(g.months_in_position, String(g.nip)).toBe(w.months);
    expect(g.years_in_position, String(g.nip)).toBeCloseTo(Math.round(w.years * 100) / 100, 9);
    expect(g.max_years).toBe(w.maxYears);
  }
  return people.length;
}

/**
 * Audit rows with their sentences, as the dashboard words them (dashboard/src/lib/rule-text.ts) from the code and
 * the numbers the warehouse returns: every column of transfer_audit, the facts, and detail_id / detail_en.
 */
export async function auditWithWords(db: string, where = 'true'): Promise<Row[]> {
  const rows: Row[] = await query(db, `
    SELECT a.*, f.prev_start, f.first_recorded, f.tenure_months, f.hit_start, f.hit_end, x.approval_ref, f.decree_in_window,
      x.decree_date, f.education_level, f.required_education, f.lacking, x.decree_number, x.reason_category, f.ref_month,
      f.to_ej, f.to_required, f.to_staff, f.from_ej, f.from_required, f.from_staff
    FROM transfer_audit a JOIN transfer_audit_fact f USING (transfer_id) JOIN transfer x USING (transfer_id)
    WHERE ${where}`);
  return rows.map((r) => ({ ...r, detail_id: ruleDetail(r as RuleTextRow, 'id'), detail_en: ruleDetail(r as RuleTextRow, 'en') }));
}
