/**
 * Lambert W, the inverse of w ↦ w·e^w, on its two real branches: W0 on [−1/e, ∞) with W0 ≥ −1,
 * and W−1 on [−1/e, 0) with W−1 ≤ −1.
 *
 * Decimal (`lambertW(z, branch, digits)`, 10 ≤ digits ≤ 1000; else RangeError). z is taken as
 * exact (all of its digits count, however many; a JS number means its shortest decimal string, as
 * decimal.js reads it). The result is a Decimal rounded half-even to
 * `digits` significant digits, within 1 unit in the last digit (in practice correctly rounded:
 * tests/vectors/lambertw.json, 600 mpmath references from 10 to 1000 digits, all match exactly).
 *  - Working precision P = digits + 12 guard digits + log10(1/|1 + W|) more near −1/e, where the
 *    condition number of evaluating w·e^w − z is ~1/|1 + W| ≈ 1/|p|.
 *  - Branch point: for z < 0 the offset δ = z + 1/e is formed with 1/e carried to digits +
 *    (digits cancelled) + 10, retrying deeper while the cancellation exceeds the guess
 *    (`branchPointOffset`), so δ keeps ≥ digits + 5 correct digits however close z is to −1/e.
 *    δ < 0 throws. When more than 2·digits + 40 digits cancel, W = −1 + O(√δ) equals −1 in every
 *    requested digit: the sign of δ is still resolved (z below −1/e throws) and −1 is returned. An
 *    input exactly equal to −1/e cannot be written in decimal; an offset that stays zero with 1/e
 *    carried to sd(z) + 2·digits + 200 digits would also be taken as −1/e and return −1.
 *  - Start: for p = ±√(2eδ) < 0.3 (p > 0 for W0, p < 0 for W−1) the branch-point series
 *    W = −1 + p − p²/3 + 11p³/72 − … to p⁹; else the float64 W below (≤ 2 ulp); for |z| outside
 *    the double range, ln|z| from z's exponent and leading digits, then the float64 fixed-point
 *    iterations w = ln z − ln w (W0) or w = ln(−z) − ln(−w) (W−1), again ~1e−16 relative; and
 *    W0(z) ≈ z for |z| < 1e−300.
 *  - Iteration: with E = e^w (one exponential, theory/decimalExp.ts) the exact correction d with
 *    (w + d)e^{w+d} = z solves (w + d)e^d − w = q, q = −(w·E − z)/E, and is the reversion series
 *    d = t·Σ_{n≥1} (P_n(w)/n!)·u^{n−1}, t = q/(1 + w) (Newton's step), u = t/(1 + w), with integer
 *    polynomials P_n (Lagrange inversion; n ≤ 9 terms, the 10th bounds the remainder). Terms are
 *    kept while they exceed 10^−(P+1)·|w|, each at only the digits it needs (the u^{n−1} factor
 *    makes later terms need fewer; those needing ≤ 13 digits are summed in float64). Truncated at
 *    n terms it is an iteration of order n + 1 (n = 3: Fritsch's fourth-order step), so from a
 *    1e−16 start one step reaches ~1e−160: one exponential suffices up to ~150 digits. A step is
 *    final when the first omitted term is below 10^−(P+1)·|w|, or when Newton's step t itself is
 *    below 10^−(digits+3)·|w| and what Newton leaves, ~t²/2, below 10^−(P+1)·|w| (near −1/e, where a
 *    start already good to P digits leaves only rounding noise in the residual; the second test
 *    matters for |W| ≳ 1e10, where the float64 start is good to 1e−16 relative but O(1e−16·|W|)
 *    absolute — without it the working value kept 17 instead of 22 digits at z = 3e999999999999999
 *    and 10 digits). Otherwise e^{w+d} = E·e^d (short Taylor series for
 *    |d| < 0.01, else a fresh exponential) and the next step runs. A poor start (|u| possibly
 *    above 0.01, or for huge |w| consecutive terms not falling 100-fold) takes the fourth-order
 *    step only and is never final. More than 60 steps throws (1 or 2 are typical).
 *  - Special cases: W(0) = 0 (also −0); W−1 at z ≥ 0, z below −1/e, non-finite or unparsable z,
 *    |z| beyond 10^±1e15 (decimal.js's exponents end at ±9e15) and a branch other than 0/−1 throw
 *    LambertWDomainError; never NaN.
 *  - Caches (module-level, per precision): 1/e, e, the decimal contexts, and decimalExp's tables.
 *
 * Float64 (`lambertW0f64`, `lambertWm1f64`): within 2 ulp of the correctly rounded value on both
 * branches, the branch point included (tests/vectors/lambertw.json: 5000+ doubles; 2 ulp is
 * reached for W0 on z ∈ (−0.30, −0.27), where exp's own rounding is amplified by 1/|1 + W| ≈ 2).
 * Near −1/e, δ = (z + E_HI) + E_LO from a two-part 1/e (z + E_HI is exact there by Sterbenz'
 * lemma), and w = −1 + t is refined by Newton on g(t) = e^{−1}((t − 1)e^t + 1) = δ, whose
 * cancellation-free series Σ_{n≥2} t^n (n−1)/n! keeps full relative accuracy in t; the start is
 * the branch-point series (at most 3 Newton steps on the vectors; cap 8). Elsewhere one to three
 * Halley steps (measured on the vectors: at most 3 on W0, 2 on W−1; the caps are 6 and 8) from a start within 13% (lambertWStartF64: Padé-like below 1 and
 * asymptotic above on W0, de Bruijn's series on W−1), with the residual w·e^w − z formed exactly (Dekker's
 * two-product) so only exp's own rounding remains; for z > 1e100 (W0) and −1e−200 < z < 0 (W−1)
 * the fixed-point forms above, which never form e^w (at most 7 steps on W0, 4 on W−1; W0's cap of 12 is
 * reached only where the iteration ends cycling between two neighbouring doubles, on 2 of the 697
 * vectors); float64Iterations counts all of these for properties/lambertw-work.test.ts. W0(x) = x for |x| < 1e−300 (subnormals
 * included: x² is below half an ulp of x), W0(+∞) = +∞.
 * The double nearest −1/e, −0.36787944117144233 = −0.367879441171442334024…, lies 1.2e−17 BELOW
 * −1/e (mpmath), so strictly W is not real there; it is the only double that can stand for the
 * branch point, so both branches return −1 for it (as Boost.Math does). Every smaller double,
 * NaN, −∞, and W−1 at x ≥ 0 (−0 included) throw LambertWDomainError.
 */
