/**
 * Transfers (mutasi) inside the window 2023-01 .. 2025-12, simulated month by month on top of the histories:
 *
 * - three planned **rotation waves** (reason `rotasi_berkala`, one collective decree per region) that move
 *   administrative staff from slack units (senders) to overloaded units (receivers): 2023-07-01 (big),
 *   2024-02-01 and 2025-07-01 (smaller), all outside the 2024 pre-election ban (UU 10/2016 Pasal 71(2));
 * - scattered individual transfers (self-requested, promotions, career development, organisational need)
 *   outside the ban window;
 * - the **planted rule breaks** (see README): transfers in the ban window without the Minister's approval,
 *   ones with approval (which pass), transfers after < 2 years in post, to a post whose required education is
 *   above the person's, and without decree number or reason.
 *
 * Every transfer that is not planted respects every rule: ≥ 26 months in the previous post (counted from the
 * previous transfer or the appointment), the target's required education met, decree number, date and reason
 * present, and outside the ban window. `auditEmployee` re-checks this and the generator fails if it does not hold.
 */
import { firstDay, mi, parseIsoDate } from './calendar.ts';
import { DecreeBook, decreeDayFor, PositionIndex, REASONS, SAFE_TENURE, WINDOW_START } from './careers.ts';
import { eduRank } from './catalog.ts';
import type { Org } from './org.ts';
import { Rng } from './rng.ts';
import type { Employee, RuleName, Transfer } from './staff.ts';
import { DEFAULT_SETTINGS } from '#domain/settings.ts';

export const WINDOW_END = mi(2025, 12);
const WKE = DEFAULT_SETTINGS.workload.effective_minutes_per_year;

export interface Wave {
  index: number;
  month: number;
  /** share of the receivers' staffing gap (to EJ 1.1) the wave fills */
  fill: number;
}
export const WAVES: readonly Wave[] = [
  { index: 0, month: mi(2023, 7), fill: 0.8 },
  { index: 1, month: mi(2024, 2), fill: 0.7 },
  { index: 2, month: mi(2025, 7), fill: 0.7 },
];

/** the pre-election ban of the default settings: 6 months before 2024-09-22 until 2025-02-20 */
function banWindow(): { from: number; to: number } {
  const w = DEFAULT_SETTINGS.election.windows[0];
  const det = parseIsoDate(w.candidate_determination);
  const d = new Date(det * 86_400_000);
  d.setUTCMonth(d.getUTCMonth() - DEFAULT_SETTINGS.election.ban_months_before);
  return { from: Math.round(d.getTime() / 86_400_000), to: parseIsoDate(w.ban_end) };
}
export const BAN = banWindow();
export const inBan = (month: number): boolean => firstDay(month) >= BAN.from && firstDay(month) <= BAN.to;
export const MIN_TENURE_MONTHS = DEFAULT_SETTINGS.tenure.min_years * 12;

/** a wave is one collective decree moving at least this many people in a region (the warehouse's
 *  `wave_min_transfers` setting is 5); a smaller planned wave is not carried out */
export const WAVE_MIN_MOVERS = 5;

/** how many transfers of each kind are planted per region */
export const PLANTED = { election_ban: 5, election_approved: 3, min_tenure: 6, competency: 4, documentation: 5 } as const;

export interface PlantedRecord {
  rule: RuleName | 'election_approved';
  emp: Employee;
  transfer: Transfer;
  detail: string;
}

const curPos = (e: Employee): number => e.pos[e.pos.length - 1];
const curStart = (e: Employee): number => e.start[e.start.length - 1];

function applyTransfer(e: Employee, t: Transfer, unitStaff: Int32Array | null, org: Org): void {
  if (unitStaff) {
    unitStaff[org.positions[t.from].unit]--;
    unitStaff[org.positions[t.to].unit]++;
  }
  e.pos.push(t.to);
  e.start.push(t.month);
  e.transfers.push(t);
}

