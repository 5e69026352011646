/**
 * App. I (ε → 1⁻): two correlated samples x1 = (1, ε), x2 = (ε, 1) with label +1 (plus orthogonal
 * samples that decouple), x2 forgotten. In this module's terms (theory/logistic2d.ts, r = 1):
 *  - Eq. (8), original:  L_D with A = B = 1/|D|     → config {R, F: |D| − |R|, Rij: 1, α: 1};
 *  - Eq. (10), retrain:  L_R with A = 1/|R|         → config {R, Rij: 1, α: 0};
 *  - Eq. (11), DA:       A = 1/|R|, B = −1/|R|: the paper normalises the forget term by |R| (Eq. (1)
 *    uses |F|), i.e. Eq. (1) with |F| = |R|        → config {R, F: R, Rij: 1, α: 1}.
 * The paper's closed forms, in the readings checked (the OCR is partly garbled):
 *  - Eq. (9):  w1 = w2 = W(2(ε+1)/(λ|D|))/(1+ε). By the symmetry of Eq. (8) the exact solution has
 *    w1 = w2 for every ε, namely W((1+ε)²/(λ|D|))/(1+ε); Eq. (9) is its value at ε = 1, an
 *    O(1−ε) approximation.
 *  - Eq. (12): w1 = W((1+ε²)/(λ|R|))/(1+ε²), w2 = ε·w1 (the OCR's "e+1" read as ε²+1; Eq. (15)'s
 *    "(1+ε)W(·)/(1+ε²)" is w1 + w2 in this reading). Exact for every ε (Lemma 6 with r = 1).
 *  - Eq. (14): with X = −8(ε−1)²/(|R|λ)² (the minus sign restored), w_{1,2} = ¼(W0(X) ± √(−2W0(X))).
 *    Rederived: δ = 1 − ε, s = w1 + w2, d = w1 − w2; Eq. (11) to first order in δ (Eq. (13)) gives
 *    λ|R|s = −2δ·d·e^{−s} and λ|R|d = 2δ·e^{−s}, so s = −d² and d·e^{−d²} = 2δ/(λ|R|); squaring,
 *    −2d²·e^{−2d²} = X, so −2d² = W0(X) (the branch that vanishes with δ). Real only for X ≥ −1/e,
 *    i.e. δ ≤ λ|R|/√(8e), where the first-order equation has a solution; the exact DA minimum
 *    disappears at a fold ε_c, compared here with 1 − λ|R|/√(8e).
 *  - Eq. (15): Δ = (w1 + w2)_DA − (w1 + w2)_R = ½W0(X) − (1+ε)W((1+ε²)/(λ|R|))/(1+ε²), and its
 *    limit −W(2/(λ|R|)) at ε = 1.
 * Method: exact solutions by logistic2d (decimal Newton, DA on its branch of minima), closed forms
 * by Lambert W, at `digits`; errors as plain numbers (they span many orders, not digits).
 */
import { Decimal } from 'decimal.js';
import { decimalAt, lambertW } from './lambertw.ts';
import { NonConvergenceError, daFoldF64, solveConvex, solveDA, type Config2d } from './logistic2d.ts';

export interface AppendixIConfig {
  lambda: string;
  /** |D| of Eq. (8) and |R| of Eqs. (10)–(11) (|D| > |R|: the other samples are orthogonal) */
  D: string;
  R: string;
}

export const originalConfig = (c: AppendixIConfig, eps: string): Config2d => ({ R: c.R, F: new Decimal(c.D).minus(c.R).toString(), Rij: '1', alpha: '1', lambda: c.lambda, eps });
export const retrainConfig = (c: AppendixIConfig, eps: string): Config2d => ({ R: c.R, F: c.R, Rij: '1', alpha: '0', lambda: c.lambda, eps });
export const daConfig = (c: AppendixIConfig, eps: string): Config2d => ({ R: c.R, F: c.R, Rij: '1', alpha: '1', lambda: c.lambda, eps });

export interface AppendixIPoint {
  eps: string;
  delta: number;
  /** |w_D − Eq. (9)| (both coordinates equal by symmetry; the max is taken) */
  eq9Error: number;
  /** max |w_R − Eq. (12)| over the two coordinates */
  eq12Error: number;
  /** max |w_DA − Eq. (14)| over the coordinates, relative to max |w_DA|; null where X < −1/e or DA has no minimum */
  eq14RelError: number | null;
  /** |Δ_exact − Eq. (15)| relative to |Δ_exact|; null as for Eq. (14) */
  eq15RelError: number | null;
  /** |Δ_exact − (−W(2/(λ|R|)))| */
  limitError: number | null;
  /** X = −8δ²/(λ|R|)² */
  X: number;
  daMinimumExists: boolean;
}