import { NonConvergenceError } from './errors.ts';
import { Decimal } from 'decimal.js';
import { fastExp } from './decimalExp.ts';

export type Branch = 0 | -1;

export class LambertWDomainError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'LambertWDomainError';
  }
}

const ctxCache = new Map<number, typeof Decimal>();
/** A decimal.js constructor working at `precision` significant digits (cached per precision). */
export function decimalAt(precision: number): typeof Decimal {
  let D = ctxCache.get(precision);
  if (!D) {
    D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40, minE: -9e15, maxE: 9e15 });
    ctxCache.set(precision, D);
  }
  return D;
}

/** 1/e to at least the largest precision asked for so far (+10), from which smaller ones are rounded. */
let invEMaster: Decimal | null = null;
let invEMasterDigits = 0;
const invECache = new Map<number, Decimal>();
/**
 * 1/e to `precision` significant digits, within 0.51 units in the last place (cached per precision). Computed as
 * Σ (−1)^k/k! (each term one division by a small integer, so thousands of digits take
 * milliseconds, where Decimal#exp takes seconds) at ≥ precision + 10 digits, then rounded; a larger
 * precision than any before recomputes the master value at twice the digits.
 */
export function inverseEAt(precision: number): Decimal {
  let v = invECache.get(precision);
  if (!v) {
    if (!invEMaster || invEMasterDigits < precision + 10) {
      invEMasterDigits = Math.max(2 * invEMasterDigits, precision + 10, 120);
      const Dm = decimalAt(invEMasterDigits + 5);
      const eps = new Dm(10).pow(-Dm.precision);
      let sum = new Dm(0), term = new Dm(1);
      for (let k = 1; term.gt(eps); k++) {
        // 1/k! falls below 10^−p after ~p/log10(p) terms; the cap only guards against a NaN eps
        if (k > 100_000) throw new NonConvergenceError('1/e series did not converge in 100000 terms');
        sum = k % 2 ? sum.plus(term) : sum.minus(term);
        term = term.div(k);
      }
      invEMaster = sum.toSignificantDigits(invEMasterDigits);
    }
    v = new (decimalAt(precision))(invEMaster).toSignificantDigits(precision);
    invECache.set(precision, v);
  }
  return v;
}

