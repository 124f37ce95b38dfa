/**
 * NIP (Nomor Induk Pegawai), 18 digits (shared/domain.md, "Identifiers and grades"):
 * - PNS:  birth date YYYYMMDD · first appointment (TMT CPNS) YYYYMM · sex 1/2 · serial NNN
 *         `19660801 198803 1 001`
 * - PPPK: birth date YYYYMMDD · appointment year YYYY · `2` · a digit · sex 1/2 · serial NNN
 *         `19920315 2022 2 1 2 001` (written in the same 8-6-1-3 groups: `19920315 202221 2 001`)
 * The serial makes the number unique among people who share the other digits.
 */
import { dayParts } from './calendar.ts';

export type AsnStatus = 'PNS' | 'PPPK';
export type Sex = 1 | 2;

/** Hands out serials so every NIP is unique. Keys are packed integers (birth day, appointment, sex). */
export class NipRegistry {
  private readonly counts = new Map<number, number>();

  /** next free serial (1..999) for the given non-serial digits */
  private serial(key: number): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    if (n > 999) throw new Error('NIP serial space exhausted for one birth date/appointment/sex');
    this.counts.set(key, n);
    return n;
  }

  /** PNS NIP for a birth day number, appointment (year, month) and sex */
  pns(birthDay: number, apptYear: number, apptMonth: number, sex: Sex): string {
    const key = ((birthDay + 20_000) * 1_200 + (apptYear - 1950) * 12 + (apptMonth - 1)) * 2 + (sex - 1);
    return pnsNip(birthDay, apptYear, apptMonth, sex, this.serial(key));
  }

  /** PPPK NIP: appointment year and the digit after the `2` */
  pppk(birthDay: number, apptYear: number, digit: number, sex: Sex): string {
    // a separate key space: negative keys
    const key = -(((birthDay + 20_000) * 1_000 + (apptYear - 1950) * 10 + digit) * 2 + (sex - 1)) - 1;
    return pppkNip(birthDay, apptYear, digit, sex, this.serial(key));
  }

  /** number of distinct (birth date, appointment, sex) keys handed out */
  size(): number {
    return this.counts.size;
  }
}

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const p3 = (n: number): string => String(n).padStart(3, '0');

function birthDigits(birthDay: number): string {
  const b = dayParts(birthDay);
  return `${b.y}${p2(b.m)}${p2(b.d)}`;
}

export function pnsNip(birthDay: number, apptYear: number, apptMonth: number, sex: Sex, serial: number): string {
  return `${birthDigits(birthDay)}${apptYear}${p2(apptMonth)}${sex}${p3(serial)}`;
}

export function pppkNip(birthDay: number, apptYear: number, digit: number, sex: Sex, serial: number): string {
  return `${birthDigits(birthDay)}${apptYear}2${digit}${sex}${p3(serial)}`;
}

export type NipStyle = 'spaces' | 'dots' | 'plain';

/** `19660801 198803 1 001`, `19660801.198803.1.001` or `196608011988031001` */
export function formatNip(nip: string, style: NipStyle): string {
  if (style === 'plain') return nip;
  const sep = style === 'spaces' ? ' ' : '.';
  return `${nip.slice(0, 8)}${sep}${nip.slice(8, 14)}${sep}${nip.slice(14, 15)}${sep}${nip.slice(15)}`;
}

/** strip spaces and dots: the 18 digits, or null when it is not a well-formed NIP */
export function normaliseNip(text: string): string | null {
  const digits = text.replace(/[ .]/g, '');
  return /^\d{18}$/.test(digits) ? digits : null;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface NipParts {
  birth: { y: number; m: number; d: number };
  appointmentYear: number;
  /** PNS only */
  appointmentMonth: number | null;
  sex: Sex;
  serial: number;
}

/** Decode and validate the dates inside an 18-digit NIP; null when they are impossible. */
export function parseNip(nip: string, status: AsnStatus): NipParts | null {
  if (!/^\d{18}$/.test(nip)) return null;
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  if (!validYmd(y, m, d)) return null;
  const ay = Number(nip.slice(8, 12));
  const sex = Number(nip[14]);
  if (sex !== 1 && sex !== 2) return null;
  const serial = Number(nip.slice(15));
  if (serial < 1) return null;
  if (status === 'PNS') {
    const am = Number(nip.slice(12, 14));
    if (am < 1 || am > 12) return null;
    return { birth: { y, m, d }, appointmentYear: ay, appointmentMonth: am, sex, serial };
  }
  if (nip[12] !== '2') return null;
  return { birth: { y, m, d }, appointmentYear: ay, appointmentMonth: null, sex, serial };
}
