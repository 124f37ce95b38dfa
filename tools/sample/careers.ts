/**
 * Career histories before the window: for every employee of the start roster, the spells that led to the
 * position held on 1 January 2023, back to the appointment. Every historical spell lasts at least 26 months
 * (so no historical transfer breaks the 2-year minimum of PP 11/2017 Pasal 190) and every target position's
 * required education is met. Teachers stay in their post (the sample has one teaching post per subject per
 * region); other people move within their career family (see catalog.ts `Family`).
 */
import { dayParts, firstDay, mi } from './calendar.ts';
import { eduRank } from './catalog.ts';
import type { Org, Position } from './org.ts';
import { Rng } from './rng.ts';
import type { Employee, Transfer } from './staff.ts';

export const WINDOW_START = mi(2023, 1);
/** spells at least this long (months) count as respecting the 2-year minimum without doubt */
export const SAFE_TENURE = 26;
/** avoid current-spell starts whose "more than 5 years at 2025-12-31" status depends on how years are counted */
export const AMBIGUOUS_MAX_TENURE_MONTHS = new Set([mi(2020, 12), mi(2021, 1)]);

/** Lookup lists for choosing move targets quickly. */
export class PositionIndex {
  /** non-struktural positions by archetype key */
  readonly byArch = new Map<string, number[]>();
  /** admin-family positions whose required education is ≤ the index (an EDU_ORDER rank) */
  readonly adminUpTo: number[][] = [];
  /** struktural positions whose required education is ≤ the index */
  readonly leadUpTo: number[][] = [];
  /** non-struktural positions of each unit, admin family */
  readonly adminOfUnit: number[][];

  constructor(readonly org: Org) {
    this.adminOfUnit = org.units.map(() => []);
    for (let r = 0; r < 10; r++) {
      this.adminUpTo.push([]);
      this.leadUpTo.push([]);
    }
    for (const p of org.positions) {
      const fam = p.arch.family;
      const rank = eduRank(p.reqEdu);
      if (fam === 'lead') {
        for (let r = rank; r < 10; r++) this.leadUpTo[r].push(p.idx);
        continue;
      }
      const list = this.byArch.get(p.arch.key) ?? [];
      list.push(p.idx);
      this.byArch.set(p.arch.key, list);
      if (fam === 'admin') {
        for (let r = rank; r < 10; r++) this.adminUpTo[r].push(p.idx);
        this.adminOfUnit[p.unit].push(p.idx);
      }
    }
  }

  /** a random element of `list` other than `not` (and passing `ok`), or -1 */
  pickOther(rng: Rng, list: readonly number[] | undefined, not: number, ok?: (p: number) => boolean, tries = 8): number {
    if (!list || list.length === 0) return -1;
    for (let i = 0; i < tries; i++) {
      const p = list[Math.floor(rng.next() * list.length)];
      if (p !== not && (!ok || ok(p))) return p;
    }
    return -1;
  }

  /**
   * A position the holder of `from` could move to (or have come from), given education rank `edu`:
   * teachers and health workers within their archetype, others within their archetype or to general
   * administration, struktural to a struktural post of lower class (`lowerLead`) or to administration.
   */
  related(rng: Rng, from: Position, edu: number, lowerLead: boolean): number {
    const fam = from.arch.family;
    const pos = this.org.positions;
    if (fam === 'guru' || fam === 'health') return this.pickOther(rng, this.byArch.get(from.arch.key), from.idx);
    if (fam === 'lead') {
      if (lowerLead && rng.chance(0.6)) {
        const p = this.pickOther(rng, this.leadUpTo[edu], from.idx, (q) => pos[q].cls < from.cls);
        if (p >= 0) return p;
      }
      return this.pickOther(rng, this.adminUpTo[edu], from.idx, (q) => pos[q].cls >= 7);
    }
    if (fam === 'tech' && rng.chance(0.6)) {
      const p = this.pickOther(rng, this.byArch.get(from.arch.key), from.idx);
      if (p >= 0) return p;
    }
    return this.pickOther(rng, this.adminUpTo[edu], from.idx);
  }
}