const eCache = new Map<number, Decimal>();
/** e to `precision` significant digits (cached). */
function eAt(precision: number): Decimal {
  let v = eCache.get(precision);
  if (!v) {
    v = new (decimalAt(precision))(1).div(inverseEAt(precision + 5));
    eCache.set(precision, v);
  }
  return v;
}

/** z for an error message: long inputs (near −1/e they run to thousands of digits) cut to 60 characters. */
function show(z: Decimal): string {
  const s = z.toString();
  return s.length > 60 ? `${s.slice(0, 60)}… (${z.sd(true)} digits)` : s;
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 10 || digits > 1000) {
    throw new RangeError(`digits must be an integer in [10, 1000], got ${digits}`);
  }
}

/** Cancelled digits beyond which z + 1/e only decides the domain: W = −1 to all requested digits. */
const tinyOffsetDigits = (digits: number): number => 2 * digits + 40;

/**
 * z + 1/e for an exact z. Returns it to at least `digits` + 5 correct significant digits: 1/e is
 * carried to digits + (digits cancelled) + 10, retrying with more when the cancellation is deeper
 * than first assumed. Where more than 2·digits + 40 digits cancel, W = −1 + O(√offset) is −1 in
 * every requested digit, so only the sign matters: 1/e is then carried far enough (up to
 * sd(z) + 2·digits + 200 digits) that the sign is certain, and the returned value has the right sign
 * and magnitude below 10^−(2·digits+40). Returns 0 only if even that cannot resolve it (which would
 * take a run of ~200 equal digits in 1/e right after z's last digit).
 */
export function branchPointOffset(z: Decimal, digits: number): Decimal {
  const sd = z.sd(true);
  const cap = Math.max(sd, digits) + 2 * digits + 200;
  let extra = 10;
  for (;;) {
    const prec = Math.ceil((digits + extra) / 16) * 16; // few distinct precisions: the 1/e cache stays small
    // wide enough that z + 1/e(prec) is exact where it cancels: the only error is then 1/e's rounding
    const D = decimalAt(Math.max(prec, sd) + 5);
    const off = new D(z).plus(inverseEAt(prec));
    // |off| ≥ 10^−lost while its error is at most 1/e's rounding, 10^−prec/2: relative error ≤ 10^(lost−prec)
    const lost = off.isZero() ? Infinity : -off.e;
    if (lost + digits + 5 <= prec) return off;
    if (lost > tinyOffsetDigits(digits) && lost < prec) return off; // sign certain, value tiny
    if (prec >= cap) return new D(0);
    extra = Math.min(cap - digits, Math.max(lost + 20, 2 * extra));
  }
}

const SERIES = ['-1', '1', '-1/3', '11/72', '-43/540', '769/17280', '-221/8505', '680863/43545600', '-1963/204120', '226287557/37623398400'];

/** The branch-point series −1 + p − p²/3 + … to the 9th power (start only; the iteration refines). */
function branchSeries(p: Decimal): Decimal {
  const D = p.constructor as typeof Decimal;
  let sum = new D(0);
  let pk = new D(1);
  for (const c of SERIES) {
    const [n, d] = c.split('/');
    sum = sum.plus(pk.times(n!).div(d ?? '1'));
    pk = pk.times(p);
  }
  return sum;
}

/**
 * The correction d with (a + d)·e^d = a + q, as a series in the Newton step t = q/(1 + a):
 *   d = t · Σ_{n≥1} (P_n(a)/n!) · u^{n−1},   u = t/(1 + a),
 * with the integer polynomials P_n below (highest power first; P_1 = 1), from Lagrange inversion
 * of (a + d)e^d − a (checked with sympy; the constant terms are (−n)^{n−1}, those of the series of
 * W at 0). Truncated after n terms this is an iteration of order n + 1; n = 3 is Fritsch's
 * fourth-order step, n = 1 is Newton.
 */
