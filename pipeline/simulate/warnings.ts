/**
 * Rule warnings on a change of the plan (shared/domain.md "Transfer rules"). The merit rules themselves are the
 * predicates of #domain/rules.ts (min_tenure, election_ban, competency, max tenure); this module only feeds them the
 * simulated facts and adds the checks that exist only in a plan: the same person moved twice, the position kind or
 * class changing, unwillingness (the fact only: the reason is never in the state), the releasing position left empty
 * or the releasing unit falling below its required staff, the person leaving within the horizon.
 *
 * A warning carries a code and numbers, no sentence: the words (id/en) are in dashboard/src/lib/i18n/simulasi.ts
 * and, for the CLI, in WARNING_TEXT_EN below.
 */
import { competency, electionBan, minTenure, tenureOverdue } from '#domain/rules.ts';
import { roundStaff } from '#domain/metrics.ts';
import type { Simulator } from './engine.ts';
import { monthStartDate, parseMonth } from './months.ts';
import { WILLING, type Change } from './types.ts';

export type WarningCode =
  | 'min_tenure'
  | 'moved_again'
  | 'education'
  | 'competency'
  | 'position_kind'
  | 'position_class'
  | 'unwilling'
  | 'election_ban'
  | 'releasing_empty'
  | 'releasing_unit_below_need'
  | 'leaving'
  | 'overdue_rotation';

export interface Warning {
  code: WarningCode;
  /** where the rule comes from (shared/domain.md) */
  source: string;
  /** 'warning' breaks or strains a rule; 'signal' is the positive one (overdue for rotation) */
  kind: 'warning' | 'signal';
  /** the number tested and its limit, when there is one (years, education rank, staff, class) */
  value?: number | null;
  threshold?: number | null;
  /** extra facts: competency tags lacking, kinds compared, the ban window … */
  detail?: Record<string, string | number | string[] | null>;
}

export const WARNING_SOURCE: Record<WarningCode, string> = {
  min_tenure: 'PP 11/2017 Pasal 190 (PP 17/2020)',
  moved_again: 'PP 11/2017 Pasal 190 (PP 17/2020)',
  education: 'PP 11/2017 Pasal 190; Peraturan BKN 5/2019',
  competency: 'PP 11/2017 Pasal 190; Peraturan BKN 5/2019',
  position_kind: 'PP 11/2017 Pasal 190 (klasifikasi jabatan, pola karier)',
  position_class: 'PP 11/2017 Pasal 190 (klasifikasi jabatan, pola karier)',
  unwilling: 'shared/domain.md: kesediaan pegawai',
  election_ban: 'UU 10/2016 Pasal 71 ayat (2)',
  releasing_empty: 'PermenPANRB 1/2020 (ABK)',
  releasing_unit_below_need: 'PermenPANRB 1/2020 (ABK)',
  leaving: 'rencana: pegawai keluar dalam horizon',
  overdue_rotation: 'PP 11/2017 Pasal 190 (PP 17/2020)',
};

/** English sentences for the CLI (the page has its own id/en texts). */
export const WARNING_TEXT_EN: Record<WarningCode, string> = {
  min_tenure: 'in the position less than the minimum tenure',
  moved_again: 'already moved earlier in this plan',
  education: 'education below the target position\'s requirement',
  competency: 'lacks competencies the target position requires',
  position_kind: 'a different kind of position',
  position_class: 'a different class of position',
  unwilling: 'has stated unwillingness to move',
  election_ban: 'effective month inside the pre-election ban',
  releasing_empty: 'the releasing position is left empty',
  releasing_unit_below_need: 'the releasing unit falls below its required staff',
  leaving: 'leaves within the horizon',
  overdue_rotation: 'overdue for rotation (past the maximum tenure)',
};

function warn(code: WarningCode, rest: Omit<Warning, 'code' | 'source' | 'kind'> = {}, kind: Warning['kind'] = 'warning'): Warning {
  return { code, source: WARNING_SOURCE[code], kind, ...rest };
}

