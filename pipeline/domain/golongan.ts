/**
 * Golongan (grade) rules, shared/domain.md "Identifiers and grades": PNS I/a–I/d, II/a–II/d, III/a–III/d,
 * IV/a–IV/e (PP 11/2017); PPPK I–XVII. The TypeScript twin of golongan_norm / golongan_rank in
 * pipeline/models/macros/normalise.sql (test/unit/normalise-parity.test.ts keeps them in step).
 */
import { cleanText, normaliseStatus } from './nip.ts';

export const PPPK_GRADES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'] as const;
export const PNS_GOLONGAN = [
  'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
] as const;

const ROMAN4: Record<string, string> = { '1': 'I', '2': 'II', '3': 'III', '4': 'IV' };

/** Upper case, without a leading "Gol."/"Golongan (ruang)" and without spaces, slashes, dashes, dots, underscores. */
function key(text: string): string | null {
  const k = text
    .toUpperCase()
    .replace(/^GOL(?:ONGAN)?(?:[\t\n\f\r ]*RUANG)?\.?[\t\n\f\r ]*/, '')
    .replace(/[\t\n\f\r /\-._]+/g, '');
  return k === '' ? null : k;
}

function pnsFrom(g: string | undefined, l: string | undefined): string | null {
  if (!g || !l) return null;
  const r = ROMAN4[g] ?? g;
  if ((r === 'I' || r === 'II' || r === 'III') && 'ABCD'.includes(l)) return `${r}/${l.toLowerCase()}`;
  if (r === 'IV' && 'ABCDE'.includes(l)) return `IV/${l.toLowerCase()}`;
  return null;
}

function pns(k: string): string | null {
  const m = /^(IV|III|II|I|[1-4])([A-Z])$/.exec(k);
  return m ? pnsFrom(m[1], m[2]) : null;
}

/** "Penata Muda (III/a)", "Pembina, IV-a": a roman numeral, an explicit separator, a letter. */
function embedded(text: string): string | null {
  const m = /(?:^|[^A-Z0-9])(IV|III|II|I)[\t\n\f\r ]*[/-][\t\n\f\r ]*([A-Z])(?:$|[^A-Z0-9])/.exec(text.toUpperCase());
  return m ? pnsFrom(m[1], m[2]) : null;
}

function pppk(k: string): string | null {
  if ((PPPK_GRADES as readonly string[]).includes(k)) return k;
  if (/^(?:0?[1-9]|1[0-7])$/.test(k)) return PPPK_GRADES[Number(k) - 1]!;
  return null;
}

/**
 * `III/a` (PNS) or `IX` (PPPK) from what people write (`III-A`, `3A`, `IIIa`, `3/a`, `III a`, `Gol. III/a`,
 * `Penata Muda (III/a)`; PPPK `IX` or `9`); null when the grade does not exist for the status (`III/f`, `V/a`).
 * Status PNS/CPNS or PPPK/P3K; another or no status: read by form (a letter → PNS, else PPPK).
 */
export function normaliseGolongan(text: unknown, status?: unknown): string | null {
  const t = cleanText(text);
  if (t === null) return null;
  const k = key(t);
  if (k === null) return null;
  const st = normaliseStatus(status);
  if (st === 'PPPK') return pppk(k);
  if (st === 'PNS') return pns(k) ?? embedded(t);
  return pns(k) ?? pppk(k) ?? embedded(t);
}

/**
 * Order for comparisons: PNS I/a = 1 … I/d = 4, II/a = 5 … III/d = 12, IV/a = 13 … IV/e = 17; PPPK I … XVII
 * = 1 … 17 (compare PPPK grades only with each other). Any accepted form works; null when unreadable.
 */
export function golonganRank(g: unknown): number | null {
  const n = normaliseGolongan(g, null);
  if (n === null) return null;
  if (n.includes('/')) {
    const [r, l] = n.split('/') as [string, string];
    return (['I', 'II', 'III', 'IV'].indexOf(r)) * 4 + 'abcde'.indexOf(l) + 1;
  }
  return (PPPK_GRADES as readonly string[]).indexOf(n) + 1;
}