const REVERSION: number[][] = [
  [1],
  [-1, -2],
  [2, 8, 9],
  [-6, -36, -79, -64],
  [24, 192, 622, 974, 625],
  [-120, -1200, -5126, -11758, -14543, -7776],
  [720, 8640, 45756, 137512, 248250, 255828, 117649],
  [-5040, -70560, -445572, -1651480, -3892430, -5846760, -5187775, -2097152],
  [40320, 645120, 4728816, 20808776, 60289700, 118016760, 152606870, 119214746, 43046721],
  // −P_10 (every coefficient of P_10 is negative): it only bounds the omitted terms, through logCoefBound's |c|
  [362880, 6531840, 54494064, 277339464, 951218700, 2284480360, 3846688510, 4381447314, 3062575399, 1000000000],
];
const MAX_TERMS = REVERSION.length - 1; // the last polynomial only bounds what is left out
const FACT = REVERSION.map((_, i) => { let f = 1; for (let k = 2; k <= i + 1; k++) f *= k; return f; });
/** log10 of a bound on |P_n(a)|/n! (absolute coefficients, so it also bounds evaluation error). */
function logCoefBound(n: number, absA: number): number {
  let s = 0;
  for (const c of REVERSION[n - 1]!) s = s * absA + Math.abs(c);
  return Math.log10(s / FACT[n - 1]!);
}

const tenPowers = new Map<string, Decimal>();
function powerOfTen(D: typeof Decimal, k: number): Decimal {
  const key = `${D.precision}|${k}`;
  let v = tenPowers.get(key);
  if (!v) {
    v = new D(10).pow(k);
    tenPowers.set(key, v);
  }
  return v;
}

/** x rounded to `precision` digits, as a number of that precision (so later products stay short). */
function roundTo(x: Decimal, precision: number): Decimal {
  const D = decimalAt(precision);
  return new D(x).toSignificantDigits(precision);
}

/**
 * One step from w (with E = e^w at precision P): the reversion series above with as many terms as
 * bring the truncation below 10^−(P+1)·|w|, each term at only the precision it needs (term n is
 * ~|u|^{n−1} times smaller than the Newton step, so it needs that many fewer digits; terms needing
 * ≤ 13 digits are summed in float64). Returns the new w, and whether it is final: either the terms
 * left out are below that bound, or the Newton step itself is below 10^−(digits+3)·|w| and its
 * square below 10^−(P+1)·|w| (near −1/e a start good to the working precision leaves only rounding
 * noise in w·e^w − z, whose u is meaningless, so then only t is added). `P` must be the precision of w, E and the result.
 */