/** The warnings of a change, from the state just before it is applied. Only moves carry warnings. */
export function changeWarnings(sim: Simulator, change: Change, person: number): Warning[] {
  if (change.type !== 'move') return [];
  const s = sim.state;
  const st = s.settings;
  const N = s.people.nip.length;
  const P = s.positions.id.length;
  const from = sim.personPos[person]!;
  const to = sim.positionIndex.get(change.to)!;
  const month = parseMonth(change.month)!;
  const effectiveDate = monthStartDate(month);
  const original = person < N;
  const out: Warning[] = [];

  // PP 11/2017 Pasal 190: at least min_years in the position; a move earlier in the plan starts a new spell
  const movedBefore = sim.personLast[person]! >= 0;
  if (movedBefore) out.push(warn('moved_again', { detail: { previous_month: monthStartDate(sim.personLast[person]!).slice(0, 7) } }));
  const spell = movedBefore
    ? { spellStart: monthStartDate(sim.personLast[person]!), firstRecorded: false }
    : original
      ? { spellStart: s.people.spellStart[person] ?? null, firstRecorded: s.people.firstRecorded[person] === 1 }
      : { spellStart: null, firstRecorded: true };
  const tenure = minTenure({ ...spell, effectiveDate }, st.tenure);
  if (tenure.status === 'failed') out.push(warn('min_tenure', { value: tenure.value, threshold: tenure.threshold }));

  // PP 11/2017 Pasal 190: competence matching the job's requirements (education level; competency tags)
  const eduLevel = original ? s.people.educationLevel[person] ?? null : null;
  const comps = original ? s.people.competencies[person] ?? [] : [];
  const reqEdu = to < P ? s.positions.requiredEducation[to] ?? null : null;
  const reqComps = to < P ? s.positions.requiredCompetencies[to] ?? [] : [];
  const c = competency({ educationLevel: eduLevel, requiredEducation: reqEdu, competencies: comps, requiredCompetencies: reqComps });
  if (c.status === 'failed') out.push(warn('education', { value: c.haveRank, threshold: c.needRank, detail: { have: eduLevel, need: reqEdu } }));
  if (c.lacking.length > 0) out.push(warn('competency', { detail: { lacking: c.lacking } }));

  // PP 11/2017 Pasal 190: job classification and career pattern — same kind, same class
  const kindOf = (p: number) => (p < P ? s.positions.kind[p]! : sim.addedPositions[p - P]!.kind);
  const classOf = (p: number) => (p < P ? s.positions.class[p]! : sim.addedPositions[p - P]!.class);
  if (kindOf(from) && kindOf(to) && kindOf(from) !== kindOf(to)) out.push(warn('position_kind', { detail: { from: kindOf(from), to: kindOf(to) } }));
  if (classOf(from) > 0 && classOf(to) > 0 && classOf(from) !== classOf(to)) out.push(warn('position_class', { value: classOf(to), threshold: classOf(from) }));

  // stated unwillingness: the fact only, never the reason (shared/domain.md)
  if (original && s.people.willing[person] === WILLING.no) out.push(warn('unwilling'));

  // UU 10/2016 Pasal 71 (2): the effective date inside the receiving unit's region's ban window
  const region = s.regions[s.units.region[sim.posUnit[to]!]!] ?? st.region.code;
  const ban = electionBan({ effectiveDate, regionCode: region, approvalRef: null, decreeDate: null }, st.election);
  if (ban.status === 'failed') out.push(warn('election_ban', { detail: { ban_start: ban.banStart, ban_end: ban.banEnd } }));

  // the releasing side after the move (ABK): the position left empty; the unit falling below its required staff
  if (sim.positions.staff[from]! - 1 <= 0 && sim.positions.workload[from]! > 0) out.push(warn('releasing_empty'));
  const fu = sim.posUnit[from]!;
  if (fu !== sim.posUnit[to]!) {
    const need = roundStaff(sim.units.required[fu]!, st.workload.rounding);
    const staffAfter = sim.units.staff[fu]! - 1;
    if (staffAfter < need && sim.units.staff[fu]! >= need) out.push(warn('releasing_unit_below_need', { value: staffAfter, threshold: need }));
  }

  // the positive signal: past the maximum tenure (PP 11/2017 Pasal 190), overdue for rotation
  if (original && !movedBefore) {
    const od = tenureOverdue(s.people.since[person] ?? null, effectiveDate, st.tenure);
    if (od?.overdue) out.push(warn('overdue_rotation', { value: od.years, threshold: od.maxYears }, 'signal'));
  }
  return out;
}

/** Warnings that depend on later changes of the plan: a moved person who leaves within the horizon. */
export function planWarnings(plan: readonly Change[], stateMonth: number, horizon: number): Warning[][] {
  const leaves = new Map<string, number>();
  for (const c of plan) if (c.type === 'leave') leaves.set(c.nip, parseMonth(c.month)!);
  return plan.map((c) => {
    if (c.type !== 'move') return [];
    const m = leaves.get(c.nip);
    return m !== undefined && m <= stateMonth + horizon ? [warn('leaving', { detail: { month: monthStartDate(m).slice(0, 7) } })] : [];
  });
}