export function appendixIPoint(c: AppendixIConfig, eps: string, digits: number): AppendixIPoint {
  const D = decimalAt(digits + 10);
  const e = new D(eps), one = new D(1), lam = new D(c.lambda), nR = new D(c.R), nD = new D(c.D);
  const delta = one.minus(e);
  const W = (z: Decimal): Decimal => lambertW(z, 0, digits + 5);
  const pD = solveConvex('D', originalConfig(c, eps), digits);
  const eq9 = W(e.plus(1).times(2).div(lam.times(nD))).div(e.plus(1));
  const eq9Error = Decimal.max(pD.w1.minus(eq9).abs(), pD.w2.minus(eq9).abs()).toNumber();
  const pR = solveConvex('R', retrainConfig(c, eps), digits);
  const k = e.times(e).plus(1);
  const eq12w1 = W(k.div(lam.times(nR))).div(k);
  const eq12Error = Decimal.max(pR.w1.minus(eq12w1).abs(), pR.w2.minus(e.times(eq12w1)).abs()).toNumber();
  const X = delta.pow(2).times(-8).div(lam.times(nR).pow(2));
  const da = solveDA(daConfig(c, eps), digits, { saddle: false }).minimum;
  const real = X.gte(new D(-1).exp().neg());
  const deltaExact = da && da.w1.plus(da.w2).minus(pR.w1.plus(pR.w2));
  let eq14RelError: number | null = null, eq15RelError: number | null = null;
  if (da && real && deltaExact) {
    const WX = W(X), root = WX.times(-2).sqrt();
    const w1 = WX.plus(root).div(4), w2 = WX.minus(root).div(4);
    eq14RelError = Decimal.max(da.w1.minus(w1).abs(), da.w2.minus(w2).abs()).div(Decimal.max(da.w1.abs(), da.w2.abs())).toNumber();
    const eq15 = WX.div(2).minus(e.plus(1).times(W(k.div(lam.times(nR)))).div(k));
    eq15RelError = deltaExact.minus(eq15).abs().div(deltaExact.abs()).toNumber();
  }
  const limitError = deltaExact && deltaExact.plus(W(new D(2).div(lam.times(nR)))).abs().toNumber();
  return { eps, delta: delta.toNumber(), eq9Error, eq12Error, eq14RelError, eq15RelError, limitError, X: X.toNumber(), daMinimumExists: da !== null };
}

/**
 * The ε below which the exact DA problem of Eq. (11) has no minimum (its fold at α = 1 moves with
 * ε), by bisection in float64 on "α_fold(ε) > 1", to 1e−12; null if DA has a minimum on all of
 * [εLo, 1). Assumes one crossing on the bracket (the grid of 64 points before bisecting checks it:
 * more than one change of existence throws).
 */
export function daExistenceThreshold(c: AppendixIConfig, epsLo = 1e-3): number | null {
  const exists = (eps: number): boolean => daFoldF64(daConfig(c, String(eps))).alpha > 1;
  const grid = Array.from({ length: 64 }, (_, i) => epsLo + ((1 - 1e-9 - epsLo) * i) / 63);
  const ex = grid.map(exists);
  const changes = ex.filter((v, i) => i > 0 && v !== ex[i - 1]).length;
  if (changes > 1) throw new Error(`DA's minimum appears and disappears more than once in ε: ${JSON.stringify(c)}`);
  if (changes === 0) return ex[0] ? null : 1;
  const i = ex.findIndex((v) => v);
  let lo = grid[i - 1]!, hi = grid[i]!;
  for (let it = 0; hi - lo > 1e-12; it++) {
    if (it >= 200) throw new NonConvergenceError(`App. I: bisection in ε did not close in 200 steps on [${lo}, ${hi}]`);
    const m = 0.5 * (lo + hi);
    if (exists(m)) hi = m;
    else lo = m;
  }
  return 0.5 * (lo + hi);
}

/** The threshold Eq. (14) implies: X ≥ −1/e ⇔ 1 − ε ≤ λ|R|/√(8e). */
export const eq14Threshold = (c: AppendixIConfig): number => 1 - (Number(c.lambda) * Number(c.R)) / Math.sqrt(8 * Math.E);

/**
 * The observed order of convergence between successive δ (log10 of the error ratio per decade of
 * δ): ≈ 1 for an O(δ) error, ≈ 2 for O(δ²).
 */
export function observedOrders(deltas: number[], errors: (number | null)[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i + 1 < deltas.length; i++) {
    // a missing error reads as NaN, which fails the positivity tests like 0 and negatives do
    const a = errors[i] ?? NaN, b = errors[i + 1] ?? NaN;
    out.push(a > 0 && b > 0 ? Math.log(a / b) / Math.log(deltas[i]! / deltas[i + 1]!) : null);
  }
  return out;
}