function reversionStep(w: Decimal, E: Decimal, z: Decimal, P: number, digits: number): { w: Decimal; done: boolean } {
  const f = w.times(E).minus(z);
  if (f.isZero()) return { w, done: true };
  const b1 = w.plus(1);
  const t = f.div(E.times(b1)).neg();
  // log10 upper bounds from the exponents (|x| < 10^(x.e+1)); lw a lower bound on log10|w|
  const lt = t.e + 1, lu = t.e + 1 - b1.e, lw = w.e;
  // Newton leaves ≈ t²(w + 2)/(2(w + 1)) ≈ t²/2 away from −1/e: for huge |w| a start good to 1e−16
  // relative is O(1) off in absolute terms, and one step gains only 2·16 digits of |w|, not P
  if (lt - lw <= -(digits + 3) && 2 * lt - lw <= -(P + 1)) return { w: w.plus(t), done: true };
  const absA = Math.abs(w.toNumber());
  // R[n]: digits term n needs; a term with R ≤ 0 is below 10^−(P+1)·|w|
  const R: number[] = [];
  let K = 1;
  let done = false;
  const logTerm = (n: number): number => lt + logCoefBound(n, absA) + (n - 1) * lu;
  for (let n = 2; n <= MAX_TERMS + 1; n++) {
    const r = Math.ceil(logTerm(n) - lw + P) + 2;
    if (r <= 0) {
      done = true; // the first term left out is negligible, and the later ones fall geometrically (checked below)
      break;
    }
    if (n > MAX_TERMS) break;
    R[n] = r;
    K = n;
  }
  // a poor start takes the fourth-order step only, and is never called final: |u| not small, or
  // (for huge |w|, where the terms fall like |t|^n rather than |u|^n) terms not falling 100-fold
  if (lu > -2 || logTerm(3) - logTerm(2) > -2) {
    K = Math.min(K, 3);
    done = false;
  }
  if (K === 1) return { w: w.plus(t), done };
  // Horner from the top, S_n = P_n(a)/n! + u·S_{n+1}, with S_n needed to R[n] digits; u and a are
  // rounded once to the most digits any term needs (R[2]), each product rounds to its own R[n]
  const R2 = R[2]!;
  const t2 = roundTo(t, R2);
  const u = t2.div(roundTo(b1, R2));
  const a = roundTo(w, R2);
  let m = K + 1; // terms m..K are summed in float64
  if (lu > -250) while (m > 2 && R[m - 1]! <= 13) m--;
  let S: Decimal | null = null;
  if (m <= K) {
    const uf = u.toNumber(), af = a.toNumber();
    let s = 0;
    for (let n = K; n >= m; n--) {
      let pn = 0;
      for (const c of REVERSION[n - 1]!) pn = pn * af + c;
      s = pn / FACT[n - 1]! + uf * s;
    }
    S = new Decimal(s);
  }
  for (let n = m - 1; n >= 2; n--) {
    const Dn = decimalAt(R[n]!);
    let pn = new Dn(0);
    for (const c of REVERSION[n - 1]!) pn = pn.times(a).plus(c);
    const cn = pn.div(FACT[n - 1]!);
    S = S === null ? cn : cn.plus(new Dn(u).times(S));
  }
  // d = t + t·u·S_2, the correction needing R[2] digits
  return { w: w.plus(t).plus(t2.times(u).times(S!)), done };
}

/** e^d for small |d| by its Taylor series at the precision of d's constructor. */
function expSmall(d: Decimal, eps: Decimal): Decimal {
  const D = d.constructor as typeof Decimal;
  let sum = new D(1);
  let term = new D(1);
  for (let k = 1; k <= 10_000; k++) {
    term = term.times(d).div(k);
    sum = sum.plus(term);
    if (term.abs().lte(eps)) return sum;
  }
  // |d| is small, so a few dozen terms suffice; only a non-finite d gets here
  throw new NonConvergenceError(`e^d series did not converge in 10000 terms (d = ${d.toString()})`);
}

const MAX_STEPS = 60;
/** Largest |base-10 exponent| of z accepted (W there is ~2.3e15; e^W and w·e^W stay representable). */
const MAX_EXPONENT = 1e15;
/** Guard digits beyond the requested ones (besides those the condition number near −1/e needs). */
const GUARD = 12;

/**
 * W_branch(z) to `digits` significant digits, z exact. Method and accuracy: see the file header.
 * Throws RangeError for digits outside [10, 1000] and LambertWDomainError outside the domain.
 */
export function lambertW(zIn: Decimal.Value, branch: Branch, digits: number): Decimal {
  const { w } = lambertWWorking(zIn, branch, digits);
  return new (decimalAt(digits))(w.toSignificantDigits(digits));
}

/**
 * What lambertW rounds: W_branch(z) before the final rounding to `digits`, and `correct`, the
 * significant digits it promises, digits + GUARD (its error below 10^(1−correct)·|w|: the iteration's
 * truncation below 10^−(P+1)·|w| and the offset's error amplified by 1/|1 + W| within the condition
 * digits P carries beyond that). Where W = −1 to every requested digit (the offset below
 * 10^−(2·digits+40)) and at W(0) = 0 it is that value with `correct` = digits. Exported for the
 * properties that hold the working precision itself: the guard digits would hide a lost digit
 * from any test of the rounded value.
 */
