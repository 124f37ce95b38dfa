/**
 * Small numerical helpers for the effects estimators: the normal and chi-square distribution functions,
 * the normal quantile, the type-1 sample quantile R uses in `did`, and a dense symmetric solve for the
 * Wald pre-test. Written from the textbook definitions (series / continued fractions), no tables.
 */

const EPS = 1e-15;
const FPMIN = 1e-300;

/** ln Γ(a) for a a positive multiple of 1/2 (all this module needs: chi-square with integer df, erf). */
function lnGammaHalfInteger(a: number): number {
  const twice = Math.round(2 * a);
  if (twice < 1 || Math.abs(twice - 2 * a) > 1e-12) throw new Error(`lnGamma: ${a} is not a positive multiple of 1/2`);
  // Γ(1) = 1, Γ(1/2) = √π, Γ(x + 1) = x Γ(x)
  let x = twice % 2 === 0 ? 1 : 0.5;
  let out = twice % 2 === 0 ? 0 : 0.5 * Math.log(Math.PI);
  while (x < a - 1e-12) {
    out += Math.log(x);
    x += 1;
  }
  return out;
}

/** Regularized lower incomplete gamma P(a, x), a a positive multiple of 1/2. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const lnPrefix = -x + a * Math.log(x) - lnGammaHalfInteger(a);
  if (x < a + 1) {
    // series: P = e^{-x} x^a / Γ(a+1) Σ x^k / ((a+1)…(a+k))
    let ap = a;
    let term = 1 / a;
    let sum = term;
    for (let k = 0; k < 10_000; k++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.min(1, sum * Math.exp(lnPrefix));
  }
  return 1 - gammaQContinuedFraction(a, x, lnPrefix);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the upper tail. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (!Number.isFinite(x)) return 0;
  if (x < a + 1) return 1 - gammaP(a, x);
  const lnPrefix = -x + a * Math.log(x) - lnGammaHalfInteger(a);
  return gammaQContinuedFraction(a, x, lnPrefix);
}

/** Modified Lentz evaluation of the continued fraction for Q(a, x), valid for x ≥ a + 1. */
function gammaQContinuedFraction(a: number, x: number, lnPrefix: number): number {
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(lnPrefix) * h;
}

/** Standard normal distribution function Φ(x), via erfc(z) = Q(1/2, z²). */
export function pnorm(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x) / Math.SQRT2;
  const upper = 0.5 * gammaQ(0.5, z * z); // P(Z > |x|)
  return x >= 0 ? 1 - upper : upper;
}

/** Standard normal density. */
export function dnorm(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Standard normal quantile Φ⁻¹(p): bisection to a bracket, then Newton steps on Φ. */
export function qnorm(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  if (p === 0.5) return 0;
  // work in the lower tail for accuracy, flip at the end
  const lower = p < 0.5;
  const q = lower ? p : 1 - p;
  let lo = -40;
  let hi = 0;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (pnorm(mid) < q) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-3) break;
  }
  let x = 0.5 * (lo + hi);
  for (let i = 0; i < 8; i++) {
    const step = (pnorm(x) - q) / dnorm(x);
    x -= step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return lower ? x : -x;
}

/** Chi-square distribution function with integer degrees of freedom. */
export function pchisq(x: number, df: number): number {
  return gammaP(df / 2, x / 2);
}

/** Upper tail 1 − F(x) of the chi-square distribution (R's `1 - pchisq(W, q)`). */
export function pchisqUpper(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** qnorm(0.75) − qnorm(0.25): the interquartile range of N(0, 1), used to turn a bootstrap IQR into an SE. */
export const NORMAL_IQR = 2 * qnorm(0.75);

/**
 * R's `quantile(x, p, type = 1)` for 0 < p < 1: the order statistic x_(⌈n p⌉) of the sorted values
 * (inverse of the empirical distribution function). `sorted` must be ascending and NaN-free.
 */
export function quantileType1(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return sorted[quantileIndexType1(n, p)] as number;
}

/** 0-based index into n sorted values of their type-1 p-quantile (n ≥ 1). */
export function quantileIndexType1(n: number, p: number): number {
  return Math.max(1, Math.min(n, Math.ceil(n * p - 1e-12 * n))) - 1;
}

/** Inverse of a small dense symmetric matrix by Gauss–Jordan with partial pivoting; null when singular. */
export function invertSymmetric(a: number[][]): number[][] | null {
  const k = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
    const pv = m[piv][col];
    if (!Number.isFinite(pv) || pv === 0) return null;
    [m[col], m[piv]] = [m[piv], m[col]];
    const rowC = m[col];
    for (let j = 0; j < 2 * k; j++) rowC[j] /= pv;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const row = m[r];
      const f = row[col];
      if (f === 0) continue;
      for (let j = 0; j < 2 * k; j++) row[j] -= f * rowC[j];
    }
  }
  return m.map((row) => row.slice(k));
}

/** Reciprocal 1-norm condition number 1 / (‖A‖₁ ‖A⁻¹‖₁) (R's `rcond` estimates the same quantity). */
export function rcond1(a: number[][], inv: number[][]): number {
  const norm1 = (x: number[][]) => {
    let best = 0;
    for (let j = 0; j < x.length; j++) {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += Math.abs(x[i][j]);
      best = Math.max(best, s);
    }
    return best;
  };
  return 1 / (norm1(a) * norm1(inv));
}
