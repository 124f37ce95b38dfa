/**
 * NIP (Nomor Induk Pegawai) rules, shared/domain.md "Identifiers and grades". The TypeScript twin of
 * nip_clean / nip_problem / nip_birth_date in pipeline/models/macros/normalise.sql, for values a user types in
 * the dashboard or simulator; test/unit/normalise-parity.test.ts keeps the two in step.
 *
 * PNS:  YYYYMMDD (birth) · YYYYMM (first appointment, TMT CPNS) · sex (1 male, 2 female) · serial NNN
 * PPPK: YYYYMMDD (birth) · YYYY (year of appointment) · 2 · a digit · sex · serial NNN
 */

/** Whitespace as the SQL side sees it: RE2 `\s` ([\t\n\f\r ]) and the no-break space. */
const TRIM = /^[ \t\n\r\u00a0]+|[ \t\n\r\u00a0]+$/g;

/** Trimmed text or null when empty (the SQL `_clean`). */
export function cleanText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const t = String(value).replace(TRIM, '');
  return t === '' ? null : t;
}

/** The 18 digits of a NIP written with spaces, dots, dashes (or a leading apostrophe); null if not 18 digits. */
export function cleanNip(text: unknown): string | null {
  if (text === null || text === undefined) return null;
  const s = String(text);
  if (/^\d{18}$/.test(s)) return s;
  const digits = s.replace(/[\t\n\f\r .\-'\u00a0]+/g, '');
  return /^\d{18}$/.test(digits) ? digits : null;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** y-m-d as `YYYY-MM-DD` when that date exists (no rolling over: 31 Feb → null). */
export function validDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1) return null;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const num = (s: string, from: number, len: number): number => Number(s.slice(from - 1, from - 1 + len));

/** Birth date in digits 1–8 (YYYYMMDD) as `YYYY-MM-DD`; null when the NIP is malformed or the date impossible. */
export function nipBirthDate(nip: unknown): string | null {
  const n = cleanNip(nip);
  return n === null ? null : validDate(num(n, 1, 4), num(n, 5, 2), num(n, 7, 2));
}

export type AsnStatus = 'PNS' | 'PPPK';

/** PNS/CPNS → PNS, PPPK/P3K → PPPK, anything else → null. */
export function normaliseStatus(status: unknown): AsnStatus | null {
  const s = cleanText(status)?.toUpperCase();
  if (s === 'PNS' || s === 'CPNS') return 'PNS';
  if (s === 'PPPK' || s === 'P3K') return 'PPPK';
  return null;
}

function pnsProblem(n: string): string | null {
  const month = num(n, 13, 2);
  if (month < 1 || month > 12) return 'appointment month (digits 9–14, YYYYMM) is not a valid month';
  if (num(n, 9, 4) < num(n, 1, 4) + 18) return 'appointment year (digits 9–12) is less than 18 years after the birth year';
  return null;
}

/** PPPK exist since PP 49/2018: the year of appointment is 2018 or later. */
export const PPPK_FIRST_YEAR = 2018;

function pppkProblem(n: string): string | null {
  if (n[12] !== '2') return 'digit 13 must be 2 in a PPPK NIP';
  if (num(n, 9, 4) < PPPK_FIRST_YEAR) return 'appointment year (digits 9–12) is before 2018 (PPPK exist since PP 49/2018)';
  if (num(n, 9, 4) < num(n, 1, 4) + 18) return 'appointment year (digits 9–12) is less than 18 years after the birth year';
  return null;
}

/**
 * Null when the NIP is valid for the status, else the reason (English, one clause). Status PNS/CPNS or
 * PPPK/P3K; another or no status: valid when it fits either pattern. An empty NIP gives null (whether a NIP
 * is required is the caller's business).
 */
export function nipProblem(nip: unknown, status?: unknown): string | null {
  if (cleanText(nip) === null) return null;
  const n = cleanNip(nip);
  if (n === null) return 'a NIP has 18 digits';
  if (validDate(num(n, 1, 4), num(n, 5, 2), num(n, 7, 2)) === null) return 'birth date (digits 1–8, YYYYMMDD) is not a valid date';
  if (num(n, 1, 4) < 1900) return 'birth year (digits 1–4) is before 1900';
  if (n[14] !== '1' && n[14] !== '2') return 'sex digit (15) must be 1 (male) or 2 (female)';
  if (n.slice(15) === '000') {
    return 'serial number (digits 16–18) is 000: the NIP was probably typed as a number in Excel, which keeps only 15 digits (format the column as Text)';
  }
  const st = normaliseStatus(status);
  if (st === 'PNS') return pnsProblem(n);
  if (st === 'PPPK') return pppkProblem(n);
  const pns = pnsProblem(n);
  return pns === null || pppkProblem(n) === null ? null : pns;
}

/** Sex from digit 15 (1 male → L, 2 female → P). */
export function nipSex(nip: unknown): 'L' | 'P' | null {
  const n = cleanNip(nip);
  return n?.[14] === '1' ? 'L' : n?.[14] === '2' ? 'P' : null;
}