export function lambertWWorking(zIn: Decimal.Value, branch: Branch, digits: number): { w: Decimal; correct: number; steps: number } {
  checkDigits(digits);
  const out = decimalAt(digits);
  let z: Decimal;
  try {
    z = new Decimal(zIn);
  } catch {
    throw new LambertWDomainError(`z must be a finite number, got ${String(zIn)}`);
  }
  if (!z.isFinite()) throw new LambertWDomainError(`z must be finite, got ${show(z)}`);
  // e^W must stay inside decimal.js's exponent range (±9e15) with room for the iteration
  if (!z.isZero() && Math.abs(z.e) > MAX_EXPONENT) throw new LambertWDomainError(`|z| must lie within 10^±${MAX_EXPONENT}, got ${show(z)}`);
  if (branch !== 0 && branch !== -1) throw new LambertWDomainError(`branch must be 0 or -1, got ${String(branch)}`);
  if (branch === -1 && (z.isZero() || z.isPositive())) throw new LambertWDomainError(`W−1 is defined only for −1/e ≤ z < 0, got z = ${show(z)}`);
  if (z.isZero()) return { w: new out(0), correct: digits, steps: 0 };
  let offset: Decimal | null = null;
  if (z.isNegative()) {
    offset = branchPointOffset(z, digits);
    if (offset.isNegative()) throw new LambertWDomainError(`z = ${show(z)} is below the branch point −1/e; W is not real there`);
    if (offset.isZero() || offset.e < -tinyOffsetDigits(digits)) return { w: new out(-1), correct: digits, steps: 0 };
  }
  // near −1/e the condition number is ~1/|1+W| ≈ 1/|p|: carry that many more digits
  // p = √(2eδ) in decimal only where the branch series starts the iteration (p < 0.3); its
  // float estimate (0 when δ underflows a double) sets the condition digits otherwise
  const pf = offset === null ? Infinity : Math.sqrt(2 * Math.E * offset.toNumber());
  const p = pf < 0.3 ? new (decimalAt(digits + 20))(offset!).times(2).times(eAt(digits + 20)).sqrt() : null;
  const conditionDigits = p ? Math.max(0, 1 - p.e) : pf < 1 ? Math.ceil(-Math.log10(pf)) : 0;
  const P = digits + GUARD + conditionDigits;
  const D = decimalAt(P);
  const zw = new D(z);
  let w: Decimal;
  if (p) {
    w = branchSeries(new D(branch === 0 ? p : p.neg()));
  } else {
    const zf = z.toNumber();
    if (Number.isFinite(zf) && Math.abs(zf) >= 1e-300) {
      w = new D(branch === 0 ? lambertW0f64(Math.max(zf, -E_HI)) : lambertWm1f64(Math.max(zf, -E_HI)));
    } else if (branch === 0 && zw.abs().lt(1)) {
      w = zw; // W0(z) = z − z² + …: relative error |z| < 1e−300
    } else {
      // |z| beyond the double range: ln|z| from z's exponent and leading digits, then the float64
      // fixed-point iterations (relative error ~1e−16 as in the double range)
      const [m, e] = zw.abs().toSignificantDigits(17).toExponential().split('e');
      const L1 = Math.log(Number(m)) + Number(e) * Math.LN10;
      w = new D(branch === 0 ? w0FromLog(L1) : wm1FromLog(L1));
    }
  }
  // One full exponential; after each step e^{w+d} = e^w·e^d with e^d a short series while d is small.
  const eps = powerOfTen(D, -(P + 1));
  let E = new D(fastExp(w, P));
  for (let i = 0; i < MAX_STEPS; i++) {
    const step = reversionStep(w, E, zw, P, digits);
    if (step.done) return { w: step.w, correct: digits + GUARD, steps: i + 1 };
    const d = step.w.minus(w);
    w = step.w;
    E = d.abs().lt(0.01) ? E.times(expSmall(d, eps)) : new D(fastExp(w, P));
  }
  throw new NonConvergenceError(`Lambert W did not converge in ${MAX_STEPS} steps for z = ${show(z)}, branch ${branch}, ${digits} digits`);
}

export const lambertW0 = (z: Decimal.Value, digits: number): Decimal => lambertW(z, 0, digits);
export const lambertWm1 = (z: Decimal.Value, digits: number): Decimal => lambertW(z, -1, digits);

// ------------------------------------------------------------------------------ float64

/**
 * Iterations the float64 W has taken so far (Halley, the branch-point Newton, the fixed-point forms):
 * the header's step counts are a promise about work that the vectors, which see only the doubles,
 * cannot check; properties/lambertw-work.test.ts reads the difference across calls.
 */