export interface WindowResult {
  /** per wave: movers */
  waveMovers: number[];
  scattered: number;
  planted: PlantedRecord[];
}

/** Simulate the window's transfers for one region (mutates the employees' careers). */
export function simulateWindow(org: Org, employees: Employee[], seed: number, decrees: DecreeBook): WindowResult {
  const rng = new Rng(seed, 'transfers', org.region.code);
  const index = new PositionIndex(org);
  const positions = org.positions;
  const units = org.units;
  const unitStaff = new Int32Array(units.length);
  for (const e of employees) unitStaff[positions[curPos(e)].unit]++;
  const unitMinutes = new Float64Array(units.length);
  for (const p of positions) unitMinutes[p.unit] += p.annualMinutes;
  const outflow = new Int32Array(units.length);
  const waveMovers = [0, 0, 0];
  let scattered = 0;

  const mobile = employees.filter((e) => {
    const fam = positions[curPos(e)].arch.family;
    return fam !== 'lead' && e.willing !== 'no';
  });

  for (let m = WINDOW_START; m <= WINDOW_END; m++) {
    const wave = WAVES.find((w) => w.month === m);
    if (wave) {
      const receivers = rng.shuffle(units.filter((u) => u.receiverWave === wave.index));
      const pool = rng.shuffle(
        mobile.filter((e) => {
          const p = positions[curPos(e)];
          return p.arch.family === 'admin' && units[p.unit].sender && m - curStart(e) >= SAFE_TENURE;
        }),
      );
      // senders give at most 35 % of their size over all waves; the big wave may use 55 % of what they can
      // give, the second 45 % of the rest, the last all of it
      const cap = (s: number): number => Math.floor(0.35 * units[s].size) - outflow[s];
      const eligible = new Int32Array(units.length);
      for (const e of pool) eligible[positions[curPos(e)].unit]++;
      let supply = 0;
      for (const u of units) if (u.sender) supply += Math.max(0, Math.min(cap(u.idx), eligible[u.idx]));
      const budget = wave.index < WAVES.length - 1 ? Math.floor(supply * (wave.index === 0 ? 0.55 : 0.45)) : supply;
      const needs = receivers.map((u) => Math.max(2, Math.round(wave.fill * (unitMinutes[u.idx] / (1.1 * WKE) - unitStaff[u.idx]))));
      const total = needs.reduce((a, b) => a + b, 0);
      if (total > budget) needs.forEach((n, i) => (needs[i] = Math.max(1, Math.floor((n * budget) / total))));
      // plan first, apply only if the wave is a real collective decree (≥ 5 people in the region)
      const plan: { e: Employee; to: number }[] = [];
      const planned = new Int32Array(units.length);
      let next = 0;
      receivers.forEach((u, i) => {
        let need = needs[i];
        while (need > 0 && next < pool.length) {
          const e = pool[next++];
          const from = positions[curPos(e)];
          if (cap(from.unit) - planned[from.unit] <= 0) continue;
          const edu = eduRank(e.edu);
          const options = index.adminOfUnit[u.idx].filter((q) => eduRank(positions[q].reqEdu) <= edu);
          if (options.length === 0) continue;
          const same = options.filter((q) => positions[q].arch.key === from.arch.key);
          plan.push({ e, to: same.length ? rng.pick(same) : rng.pick(options) });
          planned[from.unit]++;
          need--;
        }
      });
      const gaining = new Set(plan.map((p) => positions[p.to].unit));
      if (plan.length < WAVE_MIN_MOVERS) gaining.clear();
      // a planned receiver that gets nobody is not treated (it stays overloaded)
      for (const u of receivers) if (!gaining.has(u.idx)) u.receiverWave = -1;
      if (gaining.size === 0) continue;
      const decreeDay = firstDay(m) - 7;
      const decree = decrees.number(decreeDay);
      for (const { e, to } of plan) {
        const from = curPos(e);
        applyTransfer(e, { month: m, from, to, decree, decreeDay, reason: 'rotasi_berkala', approval: '', wave: wave.index, rule: null }, unitStaff, org);
        outflow[positions[from].unit]++;
        waveMovers[wave.index]++;
      }
      continue;
    }
    if (inBan(m)) continue;
    // scattered individual transfers: ~3.5 % of the mobile staff per year
    const count = rng.roundStochastic((0.035 / 12) * mobile.length);
    for (let k = 0; k < count; k++) {
      for (let tries = 0; tries < 40; tries++) {
        const e = mobile[Math.floor(rng.next() * mobile.length)];
        if (m - curStart(e) < SAFE_TENURE) continue;
        const from = positions[curPos(e)];
        const edu = eduRank(e.edu);
        let reason = REASONS[1 + rng.weighted([0.27, 0.2, 0.2, 0.28, 0.05])];
        let to = -1;
        if (reason === 'promosi') {
          for (let i = 0; i < 6 && to < 0; i++) {
            const q = index.related(rng, from, edu, false);
            if (q >= 0 && positions[q].cls > from.cls) to = q;
          }
          if (to < 0) reason = 'pengembangan_karier';
        }
        if (to < 0) to = index.related(rng, from, edu, false);
        if (to < 0 || eduRank(positions[to].reqEdu) > edu) continue;
        const decreeDay = decreeDayFor(rng, m);
        applyTransfer(e, { month: m, from: from.idx, to, decree: decrees.number(decreeDay), decreeDay, reason, approval: '', wave: -1, rule: null }, unitStaff, org);
        scattered++;
        break;
      }
    }
  }

  const planted = plantBreaks(org, employees, rng, decrees, index);
  return { waveMovers, scattered, planted };
}

