/**
 * Lemma 1 (Sec. 4, App. B): for a forget set F of size n drawn at random and a fixed model, the
 * forget-set accuracy concentrates around the population accuracy: P(|Acc_F − p| ≥ ε) ≤
 * 2·exp(−2nε²). Exact tail probabilities to compare with that bound:
 *  - binomial (F drawn with replacement, or from an infinite population): K ~ Bin(n, p);
 *  - hypergeometric (F drawn without replacement from N samples of which M = pN are classified
 *    correctly — the paper's finite data set): K ~ Hypergeom(N, M, n).
 * Method: the probability mass function by its ratio recurrence in decimal.js (only products,
 * no logarithms; decimal.js's exponent range holds (1−p)^n for every n here), started at k = 0
 * from (1−p)^n resp. at k_min from a product of n ratios, and the two-sided tail
 * Σ_{k : |k − np| ≥ nε} pmf(k) with the boundary decided exactly in rational arithmetic (p is a
 * fraction or a terminating decimal, ε a terminating decimal, so "≥" at |k/n − p| = ε is exact). Precision: `digits` significant
 * digits with 10 guard digits; the pmf sums to 1 within 10^−(digits−5) (checked by callers' tests).
 * Special cases: p = 0 or 1 (the pmf is a point mass); n ≤ 0 or n > N throws.
 */
import { Decimal } from 'decimal.js';
import { decimalAt } from './lambertw.ts';
import { fastExp } from './decimalExp.ts';

const GUARD = 10;

/** pmf of Bin(n, p) for k = 0..n. */
export function binomialPmf(n: number, pIn: Decimal.Value, digits: number): Decimal[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const D = decimalAt(digits + GUARD);
  const p = new D(pIn);
  if (p.lt(0) || p.gt(1)) throw new RangeError(`p must lie in [0, 1], got ${p.toString()}`);
  const pmf: Decimal[] = [];
  if (p.isZero() || p.eq(1)) {
    for (let k = 0; k <= n; k++) pmf[k] = new D(p.isZero() ? (k === 0 ? 1 : 0) : k === n ? 1 : 0);
    return pmf;
  }
  const q = new D(1).minus(p);
  const ratio = p.div(q);
  pmf[0] = q.pow(n);
  for (let k = 0; k < n; k++) pmf[k + 1] = pmf[k]!.times(ratio).times(n - k).div(k + 1);
  return pmf;
}

/** pmf of the number of correct samples in n drawn without replacement from N with M correct. */
export function hypergeometricPmf(N: number, M: number, n: number, digits: number): { kMin: number; pmf: Decimal[] } {
  // N ≥ 1 follows from 1 ≤ n ≤ N
  if (![N, M, n].every(Number.isInteger) || M < 0 || M > N || n < 1 || n > N) {
    throw new RangeError(`need integers 0 ≤ M ≤ N, 1 ≤ n ≤ N; got N = ${N}, M = ${M}, n = ${n}`);
  }
  const D = decimalAt(digits + GUARD);
  const kMin = Math.max(0, n - (N - M)), kMax = Math.min(n, M);
  // pmf(kMin) = C(M, kMin) C(N−M, n−kMin) / C(N, n), as a product of n ratios
  let first = new D(1);
  // choose the order of factors so every intermediate stays near 1: Π over the n draws
  // of the probability of drawing the kMin correct first, then the n − kMin incorrect
  for (let i = 0; i < kMin; i++) first = first.times(M - i).div(N - i);
  for (let i = 0; i < n - kMin; i++) first = first.times(N - M - i).div(N - kMin - i);
  // multiply by the number of orders C(n, kMin)
  let c = new D(1);
  for (let i = 0; i < kMin; i++) c = c.times(n - i).div(i + 1);
  const pmf: Decimal[] = [first.times(c)];
  for (let k = kMin; k < kMax; k++) {
    const prev = pmf[pmf.length - 1]!;
    pmf.push(prev.times((M - k) * (n - k)).div((k + 1) * (N - M - n + k + 1)));
  }
  return { kMin, pmf };
}