let f64Iterations = 0;
// a declaration, not a const arrow: a mutant of the body must take effect when called, not at module load
export function float64Iterations(): number {
  return f64Iterations;
}

/** 1/e = E_HI + E_LO to about 107 bits. */
const E_HI = 0.36787944117144233;
const E_LO = -1.2428753672788363e-17;
const SPLITTER = 134217729; // 2^27 + 1

/**
 * The residual w·E − z (E = e^w already computed) rounded once: Dekker's two-product gives w·E as
 * P + err exactly, and P − z is exact by Sterbenz' lemma when z lies within a factor 2 of P (as it
 * does next to the root). Exported for its property.
 */
export function residual(w: number, E: number, z: number): number {
  const P = w * E;
  let t = SPLITTER * w;
  const wh = t - (t - w), wl = w - wh;
  t = SPLITTER * E;
  const eh = t - (t - E), el = E - eh;
  const err = wh * eh - P + wh * el + wl * eh + wl * el;
  return P - z + err;
}

/**
 * Near the branch point: w = −1 + t with e^{−1}((t−1)e^t + 1) = δ. The left side as the series
 * Σ_{n≥2} t^n (n−1)/n! (no cancellation for t > 0, at most a factor 3 for t < 0; truncated after
 * n = 22, below 1e−18 relative for |t| < 1.5). It is called with t ∈ [0, 0.5) (W0 below
 * −e^{−1/2}/2) and t ∈ (−1.16, 0] (W−1 below −1/4), and Newton from the series start stays there.
 */
function nearBranch(delta: number, t0: number): number {
  let t = t0;
  for (let i = 0; i < 8; i++) {
    f64Iterations++;
    let s = 0;
    for (let n = 22; n >= 2; n--) s = s * t + COEF[n]!;
    const g = s * t * t;
    const slope = t * Math.exp(t); // d/dt[(t−1)e^t + 1]
    const dt = (g - delta * Math.E) / slope;
    t -= dt;
    // Newton leaves ≈ |g''/(2g')|·dt² = |(t+1)/(2t)|·dt²: stop once that is below 1e−17·|w|
    if (Math.abs(((t + 1) / (2 * t)) * dt * dt) <= 1e-17 * Math.abs(t - 1) || Math.abs(dt) <= 1e-17 * Math.abs(t)) break;
  }
  return -1 + t;
}

/** t = W + 1 from the branch-point series in p (the SERIES coefficients without the −1). */
const SERIES_F64 = SERIES.slice(1).map((c) => {
  const [n, d] = c.split('/');
  return Number(n) / Number(d ?? '1');
});
function seriesT(p: number): number {
  let s = 0;
  for (let i = SERIES_F64.length - 1; i >= 0; i--) s = s * p + SERIES_F64[i]!;
  return s * p;
}

const COEF: number[] = (() => {
  const c = new Array<number>(23).fill(0);
  let fact = 1;
  for (let n = 1; n <= 22; n++) {
    fact *= n;
    if (n >= 2) c[n] = (n - 1) / fact;
  }
  return c;
})();

function halley(z: number, w0: number, steps: number): number {
  let w = w0;
  for (let i = 0; i < steps; i++) {
    f64Iterations++;
    const E = Math.exp(w);
    const f = residual(w, E, z);
    if (f === 0) return w;
    const wp1 = w + 1;
    const dw = f / (E * wp1 - ((w + 2) * f) / (2 * wp1));
    w -= dw;
    // the error left is ≈ K·dw³ with K ≤ 7 where this runs (|1 + w| ≥ 1/2): below half an ulp, stop
    if (7 * Math.abs(dw * dw * dw) <= 1.1e-16 * Math.abs(w)) break;
  }
  return w;
}

export function lambertW0f64(z: number): number {
  if (Number.isNaN(z)) throw new LambertWDomainError('z is NaN');
  if (z === Infinity) return Infinity;
  if (z === 0 || Math.abs(z) < 1e-300) return z; // W(z) = z − z² + … : z² is below one ulp
  // below z = −e^{−1/2}/2 (where W0 = −1/2) the t-form is exact to the ulp of w, since |t| < |w|
  if (z < -0.30326532985631671) {
    const delta = (z + E_HI) + E_LO;
    if (delta < 0) {
      if (delta > -2e-17) return -1; // within the rounding of 1/e itself: the double nearest −1/e
      throw new LambertWDomainError(`z = ${z} is below the branch point −1/e; W is not real there`);
    }
    const p = Math.sqrt(2 * Math.E * delta);
    return nearBranch(delta, seriesT(p));
  }
  if (z > 1e100) return w0FromLog(Math.log(z));
  return halley(z, lambertWStartF64(z, 0), 6);
}