const isWaveMover = (e: Employee): boolean => e.transfers.some((t) => t.wave >= 0);

/** months usable for planted transfers outside the ban: 2023-02 .. 2025-12 without the ban and wave months */
const NON_BAN_MONTHS: number[] = [];
const BAN_MONTHS: number[] = [];
for (let m = WINDOW_START + 1; m <= WINDOW_END; m++) {
  if (WAVES.some((w) => w.month === m)) continue;
  (inBan(m) ? BAN_MONTHS : NON_BAN_MONTHS).push(m);
}

function plantBreaks(org: Org, employees: Employee[], rng: Rng, decrees: DecreeBook, index: PositionIndex): PlantedRecord[] {
  const positions = org.positions;
  const used = new Set<number>();
  const out: PlantedRecord[] = [];
  const candidates = rng.shuffle(
    employees.filter((e) => {
      const fam = positions[curPos(e)].arch.family;
      return (fam === 'admin' || fam === 'tech') && e.willing !== 'no' && !isWaveMover(e);
    }),
  );

  /** first unused candidate with a month in `months` satisfying `gapOk` and a target from `target`, then record */
  const plant = (
    rule: PlantedRecord['rule'],
    n: number,
    months: number[],
    gapOk: (gap: number, e: Employee) => boolean,
    target: (e: Employee) => number,
    make: (e: Employee, t: Transfer) => string,
  ): void => {
    let made = 0;
    for (const e of candidates) {
      if (made >= n) break;
      if (used.has(e.idx)) continue;
      const ms = months.filter((m) => m > curStart(e) && gapOk(m - curStart(e), e));
      if (ms.length === 0) continue;
      const to = target(e);
      if (to < 0) continue;
      const m = rng.pick(ms);
      const decreeDay = decreeDayFor(rng, m);
      const t: Transfer = {
        month: m, from: curPos(e), to, decree: decrees.number(decreeDay), decreeDay,
        reason: rng.pick(['kebutuhan_organisasi', 'pengembangan_karier', 'promosi']), approval: '', wave: -1,
        rule: rule === 'election_approved' ? null : rule,
      };
      const detail = make(e, t);
      applyTransfer(e, t, null, org);
      used.add(e.idx);
      out.push({ rule, emp: e, transfer: t, detail });
      made++;
    }
  };
  const safe = (gap: number): boolean => gap >= SAFE_TENURE;
  const competentTarget = (e: Employee): number => index.related(rng, positions[curPos(e)], eduRank(e.edu), false);

  plant('election_ban', PLANTED.election_ban, BAN_MONTHS, safe, competentTarget, () => 'effective inside the pre-election ban window without approval_ref');
  plant('election_approved', PLANTED.election_approved, BAN_MONTHS, safe, competentTarget, (_e, t) => {
    t.approval = `100.2.2.6/${rng.int(1000, 9999)}/OTDA`;
    t.reason = 'kebutuhan_organisasi';
    return 'inside the ban window WITH the Minister of Home Affairs approval: must pass';
  });
  plant(
    'min_tenure',
    PLANTED.min_tenure,
    NON_BAN_MONTHS,
    (gap, e) => e.transfers.length > 0 && gap >= 8 && gap <= 22,
    competentTarget,
    (e, t) => `${t.month - curStart(e)} months in the previous position (minimum ${MIN_TENURE_MONTHS})`,
  );
  plant('competency', PLANTED.competency, NON_BAN_MONTHS, safe, (e) => {
    const edu = eduRank(e.edu);
    const above = index.adminUpTo[9].filter((q) => eduRank(positions[q].reqEdu) > edu && q !== curPos(e));
    return above.length ? rng.pick(above) : -1;
  }, (e, t) => `education ${e.edu} below the required ${positions[t.to].reqEdu} of ${positions[t.to].id}`);
  let doc = 0;
  plant('documentation', PLANTED.documentation, NON_BAN_MONTHS, safe, competentTarget, (_e, t) => {
    doc++;
    if (doc <= 3) {
      t.decree = '';
      t.decreeDay = null;
      return 'no decree number (nor decree date)';
    }
    t.reason = '';
    return 'no reason category';
  });
  return out;
}

