/**
 * Employees (ASN) of one region: the roster at the start of the window (1 January 2023), one person per
 * design head-count of every position. Nobody is hired or leaves during the window, so every employee has a
 * performance row in every month of it.
 *
 * - ~15 % PPPK (mostly teachers and health workers), the rest PNS; struktural posts are PNS.
 * - Appointment (TMT CPNS/PPPK) on the 1st of a month, at 19–35 depending on education (≥ 18 always), and
 *   before 2023; people are at most 58 at 2025-12-31.
 * - NIP built from birth date, appointment and sex (nip.ts); the birth date column agrees with it.
 * - Education ≥ the post's requirement (mostly equal); major from the post's list mostly.
 * - Golongan (PNS, as of 2025-12-31): entry grade by education (SMA II/a, D3 II/c, S1/D4 III/a, S2 III/b,
 *   S3 III/c) plus one step per ~4 years of service, capped by education; struktural posts have their minimum.
 *   PPPK grade by education (SMA V, D3 VII, S1 IX, S2 X; specialists XI).
 * - ~8 % unwilling to move (with a private reason), ~5 % unknown.
 */
import { dayNumber, mi } from './calendar.ts';
import { EDU_ORDER, EXTRA_COMPETENCIES, GENERIC_MAJORS, SMA_MAJORS } from './catalog.ts';
import type { Edu } from './catalog.ts';
import { NipRegistry } from './nip.ts';
import type { AsnStatus, Sex } from './nip.ts';
import { personName, UNWILLING_REASONS } from './names.ts';
import type { Org, Position } from './org.ts';
import { Rng } from './rng.ts';

export type RuleName = 'election_ban' | 'min_tenure' | 'competency' | 'documentation';

export interface Transfer {
  /** effective month (the transfer takes effect on its 1st) */
  month: number;
  from: number;
  to: number;
  decree: string;
  /** day number, null when undocumented */
  decreeDay: number | null;
  reason: string;
  approval: string;
  /** rotation wave index, -1 for individual transfers */
  wave: number;
  /** the rule this transfer was planted to break, null for a clean transfer */
  rule: RuleName | null;
}

export type Willing = 'yes' | 'no' | 'unknown';

export interface Employee {
  idx: number;
  nip: string;
  name: string;
  status: AsnStatus;
  sex: Sex;
  birth: number;
  /** month index of the appointment (TMT CPNS / PPPK), effective on its 1st */
  appt: number;
  edu: Edu;
  major: string;
  comps: string;
  golongan: string;
  willing: Willing;
  unwillingReason: string;
  /** planted person effect on the performance score */
  alpha: number;
  /** career: spell k holds position pos[k] from month start[k]; transfers[k − 1] started spell k (k ≥ 1) */
  pos: number[];
  start: number[];
  transfers: Transfer[];
}

export const PNS_GOLONGAN = [
  'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
];
export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

const ENTRY_GRADE: Record<Edu, number> = { SD: 0, SMP: 2, SMA: 4, D1: 4, D2: 5, D3: 6, D4: 8, S1: 8, S2: 9, S3: 10 };
const GRADE_CAP: Record<Edu, number> = { SD: 5, SMP: 7, SMA: 11, D1: 11, D2: 11, D3: 11, D4: 13, S1: 13, S2: 14, S3: 15 };
const APPT_AGE: Record<Edu, [number, number]> = {
  SD: [19, 30], SMP: [19, 30], SMA: [19, 30], D1: [20, 31], D2: [21, 32], D3: [21, 32], D4: [22, 34], S1: [22, 35], S2: [24, 35], S3: [28, 38],
};
const PPPK_GRADE: Record<Edu, number> = { SD: 1, SMP: 3, SMA: 5, D1: 5, D2: 6, D3: 7, D4: 9, S1: 9, S2: 10, S3: 11 };