/** An accuracy as an exact fraction num/den (integers), or a terminating decimal. */
export type Accuracy = Decimal.Value | { num: number; den: number };

/**
 * P(|K/n − p| ≥ ε) from a pmf over k = kMin.., with the boundary decided exactly: with p = num/den
 * the event is k ≤ (n·num − n·den·ε)/den or k ≥ (n·num + n·den·ε)/den, both right-hand sides exact
 * decimals over an integer, so floor and ceiling are found exactly (checked back by integer
 * products), and "≥" counts the boundary atoms |k/n − p| = ε. ε must be a terminating decimal
 * (every JS number is one); a decimal p is turned into num/10^d exactly.
 */
export function twoSidedTail(pmf: Decimal[], kMin: number, n: number, pIn: Accuracy, epsIn: Decimal.Value, digits: number): Decimal {
  // enough digits that n·den·ε and n·num are exact
  const D = decimalAt(digits + GUARD + 30);
  let num: Decimal, den: Decimal;
  if (typeof pIn === 'object' && 'num' in pIn) {
    num = new D(pIn.num);
    den = new D(pIn.den);
  } else {
    const p = new D(pIn as Decimal.Value);
    const places = p.decimalPlaces();
    den = new D(10).pow(places);
    num = p.times(den);
  }
  const slack = new D(n).times(den).times(new D(epsIn));
  const centre = new D(n).times(num);
  const lowEnd = centre.minus(slack), highEnd = centre.plus(slack);
  // kLo = floor(lowEnd/den), kHi = ceil(highEnd/den), corrected to satisfy the integer inequalities
  let kLo = lowEnd.div(den).floor();
  while (kLo.times(den).gt(lowEnd)) kLo = kLo.minus(1);
  while (kLo.plus(1).times(den).lte(lowEnd)) kLo = kLo.plus(1);
  let kHi = highEnd.div(den).ceil();
  while (kHi.times(den).lt(highEnd)) kHi = kHi.plus(1);
  while (kHi.minus(1).times(den).gte(highEnd)) kHi = kHi.minus(1);
  const Dw = decimalAt(digits + GUARD);
  let s = new Dw(0);
  const lo = kLo.toNumber(), hi = kHi.toNumber();
  for (let i = 0; i < pmf.length; i++) {
    const k = kMin + i;
    if (k <= lo || k >= hi) s = s.plus(pmf[i]!);
  }
  return s;
}

/** The bound of Lemma 1: 2·exp(−2nε²). */
export function hoeffdingBound(n: number, epsIn: Decimal.Value, digits: number): Decimal {
  const D = decimalAt(digits + GUARD);
  const eps = new D(epsIn);
  return new D(fastExp(eps.times(eps).times(-2 * n), digits + GUARD)).times(2);
}

/**
 * Wilson score interval for a binomial proportion at normal quantile zq (two-sided).
 * Used for the Monte-Carlo estimate; float64 is ample for an interval.
 */
export function wilsonInterval(hits: number, trials: number, zq: number): [number, number] {
  const ph = hits / trials;
  const denom = 1 + (zq * zq) / trials;
  const centre = (ph + (zq * zq) / (2 * trials)) / denom;
  const half = (zq * Math.sqrt((ph * (1 - ph)) / trials + (zq * zq) / (4 * trials * trials))) / denom;
  // centre − half is exactly 0 at hits = 0 (and centre + half exactly 1 at hits = trials) but not in
  // float64, where it lands near 1e−17: a true tail of 1e−40 would read as outside the interval
  return [hits === 0 ? 0 : Math.max(0, centre - half), hits === trials ? 1 : Math.min(1, centre + half)];
}

/** The standard normal quantile Φ^{-1}(u) (Acklam's rational approximation, |error| < 1.2e−9). */
export function normalQuantile(u: number): number {
  if (!(u > 0 && u < 1)) throw new RangeError(`u must lie in (0, 1), got ${u}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  const poly = (cs: number[], x: number): number => cs.reduce((s, k) => s * x + k, 0);
  if (u < lo) {
    const q = Math.sqrt(-2 * Math.log(u));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (u > 1 - lo) return -normalQuantile(1 - u);
  const q = u - 0.5, r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}