/** The rules a transfer breaks, recomputed from the data (the generator's self-check; tests re-derive from the files). */
export function auditEmployee(e: Employee, org: Org): { transfer: Transfer; rules: RuleName[] }[] {
  return e.transfers.map((t, k) => {
    const rules: RuleName[] = [];
    const day = firstDay(t.month);
    if (day >= BAN.from && day <= BAN.to && !t.approval) rules.push('election_ban');
    if (t.month - e.start[k] < MIN_TENURE_MONTHS) rules.push('min_tenure');
    if (eduRank(e.edu) < eduRank(org.positions[t.to].reqEdu)) rules.push('competency');
    if (!t.decree || !t.reason) rules.push('documentation');
    return { transfer: t, rules };
  });
}

/** Throws when a transfer breaks a rule it was not planted to break, or a chain is inconsistent. */
export function selfCheck(org: Org, employees: Employee[]): void {
  for (const e of employees) {
    if (e.pos.length !== e.start.length || e.transfers.length !== e.pos.length - 1) throw new Error(`career arrays of ${e.nip} disagree`);
    e.transfers.forEach((t, k) => {
      if (t.from !== e.pos[k] || t.to !== e.pos[k + 1] || t.month !== e.start[k + 1]) throw new Error(`broken transfer chain for ${e.nip}`);
      if (t.from === t.to) throw new Error(`transfer to the same position for ${e.nip}`);
      if (t.month <= e.start[k]) throw new Error(`transfers out of order for ${e.nip}`);
    });
    for (const { transfer, rules } of auditEmployee(e, org)) {
      const expected = transfer.rule ? [transfer.rule] : [];
      if (rules.length !== expected.length || rules.some((r, i) => r !== expected[i])) {
        throw new Error(`self-check: transfer of ${e.nip} on month ${transfer.month} breaks [${rules}] but was planted as [${expected}]`);
      }
    }
  }
}