/** appointment years of PNS and their relative weights (recruitment moratoria 2015–2016, big intakes 2008–2010 and 2018–2019) */
const PNS_YEARS: [number, number][] = [];
for (let y = 1986; y <= 2022; y++) {
  const w = y < 1995 ? 0.6 : y < 2004 ? 1.0 : y < 2011 ? 1.4 : y < 2015 ? 0.8 : y < 2017 ? 0.1 : y < 2020 ? 1.0 : 0.7;
  PNS_YEARS.push([y, w]);
}
const yearTables = new Map<number, { years: number[]; weights: number[] }>();
function pnsYearsUpTo(latest: number): { years: number[]; weights: number[] } {
  let t = yearTables.get(latest);
  if (!t) {
    const list = PNS_YEARS.filter(([y]) => y <= latest);
    t = { years: list.map(([y]) => y), weights: list.map(([, w]) => w) };
    yearTables.set(latest, t);
  }
  return t;
}
const PNS_MONTH_W = [30, 3, 20, 10, 3, 3, 3, 3, 3, 3, 3, 16];

/** latest birth date allowed: nobody is older than 58 at the as-of date (retirement age of most ASN) */
const OLDEST_BIRTH = dayNumber(1967, 6, 1);
export const AS_OF_MONTH = mi(2025, 12);

function minServiceYears(p: Position): number {
  if (p.arch.family !== 'lead') return 0;
  return p.cls >= 14 ? 20 : p.cls >= 12 ? 15 : p.cls >= 11 ? 12 : p.cls >= 9 ? 8 : 4;
}
function minLeadGrade(cls: number): number {
  return cls >= 14 ? 13 : cls >= 12 ? 12 : cls >= 11 ? 11 : cls >= 9 ? 10 : 8;
}

function chooseEdu(rng: Rng, p: Position): Edu {
  const req = p.reqEdu;
  const r = rng.next();
  if (p.arch.family === 'lead') {
    const e: Edu = p.cls >= 14 ? (r < 0.7 ? 'S2' : 'S1') : p.cls >= 11 ? (r < 0.45 ? 'S2' : 'S1') : r < 0.75 ? 'S1' : r < 0.9 ? 'D3' : 'S2';
    return eduIndex(e) >= eduIndex(req) ? e : req;
  }
  if (p.arch.family === 'guru' || p.arch.family === 'health') return r < 0.9 ? req : req === 'D3' ? 'S1' : req === 'S1' ? 'S2' : req;
  switch (req) {
    case 'SMA':
      return r < 0.68 ? 'SMA' : r < 0.78 ? 'D3' : r < 0.8 ? 'D4' : 'S1';
    case 'D3':
      return r < 0.8 ? 'D3' : r < 0.85 ? 'D4' : 'S1';
    case 'S1':
      return r < 0.86 ? 'S1' : r < 0.99 ? 'S2' : 'S3';
    default:
      return req;
  }
}

function chooseMajor(rng: Rng, p: Position, edu: Edu): string {
  const majors = p.arch.majors;
  if (edu === 'SMA' || edu === 'SMP' || edu === 'SD') return rng.pick(SMA_MAJORS);
  const specialist = p.arch.family === 'guru' || p.arch.family === 'health';
  if (majors.length && (specialist || (edu === p.reqEdu ? rng.chance(0.88) : rng.chance(0.5)))) return rng.pick(majors);
  return rng.pick(GENERIC_MAJORS[edu] ?? GENERIC_MAJORS.S1);
}

function chooseSex(rng: Rng, p: Position): Sex {
  const k = p.arch.key;
  const pMale =
    k === 'polisi_pp' || k === 'pemadam' || k === 'pengemudi' || k === 'petugas_lalin' ? 0.88
    : p.arch.family === 'guru' ? 0.3
    : k === 'bidan' ? 0
    : p.arch.family === 'health' ? 0.32
    : p.arch.family === 'lead' ? 0.68
    : 0.5;
  return rng.chance(pMale) ? 1 : 2;
}

