/**
 * SKP performance predicates, PermenPANRB 6/2022 (shared/domain.md "Performance"). The TypeScript twin of
 * skp_rating / skp_rank / expectation_norm / skp_from_subratings in pipeline/models/macros/normalise.sql
 * (test/unit/normalise-parity.test.ts keeps them in step).
 */
import { cleanText } from './nip.ts';

/** The five predicates, lowest first: the rank of a predicate is its index + 1. */
export const SKP_RATINGS = ['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Baik', 'Sangat Baik'] as const;
export type SkpRating = (typeof SKP_RATINGS)[number];
export type Expectation = 'above' | 'as_expected' | 'below';

/** Lower case, runs of whitespace, dots, slashes, dashes and underscores folded to one space (SQL `_word_key`). */
export function wordKey(text: unknown): string | null {
  const t = cleanText(text);
  if (t === null) return null;
  const k = t.toLowerCase().replace(/[\t\n\f\r ./\-_]+/g, ' ').replace(/^ +| +$/g, '');
  return k === '' ? null : k;
}

const RATING: Record<string, SkpRating> = {
  'sangat baik': 'Sangat Baik', outstanding: 'Sangat Baik', 'very good': 'Sangat Baik',
  baik: 'Baik', good: 'Baik',
  'butuh perbaikan': 'Butuh Perbaikan', 'perlu perbaikan': 'Butuh Perbaikan',
  'needs improvement': 'Butuh Perbaikan', 'need improvement': 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct', misconduct: 'Kurang/Misconduct', 'kurang misconduct': 'Kurang/Misconduct',
  poor: 'Kurang/Misconduct', 'poor misconduct': 'Kurang/Misconduct',
  'sangat kurang': 'Sangat Kurang', 'very poor': 'Sangat Kurang',
};

/**
 * The canonical predicate from what people write (any case; `Kurang`, `Misconduct`; English: Outstanding /
 * Very good → Sangat Baik, Good → Baik, Needs improvement → Butuh Perbaikan, Poor → Kurang/Misconduct,
 * Very poor → Sangat Kurang). The pre-2022 "Cukup"/"Buruk" have no counterpart: null.
 */
export function normaliseSkpRating(text: unknown): SkpRating | null {
  const k = wordKey(text);
  return k === null ? null : RATING[k] ?? null;
}

/** 1 Sangat Kurang < 2 Kurang/Misconduct < 3 Butuh Perbaikan < 4 Baik < 5 Sangat Baik; null when unreadable. */
export function skpRank(rating: unknown): number | null {
  const r = normaliseSkpRating(rating);
  return r === null ? null : SKP_RATINGS.indexOf(r) + 1;
}

const ABOVE = ['above', 'di atas ekspektasi', 'diatas ekspektasi', 'di atas', 'diatas', 'melebihi ekspektasi',
  'above expectation', 'above expectations', 'exceeds expectations', 'exceeds expectation'];
const AS_EXPECTED = ['as expected', 'sesuai ekspektasi', 'sesuai', 'meets expectations', 'meets expectation'];
const BELOW = ['below', 'di bawah ekspektasi', 'dibawah ekspektasi', 'di bawah', 'dibawah', 'kurang dari ekspektasi',
  'below expectation', 'below expectations'];

/** 'above' / 'as_expected' / 'below' from Indonesian (di atas / sesuai / di bawah ekspektasi) or English. */
export function normaliseExpectation(text: unknown): Expectation | null {
  const k = wordKey(text);
  if (k === null) return null;
  if (ABOVE.includes(k)) return 'above';
  if (AS_EXPECTED.includes(k)) return 'as_expected';
  if (BELOW.includes(k)) return 'below';
  return null;
}

/**
 * The predicate from the two sub-ratings (PermenPANRB 6/2022 matrix, shared/domain.md):
 *
 * | results \ behaviour | below             | as expected     | above           |
 * |---------------------|-------------------|-----------------|-----------------|
 * | above               | Kurang/Misconduct | Baik            | Sangat Baik     |
 * | as expected         | Kurang/Misconduct | Baik            | Baik            |
 * | below               | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan |
 *
 * Either sub-rating missing or unreadable → null.
 */
export function skpFromSubratings(results: unknown, behaviour: unknown): SkpRating | null {
  const r = normaliseExpectation(results);
  const b = normaliseExpectation(behaviour);
  if (r === null || b === null) return null;
  if (r === 'above') return b === 'below' ? 'Kurang/Misconduct' : b === 'as_expected' ? 'Baik' : 'Sangat Baik';
  if (r === 'as_expected') return b === 'below' ? 'Kurang/Misconduct' : 'Baik';
  return b === 'below' ? 'Sangat Kurang' : 'Butuh Perbaikan';
}