/**
 * The start Halley refines where the float64 W takes that path: W0 on (−e^{−1/2}/2, 1e100], W−1 on
 * [−1/4, −1e−200]. Relative error (measured against lambertW0f64/lambertWm1f64 on 20,001 points per
 * range; properties/lambertw pins each bound): W0 below 1 the Padé-like z(1 − z(1 − 1.5z)) (z < 0:
 * 0.13 on (−0.3033, −0.25), 0.061 on [−0.25, 0)) and ln(1+z)(1 − ln(1+ln(1+z))/(2+ln(1+z))) (0.017 on
 * (0, 1)); ½ln z + ½ on [1, 3) (0.12); the asymptotic L1 − L2 + L2/L1 + L2(L2−2)/(2L1²) on [3, 1e100]
 * (0.045); W−1 de Bruijn's series (0.0078 on [−1/4, −1e−3], 3.3e−5 on (−1e−3, −1e−200]).
 * Exported for that property: Halley's steps would hide a worse start.
 */
export function lambertWStartF64(z: number, branch: Branch): number {
  if (branch === -1) return deBruijn(Math.log(-z));
  if (z < 1) return z < 0 ? z * (1 - z * (1 - 1.5 * z)) : Math.log1p(z) * (1 - Math.log1p(Math.log1p(z)) / (2 + Math.log1p(z)));
  const L1 = Math.log(z), L2 = Math.log(L1);
  return z < 3 ? 0.5 * L1 + 0.5 : L1 - L2 + L2 / L1 + (L2 * (L2 - 2)) / (2 * L1 * L1);
}

export function lambertWm1f64(z: number): number {
  if (Number.isNaN(z)) throw new LambertWDomainError('z is NaN');
  if (z >= 0) throw new LambertWDomainError(`W−1 is defined only for −1/e ≤ z < 0, got z = ${z}`);
  const delta = (z + E_HI) + E_LO;
  if (delta < 0) {
    if (delta > -2e-17) return -1;
    throw new LambertWDomainError(`z = ${z} is below the branch point −1/e; W is not real there`);
  }
  if (z < -0.25) {
    const p = -Math.sqrt(2 * Math.E * delta);
    return nearBranch(delta, seriesT(p));
  }
  if (z > -1e-200) return wm1FromLog(Math.log(-z));
  return halley(z, lambertWStartF64(z, -1), 8);
}

/** de Bruijn's asymptotic series for W−1 to third order in L1 = ln(−z) (its accuracy: lambertWStartF64). */
function deBruijn(L1: number): number {
  const L2 = Math.log(-L1);
  return L1 - L2 + L2 / L1 + (L2 * (L2 - 2)) / (2 * L1 * L1) + (L2 * (6 - 9 * L2 + 2 * L2 * L2)) / (6 * L1 * L1 * L1);
}

/**
 * W0(z) from L1 = ln z, for z > 1e100 (also beyond the double range, for the decimal start):
 * w = L1 − ln w is a contraction with factor 1/w < 0.005, and never forms e^w.
 */
function w0FromLog(L1: number): number {
  let w = L1 - Math.log(L1);
  for (let i = 0; i < 12; i++) {
    f64Iterations++;
    const nw = L1 - Math.log(w);
    if (nw === w) break;
    w = nw;
  }
  return w;
}

/** W−1(z) from L1 = ln(−z), for −1e−200 < z < 0 (or smaller): w = L1 − ln(−w), factor 1/|w| < 0.003. */
function wm1FromLog(L1: number): number {
  let w = deBruijn(L1);
  for (let i = 0; i < 10; i++) {
    f64Iterations++;
    const nw = L1 - Math.log(-w);
    if (nw === w) break;
    w = nw;
  }
  return w;
}