/** PNS grade index (into PNS_GOLONGAN) at the as-of date */
function pnsGrade(rng: Rng, p: Position, edu: Edu, appt: number): number {
  const serviceYears = (AS_OF_MONTH - appt) / 12;
  let g = ENTRY_GRADE[edu] + Math.max(0, Math.floor(serviceYears / 4) - (rng.chance(0.3) ? 1 : 0));
  g = Math.min(g, GRADE_CAP[edu]);
  if (p.arch.family === 'lead') {
    g = Math.max(g, minLeadGrade(p.cls));
    if (p.cls >= 15) g = Math.max(g, rng.chance(0.3) ? 16 : 15);
    else g = Math.min(g, 15);
  }
  return g;
}

export function createEmployee(rng: Rng, nips: NipRegistry, p: Position, idx: number): Employee {
  const arch = p.arch;
  const status: AsnStatus = arch.family !== 'lead' && rng.chance(arch.pppk) ? 'PPPK' : 'PNS';
  const sex = chooseSex(rng, p);
  const edu = chooseEdu(rng, p);
  const major = chooseMajor(rng, p, edu);

  let apptYear = 0;
  let apptMonth = 1;
  let birth = 0;
  for (let attempt = 0; ; attempt++) {
    if (status === 'PPPK') {
      apptYear = [2019, 2020, 2021, 2022][rng.weighted([0.05, 0.1, 0.45, 0.4])];
      apptMonth = rng.int(1, 12);
    } else {
      const years = pnsYearsUpTo(2022 - minServiceYears(p));
      apptYear = years.years[rng.weighted(years.weights)];
      apptMonth = rng.weighted(PNS_MONTH_W) + 1;
    }
    const [lo, hi] = status === 'PPPK' ? [24, 50] : APPT_AGE[edu];
    const age = rng.int(lo, hi);
    // born between (age + 1) and age years before the appointment: age at appointment = `age` (≥ 18)
    const apptDay = dayNumber(apptYear, apptMonth, 1);
    const latestBirth = dayNumber(apptYear - age, apptMonth, 1) - 1;
    birth = latestBirth - rng.int(0, 364);
    if (birth >= OLDEST_BIRTH && apptDay - birth >= 18 * 366) break;
    if (attempt > 30) {
      birth = Math.max(birth, OLDEST_BIRTH);
      break;
    }
  }
  const appt = mi(apptYear, apptMonth);
  const nip = status === 'PNS' ? nips.pns(birth, apptYear, apptMonth, sex) : nips.pppk(birth, apptYear, 1, sex);

  let golongan: string;
  if (status === 'PNS') golongan = PNS_GOLONGAN[pnsGrade(rng, p, edu, appt)];
  else golongan = ROMAN[(arch.key === 'dokter_sp' ? 11 : arch.key === 'dokter' || arch.key === 'dokter_gigi' ? 10 : PPPK_GRADE[edu]) - 1];

  const tags = arch.comps.filter(() => rng.chance(0.8));
  const nExtra = rng.int(0, 2);
  for (let i = 0; i < nExtra; i++) {
    const t = rng.pick(EXTRA_COMPETENCIES);
    if (!tags.includes(t)) tags.push(t);
  }

  const w = rng.next();
  const willing: Willing = w < 0.08 ? 'no' : w < 0.13 ? 'unknown' : 'yes';
  const unwillingReason = willing === 'no' ? rng.pick(UNWILLING_REASONS) : '';

  return {
    idx,
    nip,
    name: personName(rng, sex, edu, major),
    status,
    sex,
    birth,
    appt,
    edu,
    major,
    comps: tags.join(';'),
    golongan,
    willing,
    unwillingReason,
    alpha: 4 * rng.normal(),
    pos: [p.idx],
    start: [appt],
    transfers: [],
  };
}

/** the start roster: `nStart` people per position, in position order */
export function createRoster(org: Org, seed: number, nips: NipRegistry): Employee[] {
  const rng = new Rng(seed, 'staff', org.region.code);
  const out: Employee[] = [];
  for (const p of org.positions) for (let i = 0; i < p.nStart; i++) out.push(createEmployee(rng, nips, p, out.length));
  return out;
}

export const eduIndex = (e: Edu): number => EDU_ORDER.indexOf(e);
