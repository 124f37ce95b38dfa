/**
 * Columns the reader did not use but probably should have: an unknown header that a known alias nearly matches
 * (`Gol. Ruang Terakhir` beside the alias `gol_ruang`, a typo such as `Tangal Lahir`), and a column that feeds a
 * metric but is empty in every row of its file. Both are build warnings naming the file and the column, and errors
 * under `--strict` (docs/data-contract.md "Warnings").
 */
import { foldHeader, kindSpec } from './aliases.ts';

/** Words too common in headers to tie an unknown header to a column. */
const COMMON_WORDS = new Set(['nama', 'name', 'kode', 'code', 'tanggal', 'date', 'jenis', 'type', 'nomor', 'number', 'data', 'unit', 'kerja',
  'jabatan', 'pegawai', 'tahun', 'bulan', 'year', 'month', 'keterangan', 'status', 'baru', 'lama', 'terakhir']);

const tokens = (folded: string): string[] => folded.split('_').filter((t) => t.length >= 4 && !COMMON_WORDS.has(t));

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export interface HeaderHint {
  header: string;
  column: string;
  alias: string;
}

/**
 * For each unused header, the canonical column (not supplied by the file) that one of its names nearly matches:
 * an edit distance of at most 2 (names of 6 letters or more), or a shared distinctive word.
 */
export function nearMissHeaders(kind: string, unusedHeaders: readonly string[], mappedColumns: readonly string[]): HeaderHint[] {
  const spec = kindSpec(kind);
  const open = spec.columns.filter((c) => !mappedColumns.includes(c.name));
  const hints: HeaderHint[] = [];
  for (const header of unusedHeaders) {
    const f = foldHeader(header);
    if (!f) continue;
    const words = tokens(f);
    let best: { score: number; column: string; alias: string } | undefined;
    for (const c of open) {
      for (const name of [c.name, ...c.aliases]) {
        let score = 0;
        if (f.length >= 6 && name.length >= 6 && levenshtein(f, name) <= 2) score = 10;
        else score = tokens(name).filter((t) => words.includes(t)).length;
        if (score > 0 && (!best || score > best.score)) best = { score, column: c.name, alias: name };
      }
    }
    if (best) hints.push({ header, column: best.column, alias: best.alias });
  }
  return hints;
}

/** Optional columns that a metric or check needs, with what they feed (for the warning). */
export const METRIC_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  employees: {
    golongan: 'the golongan of every employee (Pegawai page, transfer audit)',
    appointment_date: 'the new-appointee rule of the transfer audit (PermenPANRB 6/2024 Pasal 59)',
    education_level: 'the competence match of staffing needs and the transfer audit',
    willing_to_move: 'the willingness to move in the tenure list and the rotation planner',
  },
  positions: { required_education: 'the competence match of staffing needs and the transfer audit' },
  transfers: {
    reason_category: 'rotation waves (effects of transfers) and the transfer audit',
    decree_number: 'rotation waves (a collective decree moving several people)',
  },
  performance: { score: 'the effects of transfers on SKP scores' },
};