export const REASONS = ['rotasi_berkala', 'kebutuhan_organisasi', 'promosi', 'pengembangan_karier', 'permintaan_sendiri', 'lainnya'] as const;

/** Decree numbers `821.2/<n>/<agency>/<year>`: unique within a region and year, with gaps (other letters use numbers too). */
export class DecreeBook {
  private readonly next = new Map<number, number>();
  constructor(private readonly rng: Rng, private readonly agency: string) {}

  number(decreeDay: number): string {
    const year = dayParts(decreeDay).y;
    const n = (this.next.get(year) ?? this.rng.int(3, 40)) + this.rng.int(1, 6);
    this.next.set(year, n);
    return `821.2/${n}/${this.agency}/${year}`;
  }
}

/** decree signed 3–14 days before the effective date */
export function decreeDayFor(rng: Rng, month: number): number {
  return firstDay(month) - rng.int(3, 14);
}

/** tenure (months) of the spell in progress at the start of the window */
function startTenure(rng: Rng, emp: Employee, p: Position): number {
  const service = WINDOW_START - emp.appt;
  const fam = p.arch.family;
  const pNever = fam === 'guru' ? 1 : fam === 'health' ? 0.35 : fam === 'lead' ? 0.05 : fam === 'tech' ? 0.3 : 0.2;
  if (service < SAFE_TENURE * 2 || rng.chance(pNever)) return service;
  const r = rng.next();
  const tau = r < 0.3 ? rng.int(1, 24) : r < 0.7 ? rng.int(25, 72) : rng.int(73, 180);
  return Math.min(tau, service - SAFE_TENURE);
}

/** Fill `pos`/`start`/`transfers` of every employee with the history before the window. */
export function buildHistories(org: Org, employees: Employee[], seed: number, decrees: DecreeBook): void {
  const rng = new Rng(seed, 'careers', org.region.code);
  const index = new PositionIndex(org);
  const positions = org.positions;
  for (const emp of employees) {
    const p0 = positions[emp.pos[0]];
    let tau = startTenure(rng, emp, p0);
    let s0 = WINDOW_START - tau;
    if (AMBIGUOUS_MAX_TENURE_MONTHS.has(s0)) s0 -= 1;
    if (s0 - emp.appt < SAFE_TENURE) s0 = emp.appt;
    tau = WINDOW_START - s0;
    if (s0 === emp.appt) continue; // in the first post since appointment

    // partition [appt, s0) into spells of ≥ 30 months (the earliest one takes the remainder, ≥ 26)
    const lengths: number[] = [];
    let rest = s0 - emp.appt;
    while (rest > 0) {
      const len = rest < 60 ? rest : rng.int(30, Math.min(120, rest - SAFE_TENURE));
      lengths.push(len);
      rest -= len;
    }
    // positions backwards from the start post
    const eduR = eduRank(emp.edu);
    const back: number[] = [p0.idx];
    let ok = true;
    for (let k = 0; k < lengths.length; k++) {
      const prev = index.related(rng, positions[back[back.length - 1]], eduR, true);
      if (prev < 0) {
        ok = false;
        break;
      }
      back.push(prev);
    }
    if (!ok) continue; // no plausible earlier post: in the first post since appointment
    // forward order: back[last] … back[0]; spell k starts at appt + Σ earlier lengths
    const pos = back.reverse();
    const starts: number[] = [emp.appt];
    const lens = lengths.slice().reverse();
    for (let k = 0; k < lens.length; k++) starts.push(starts[k] + lens[k]);
    emp.pos = pos;
    emp.start = starts;
    emp.transfers = [];
    for (let k = 1; k < pos.length; k++) {
      const month = starts[k];
      const decreeDay = decreeDayFor(rng, month);
      const t: Transfer = {
        month,
        from: pos[k - 1],
        to: pos[k],
        decree: decrees.number(decreeDay),
        decreeDay,
        reason: REASONS[rng.weighted([0.35, 0.2, 0.15, 0.15, 0.12, 0.03])],
        approval: '',
        wave: -1,
        rule: null,
      };
      emp.transfers.push(t);
    }
  }
}
