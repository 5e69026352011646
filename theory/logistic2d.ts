/**
 * The 2-D cross-dimensional setting (Sec. 5.1.2, App. H) exactly: a retain group of r = |R_ij|
 * samples x = (1, ε) and a forget group of α·r samples x = (ε, 1), labels +1, 0 < ε < 1; |R|, |F|
 * are the whole sets' sizes (|D| = |R| + |F|). Restricted to (w1, w2) every objective of Eq. (1) is
 *     L(w) = A·e^{−x} + B·e^{−y} + (λ/2)(w1² + w2²),   x = w1 + εw2,  y = εw1 + w2,
 * (A, B) = (r/|D|, αr/|D|) for L_D, (r/|R|, 0) for L_R, (r/|R|, −αr/|F|) for L_DA. With a = A·e^{−x},
 * b = B·e^{−y}, v1 = (1, ε), v2 = (ε, 1):
 *     ∇L = λw − a·v1 − b·v2,     H = λI + a·v1v1ᵀ + b·v2v2ᵀ.
 * These are App. H's stationarity equations (w1 = (1/λ)(a + εb), w2 = (1/λ)(εa + b)); the property
 * test checks them against mathjs's symbolic derivatives of Eq. (1).
 *
 * Reduction to one equation (used for starts, brackets and the fold; never as the final answer).
 * With k = 1+ε², q = (1−ε²)² = k² − 4ε², ∇L = 0 ⇔ λ(x, y) = [[k, 2ε], [2ε, k]]·(a, b), whose
 * inverse gives a = λ(kx − 2εy)/q and b = λ(ky − 2εx)/q. The first fixes y as a function of x,
 *     y(x) = (kx − q·A·e^{−x}/λ)/(2ε),   y′(x) = (k + qAe^{−x}/λ)/(2ε) > 0,
 * and the second becomes B·e^{−y(x)} + P(x) = 0 with P(x) = (kAe^{−x} − λx)/(2ε) (P′ < 0, root
 * x_P = W(kA/λ)). Stationary points of L are in one-to-one correspondence with its roots:
 *  - B = 0 (L_R): P(x) = 0, one root, x = x_P: Lemma 6 (but L_R is solved by Newton, not by W).
 *  - B > 0 (L_D): needs P < 0 (x > x_P); ln B − y − ln(−P) is strictly decreasing: one root.
 *  - B < 0 (L_DA): needs P > 0 (x < x_P) and β(x) := P(x)·e^{y(x)} = −B = αr/|F|. β → 0 at x_P and
 *    at −∞, and (ln β)′ = y′ + P′/P has exactly one zero x* on (−∞, x_P): with E = Ae^{−x},
 *    φ = (k + qE/λ)(kE − λx) − 2ε(kE + λ) has the sign of (ln β)′ and
 *    φ′ = −qE(kE − λx)/λ − qE²k/λ − qE − kλ − kE(1−ε)² < 0. So β rises on (−∞, x*), falls on
 *    (x*, x_P): for 0 < α < α_fold = (|F|/r)·β(x*) DA has exactly two stationary points, at α_fold
 *    one (degenerate), above it none. H = λI + a v1v1ᵀ + b v2v2ᵀ with one negative rank-one term has
 *    at most one negative eigenvalue, so DA has no maximum: the right root (x* < x < x_P) is the local
 *    minimum (the branch that starts at L_R's minimum when α = 0), the left one a saddle. α_fold is
 *    the fold of the branch: along the curve of stationary points α(x) = (|F|/r)β(x), and dα/dx = 0
 *    exactly where ∇L = 0 has a singular Jacobian, i.e. det H = 0 (implicit function theorem);
 *    daFold reports det H there as a check. This is the extended system {∇L = 0, det H = 0}
 *    reduced to the single monotone equation φ(x) = 0.
 *  - Coordinates: w1 = (x − εy)/(1−ε²), w2 = (y − εx)/(1−ε²). Also λ(w1 − w2) = (1−ε)(a − b), so
 *    x − y = (1−ε)(w1 − w2) > 0 at every DA stationary point (a > 0 > b) and at L_R's (b = 0).
 *
 * Methods.
 *  - Decimal (solveConvex, solveDA, daFold, solve2d): at `digits` + GUARD significant digits.
 *    Newton on ∇L = 0 in w-space with the analytic Hessian: each iteration solves H·d = −∇L;
 *    converged when every |d_i| ≤ 10^−(digits+2)·max(|w_i|, 10^−digits·‖w‖∞) (the step just taken is
 *    then applied: quadratic convergence leaves an error ≪ the step) within 40 iterations; a singular
 *    H, a non-finite iterate or the cap throws NonConvergenceError: never a point. Starts: L_D and
 *    L_R from a float64 damped Newton (Armijo backtracking on the strictly convex L, globally
 *    convergent); DA from the float64 root of its reduced equation on the known branch. A DA
 *    result is accepted only if its Hessian says min and it lies on the branch (x > x*); else the
 *    reduced equation is solved in decimal (bracketed, logistic1d's bisectRoot) and Newton rerun.
 *  - The fold: φ(x) = 0 by Newton in decimal from its float64 root (bisection on a verified bracket
 *    if Newton fails); α_fold = (|F|/r)β(x*) is stationary in x*, so it is accurate to the working
 *    precision.
 *  - Classification by the Hessian at the point: det > 0 and trace > 0 ⇒ min, det > 0 and trace < 0
 *    ⇒ max, det < 0 ⇒ saddle, |det| ≤ 10^−(digits−5)·(h11h22 + h12²) ⇒ degenerate (only at a fold).
 *  - Float64 (minimizeConvexF64, daFoldF64, daPointF64, continueDA) for sweeps: continuation in α along DA's branch of minima
 *    from α = 0 (L_R's minimum) with a tangent predictor (dw/dα = −H⁻¹∂∇L/∂α), a Newton corrector
 *    and step control (halve on failure or on leaving the branch, grow ×2 after easy steps); it
 *    never steps past α_fold, which daFoldF64 gives to ~1e−15 relative. Agreement with the decimal
 *    solutions is a property test.
 * Accuracy: decimal results to `digits` significant digits (relative to each coordinate); float64
 * ones to ~1e−12 relative away from the fold.
 */
import { Decimal } from 'decimal.js';
import { LambertWDomainError, decimalAt, lambertW, lambertW0f64 } from './lambertw.ts';
import { fastExp } from './decimalExp.ts';
import { GUARD, bisectRoot } from './logistic1d.ts';

/** One 2-D configuration; exact decimals (strings keep CLI inputs exact). */
export interface Config2d {
  R: Decimal.Value;
  F: Decimal.Value;
  Rij: Decimal.Value;
  alpha: Decimal.Value;
  lambda: Decimal.Value;
  eps: Decimal.Value;
}
/** A configuration without α: what the fold and the paper's α-thresholds depend on. */
export type Setting2d = Omit<Config2d, 'alpha'>;

export type Objective2d = 'D' | 'R' | 'DA';
export type Kind2d = 'min' | 'max' | 'saddle' | 'degenerate';

export interface Point2d {
  w1: Decimal;
  w2: Decimal;
  x: Decimal;
  y: Decimal;
  kind: Kind2d;
  /** det H and trace H at the point, the basis of `kind` */
  detH: Decimal;
  traceH: Decimal;
  /** max-norm of ∇L at the last evaluated iterate, relative to the size of its terms */
  relResidual: Decimal;
  iterations: number;
}

import { NonConvergenceError } from './errors.ts';

export { NonConvergenceError };

/**
 * Test seam: factors applied to every Hessian entry the solvers use (float64 and decimal), so a
 * test can plant a wrong Hessian and see a solve throw NonConvergenceError instead of hanging
 * (issue 12, bug class (e)). Only withHessianSeam sets it, for the duration of one call.
 */
export interface HessianSeam {
  h11?: number;
  h12?: number;
  h22?: number;
}
let hessianSeam: HessianSeam | null = null;

/** Runs `f` with every Hessian entry scaled by `seam` (tests only), restoring the true Hessian after. */
export function withHessianSeam<T>(seam: HessianSeam, f: () => T): T {
  const before = hessianSeam;
  hessianSeam = seam;
  try {
    return f();
  } finally {
    hessianSeam = before;
  }
}

/** Continuation limits: corrector solves per call, and the least step relative to α_fold. */
export const CONTINUATION_MAX_STEPS = 20000;
export const CONTINUATION_MIN_STEP = 1e-15;

/** Why a configuration is outside the setting, or null. The CLI words its own messages per flag. */
export function configProblem2d(c: Config2d): string | null {
  const d = (v: Decimal.Value): Decimal => new Decimal(v);
  for (const k of ['R', 'F', 'Rij'] as const) if (!d(c[k]).isInteger() || !d(c[k]).gt(0)) return `${k} must be a positive integer`;
  if (d(c.Rij).gt(c.R)) return '|R_ij| must not exceed |R|';
  if (!d(c.alpha).gte(0)) return 'α must be ≥ 0';
  if (d(c.alpha).times(c.Rij).gt(c.F)) return 'α·|R_ij| must not exceed |F|';
  if (!d(c.lambda).gt(0)) return 'λ must be > 0';
  if (!(d(c.eps).gt(0) && d(c.eps).lt(1))) return 'ε must lie in (0, 1)';
  return null;
}

function assertConfig(c: Config2d): void {
  const p = configProblem2d(c);
  if (p) throw new RangeError(`2-D configuration: ${p} (${JSON.stringify(c)})`);
}

// ---------------------------------------------------------------- float64 kernel

export interface CoeffsF64 {
  A: number;
  B: number;
  eps: number;
  lambda: number;
}

export function coefficientsF64(obj: Objective2d, c: Config2d): CoeffsF64 {
  const [R, F, r, alpha, lambda, eps] = [c.R, c.F, c.Rij, c.alpha, c.lambda, c.eps].map(Number) as [number, number, number, number, number, number];
  const base = { eps, lambda };
  if (obj === 'D') return { ...base, A: r / (R + F), B: (alpha * r) / (R + F) };
  if (obj === 'R') return { ...base, A: r / R, B: 0 };
  if (obj === 'DA') return { ...base, A: r / R, B: -(alpha * r) / F };
  return unknownObjective(obj);
}

// an objective name from outside the type (a cast, a CLI string) must not fall through to DA's coefficients
function unknownObjective(obj: never): never {
  throw new RangeError(`unknown 2-D objective ${JSON.stringify(obj)} (allowed: 'D', 'R', 'DA')`);
}

export interface GradHessF64 {
  g1: number;
  g2: number;
  h11: number;
  h12: number;
  h22: number;
  /** det H */
  det: number;
  /** the Newton step −H⁻¹∇L */
  d1: number;
  d2: number;
}

/**
 * ∇L, H, det H and the Newton step −H⁻¹∇L at (w1, w2) in float64 (B = 0 skips its term: 0·∞ must
 * not become NaN). det H and H·adj(∇L) are expanded so that the a², b² terms cancel symbolically:
 *   det H = ab(1−ε²)² + λ(1+ε²)(a+b) + λ²,
 *   N1 = −ab(1−ε)²(1+ε) + aλ(ε²w1 − εw2 − 1) + bλ(w1 − εw2 − ε) + λ²w1,  d1 = −N1/det H,
 *   N2 = −ab(1−ε)²(1+ε) − aλ(εw1 + ε − w2) − bλ(εw1 + 1 − ε²w2) + λ²w2,  d2 = −N2/det H
 * (a = A e^{−x}, b = B e^{−y}). Formed from the entries, h11h22 − h12² cancels ε²a² against ε²a²:
 * with a ~ 1e12 and λ ~ 1e−4 it keeps no correct digit, and the "Newton" step it gives is an ascent
 * direction. Under the Hessian seam, det and step follow the planted entries.
 */
export function gradHessF64(k: CoeffsF64, w1: number, w2: number): GradHessF64 {
  const e = k.eps, l = k.lambda;
  const a = k.A * Math.exp(-(w1 + e * w2));
  const b = k.B === 0 ? 0 : k.B * Math.exp(-(e * w1 + w2));
  const g1 = l * w1 - a - e * b, g2 = l * w2 - e * a - b;
  const h11 = a + e * e * b + l, h12 = e * (a + b), h22 = e * e * a + b + l;
  if (hessianSeam) {
    const [s11, s12, s22] = [h11 * (hessianSeam.h11 ?? 1), h12 * (hessianSeam.h12 ?? 1), h22 * (hessianSeam.h22 ?? 1)];
    const det = s11 * s22 - s12 * s12;
    return { g1, g2, h11: s11, h12: s12, h22: s22, det, d1: -(s22 * g1 - s12 * g2) / det, d2: -(s11 * g2 - s12 * g1) / det };
  }
  const ab = a * b, m = 1 - e * e, cross = ab * (1 - e) * m;
  const det = ab * m * m + l * (1 + e * e) * (a + b) + l * l;
  const n1 = -cross + a * l * (e * e * w1 - e * w2 - 1) + b * l * (w1 - e * w2 - e) + l * l * w1;
  const n2 = -cross - a * l * (e * w1 + e - w2) - b * l * (e * w1 + 1 - e * e * w2) + l * l * w2;
  return { g1, g2, h11, h12, h22, det, d1: -n1 / det, d2: -n2 / det };
}

function lossF64(k: CoeffsF64, w1: number, w2: number): number {
  const e = k.eps;
  const b = k.B === 0 ? 0 : k.B * Math.exp(-(e * w1 + w2));
  return k.A * Math.exp(-(w1 + e * w2)) + b + (k.lambda / 2) * (w1 * w1 + w2 * w2);
}

export interface WF64 {
  w1: number;
  w2: number;
}

/**
 * The minimum of a strictly convex L (B ≥ 0) by Newton with Armijo backtracking: globally
 * convergent; null if 200 iterations or a step below 2^−60 do not reach |d| ≤ 1e−13·(1 + |w|).
 */
export function minimizeConvexF64(k: CoeffsF64, start: WF64 = { w1: 0, w2: 0 }): WF64 | null {
  if (k.B < 0) throw new RangeError('minimizeConvexF64 needs B ≥ 0 (a convex objective)');
  let { w1, w2 } = start;
  let f = lossF64(k, w1, w2);
  for (let it = 0; it < 200; it++) {
    const t = gradHessF64(k, w1, w2);
    const { d1, d2 } = t;
    // a non-finite step fails the slope test below (NaN, or an infinite trial point Armijo never accepts)
    if (Math.max(Math.abs(d1), Math.abs(d2)) <= 1e-13 * (1 + Math.max(Math.abs(w1), Math.abs(w2)))) return { w1: w1 + d1, w2: w2 + d2 };
    const slope = t.g1 * d1 + t.g2 * d2;
    // H is positive definite, so the Newton step descends; a step that does not is rounding's, and no
    // step length would make it a descent: give up rather than let Armijo accept an ascent
    if (!(slope < 0)) return null;
    let s = 1;
    for (;;) {
      const n1 = w1 + s * d1, n2 = w2 + s * d2, fn = lossF64(k, n1, n2);
      if (fn <= f + 1e-4 * s * slope || (s === 1 && Math.abs(fn - f) <= 1e-15 * Math.abs(f))) {
        w1 = n1;
        w2 = n2;
        f = fn;
        break;
      }
      s /= 2;
      if (s < 2 ** -60) return null;
    }
  }
  return null;
}

/** w from the coordinates (x, y): the inverse of x = w1 + εw2, y = εw1 + w2. */
export function wFromXY(x: number, y: number, eps: number): WF64 {
  const d = 1 - eps * eps;
  return { w1: (x - eps * y) / d, w2: (y - eps * x) / d };
}

/** The reduced DA equation in float64, in logs (β spans hundreds of orders of magnitude). */
interface DaReducedF64 {
  A: number;
  lambda: number;
  eps: number;
  k: number;
  q: number;
  /** r/|F|: β = α·r/|F| */
  perAlpha: number;
  xP: number;
}

function daReducedF64(s: Setting2d): DaReducedF64 {
  const [R, F, r, lambda, eps] = [s.R, s.F, s.Rij, s.lambda, s.eps].map(Number) as [number, number, number, number, number];
  const A = r / R, k = 1 + eps * eps, q = (1 - eps * eps) ** 2;
  return { A, lambda, eps, k, q, perAlpha: r / F, xP: lambertW0f64((k * A) / lambda) };
}

const yOfF64 = (m: DaReducedF64, x: number): number => (m.k * x - (m.q * m.A * Math.exp(-x)) / m.lambda) / (2 * m.eps);
const lnBetaF64 = (m: DaReducedF64, x: number): number => Math.log((m.k * m.A * Math.exp(-x) - m.lambda * x) / (2 * m.eps)) + yOfF64(m, x);
/** (ln β)′: positive left of x*, negative right of it. */
function dLnBetaF64(m: DaReducedF64, x: number): number {
  const E = m.A * Math.exp(-x);
  return (m.k + (m.q * E) / m.lambda) / (2 * m.eps) - (m.k * E + m.lambda) / (m.k * E - m.lambda * x);
}

/**
 * A root of f on [lo, hi] (f(lo), f(hi) of opposite signs, either may be ±∞) by bisection
 * interleaved with secant steps kept inside the bracket, to 4 ulp of the bracket; NonConvergenceError
 * after 300 steps (exported for its properties).
 */
export function rootF64(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo, b = hi, fa = f(a), fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Number.isNaN(fa) || Number.isNaN(fb) || Math.sign(fa) === Math.sign(fb)) throw new NonConvergenceError(`float64 root: no sign change on [${lo}, ${hi}]`);
  for (let i = 0; i < 300; i++) {
    let m = 0.5 * (a + b);
    if (i % 2 === 1 && Number.isFinite(fa) && Number.isFinite(fb)) {
      const s = b - (fb * (b - a)) / (fb - fa);
      if (s > Math.min(a, b) && s < Math.max(a, b)) m = s;
    }
    const fm = f(m);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fa)) {
      a = m;
      fa = fm;
    } else {
      b = m;
      fb = fm;
    }
    if (Math.abs(b - a) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE)) return 0.5 * (a + b);
  }
  throw new NonConvergenceError(`float64 root: bracket [${a}, ${b}] still wider than 4 ulp after 300 steps (from [${lo}, ${hi}])`);
}

/** A point left of x_P where f > 0 (f → +∞ at −∞ by the monotonicity above), by doubling steps. */
function leftBracket(f: (x: number) => number, from: number): number {
  let step = 1;
  let x = from - step;
  while (!(f(x) > 0)) {
    step *= 2;
    x = from - step;
    if (step > 1e6) throw new NonConvergenceError('no left bracket within 1e6 of x_P');
  }
  return x;
}

export interface FoldF64 {
  /** x* (the reduced coordinate where the branch folds) and α_fold */
  x: number;
  alpha: number;
}

/** DA's fold in float64: the zero of (ln β)′ on (−∞, x_P), and α_fold = (|F|/r)·β(x*). */
export function daFoldF64(s: Setting2d): FoldF64 {
  const m = daReducedF64(s);
  const hi = m.xP - 1e-9 * Math.max(1, Math.abs(m.xP));
  const lo = leftBracket((x) => dLnBetaF64(m, x), Math.min(hi, m.xP - 1e-6));
  const x = rootF64((t) => dLnBetaF64(m, t), lo, hi);
  return { x, alpha: Math.exp(lnBetaF64(m, x)) / m.perAlpha };
}

/**
 * DA's stationary point at α on one side of the fold, in float64: the root of ln β(x) = ln(αr/|F|)
 * on (x*, x_P) ('min') or (−∞, x*) ('saddle'); null if α ≥ α_fold (no such point). α = 0 gives L_R's.
 */
export function daPointF64(s: Setting2d, alpha: number, side: 'min' | 'saddle', fold: FoldF64 = daFoldF64(s)): WF64 | null {
  const m = daReducedF64(s);
  if (!(alpha < fold.alpha)) return null;
  if (alpha === 0) return side === 'min' ? wFromXY(m.xP, yOfF64(m, m.xP), m.eps) : null;
  const target = Math.log(alpha * m.perAlpha);
  const G = (x: number): number => (x >= m.xP ? -Infinity : lnBetaF64(m, x) - target);
  let x: number;
  if (side === 'min') x = rootF64(G, fold.x, m.xP);
  else {
    const neg = (t: number): number => -G(t);
    x = rootF64(G, leftBracket(neg, fold.x), fold.x);
  }
  return wFromXY(x, yOfF64(m, x), m.eps);
}

export interface ContinuationF64 {
  /** DA's local minimum at each requested α (ascending), null at and beyond the fold */
  states: (WF64 | null)[];
  foldAlpha: number;
  /** corrector solves taken (accepted + rejected) */
  steps: number;
}

/**
 * The branch's tangent dw/dα at a stationary point w of L_DA at α, in float64: −H⁻¹·∂∇L/∂α with
 * ∂∇L/∂α = (r/|F|)·e^{−y}·(ε, 1) (the predictor of continueDA; exported for its property).
 */
export function daTangentF64(s: Setting2d, alpha: number, w: WF64): WF64 {
  return tangentAt(coefficientsF64('DA', { ...s, alpha: 0 }), Number(s.Rij) / Number(s.F), alpha, w);
}

/** daTangentF64 from DA's α = 0 coefficients and r/|F|, which continueDA holds across its steps. */
function tangentAt(base: CoeffsF64, perAlpha: number, alpha: number, w: WF64): WF64 {
  const t = gradHessF64({ ...base, B: -alpha * perAlpha }, w.w1, w.w2);
  const ey = Math.exp(-(base.eps * w.w1 + w.w2)) * perAlpha;
  const [p1, p2] = [base.eps * ey, ey];
  return { w1: -(t.h22 * p1 - t.h12 * p2) / t.det, w2: -(t.h11 * p2 - t.h12 * p1) / t.det };
}

/**
 * Continuation in α of DA's branch of minima from α = 0 (L_R's minimum) to each requested α
 * (ascending). Predictor: w + h·dw/dα with dw/dα = −H⁻¹·∂∇L/∂α, ∂∇L/∂α = (r/|F|)e^{−y}(ε, 1).
 * Corrector: Newton (≤ 12 iterations, see newtonF64). A step is accepted if Newton converged to a
 * point with H positive definite; otherwise h halves. The first step is α_fold/16, and h doubles
 * after a corrector that converged within 4 iterations. The corrector certifies steps up to the fold:
 * on 150 random settings (properties' setting2d) it reached α_fold·(1 − ε) for ε = 1e−12, 1e−14, 1e−15
 * and 2e−16 every time (a fallback to the bracketed reduced equation that was here below 1e−12·α_fold
 * was never taken, and is gone). α at or beyond the fold gives null without stepping. Throws
 * NonConvergenceError after CONTINUATION_MAX_STEPS corrector solves or when the step falls below
 * CONTINUATION_MIN_STEP·α_fold (a corrector that never converges, e.g. a wrong Hessian, would
 * otherwise halve the step forever).
 */
export function continueDA(s: Setting2d, alphas: readonly number[], fold: FoldF64 = daFoldF64(s)): ContinuationF64 {
  const base = coefficientsF64('DA', { ...s, alpha: 0 });
  const perAlpha = Number(s.Rij) / Number(s.F);
  let w = minimizeConvexF64({ ...base, B: 0 });
  if (!w) throw new NonConvergenceError(`L_R's minimum did not converge (float64): ${JSON.stringify(s)}`);
  let at = 0, h = fold.alpha / 16, steps = 0;
  const states: (WF64 | null)[] = [];
  for (const target of alphas) {
    if (target < at) throw new RangeError('continueDA needs ascending α');
    if (!(target < fold.alpha)) {
      states.push(null);
      continue;
    }
    while (at < target) {
      // a wrong Hessian (or a lost branch) shows as ever smaller steps: fail loudly, never hang
      if (steps >= CONTINUATION_MAX_STEPS) throw new NonConvergenceError(`continuation: ${steps} corrector solves without reaching α = ${target} (at ${at}, fold ${fold.alpha}): ${JSON.stringify(s)}`);
      if (h < CONTINUATION_MIN_STEP * fold.alpha) throw new NonConvergenceError(`continuation: step ${h} below ${CONTINUATION_MIN_STEP} of α_fold at α = ${at} (fold ${fold.alpha}): ${JSON.stringify(s)}`);
      const next = Math.min(target, at + h);
      const dw = tangentAt(base, perAlpha, at, w);
      const corrected = newtonF64({ ...base, B: -next * perAlpha }, { w1: w.w1 + (next - at) * dw.w1, w2: w.w2 + (next - at) * dw.w2 });
      steps++;
      if (corrected) {
        w = corrected.w;
        h = corrected.iterations <= 4 ? h * 2 : h;
        at = next;
      } else h /= 2;
    }
    states.push({ ...w });
  }
  return { states, foldAlpha: fold.alpha, steps };
}

/**
 * Plain Newton in float64 (≤ 12 iterations; continueDA's corrector, exported for its properties),
 * accepted only at a point with H positive definite (a local minimum): null from a start that
 * converges to a saddle, that does not converge, or whose iterate leaves float64 (an infinite w would
 * pass the step test, its bound being infinite too). Converged when |d| ≤ max(1e−13, 1e−15·cond(H))·(1 + |w|):
 * near the fold H is ill-conditioned and float64 cannot resolve w better than ~1e−16·cond(H).
 */
export function newtonF64(k: CoeffsF64, start: WF64): { w: WF64; iterations: number } | null {
  let { w1, w2 } = start;
  for (let it = 1; it <= 12; it++) {
    const t = gradHessF64(k, w1, w2);
    const { det, d1, d2 } = t;
    const cond = (Math.abs(t.h11) + Math.abs(t.h22)) ** 2 / Math.abs(det);
    w1 += d1;
    w2 += d2;
    if (!Number.isFinite(w1) || !Number.isFinite(w2)) return null;
    if (Math.max(Math.abs(d1), Math.abs(d2)) <= Math.max(1e-13, 1e-15 * cond) * (1 + Math.max(Math.abs(w1), Math.abs(w2)))) {
      const e = gradHessF64(k, w1, w2);
      return e.det > 0 && e.h11 > 0 ? { w: { w1, w2 }, iterations: it } : null;
    }
  }
  return null;
}

// ---------------------------------------------------------------- decimal

interface Dec {
  obj: Objective2d;
  c: Config2d;
  D: typeof Decimal;
  P: number;
  digits: number;
  A: Decimal;
  B: Decimal;
  eps: Decimal;
  lambda: Decimal;
  k: Decimal;
  q: Decimal;
}

/**
 * Working digits to add beyond GUARD when `lost` digits are lost to conditioning: none while GUARD
 * covers them, else rounded up to a multiple of 10 (each precision builds its own exp tables).
 */
function extraDigits(lost: number): number {
  return lost <= GUARD - 4 ? 0 : Math.ceil(lost / 10) * 10;
}

/** Coefficients at digits + GUARD + `extra` working digits (extra: for ill-conditioned points). */
function decimalCoefficients(obj: Objective2d, c: Config2d, digits: number, extra = 0): Dec {
  const P = digits + GUARD + extra;
  const D = decimalAt(P);
  const r = new D(c.Rij), alpha = new D(c.alpha), eps = new D(c.eps), lambda = new D(c.lambda);
  const Dn = new D(c.R).plus(c.F);
  const [A, B] = obj === 'D' ? [r.div(Dn), alpha.times(r).div(Dn)] : obj === 'R' ? [r.div(c.R), new D(0)] : obj === 'DA' ? [r.div(c.R), alpha.times(r).div(c.F).neg()] : unknownObjective(obj);
  const e2 = eps.times(eps);
  return { obj, c, D, P, digits, A, B, eps, lambda, k: e2.plus(1), q: new D(1).minus(e2).pow(2) };
}

interface Terms {
  x: Decimal;
  y: Decimal;
  a: Decimal;
  b: Decimal;
  g1: Decimal;
  g2: Decimal;
  h11: Decimal;
  h12: Decimal;
  h22: Decimal;
}

function termsAt(dc: Dec, w1: Decimal, w2: Decimal): Terms {
  const { eps, lambda } = dc;
  const x = w1.plus(eps.times(w2)), y = eps.times(w1).plus(w2);
  const a = dc.A.times(fastExp(x.neg(), dc.P));
  const b = dc.B.isZero() ? new dc.D(0) : dc.B.times(fastExp(y.neg(), dc.P));
  const e2 = eps.times(eps);
  const t = {
    x, y, a, b,
    g1: lambda.times(w1).minus(a).minus(eps.times(b)),
    g2: lambda.times(w2).minus(eps.times(a)).minus(b),
    h11: a.plus(e2.times(b)).plus(lambda),
    h12: eps.times(a.plus(b)),
    h22: e2.times(a).plus(b).plus(lambda),
  };
  if (hessianSeam) {
    t.h11 = t.h11.times(hessianSeam.h11 ?? 1);
    t.h12 = t.h12.times(hessianSeam.h12 ?? 1);
    t.h22 = t.h22.times(hessianSeam.h22 ?? 1);
  }
  return t;
}

/** ∇L and H at (w1, w2) in decimal at `digits` + GUARD (the kernel every decimal solve uses). */
export function gradHess2d(obj: Objective2d, c: Config2d, w1: Decimal.Value, w2: Decimal.Value, digits: number): { g1: Decimal; g2: Decimal; h11: Decimal; h12: Decimal; h22: Decimal } {
  const dc = decimalCoefficients(obj, c, digits);
  const t = termsAt(dc, new dc.D(w1), new dc.D(w2));
  return { g1: t.g1, g2: t.g2, h11: t.h11, h12: t.h12, h22: t.h22 };
}

function classify(t: Terms, digits: number): { kind: Kind2d; det: Decimal; trace: Decimal } {
  const det = t.h11.times(t.h22).minus(t.h12.times(t.h12));
  const trace = t.h11.plus(t.h22);
  const scale = t.h11.times(t.h22).abs().plus(t.h12.times(t.h12));
  const kind: Kind2d = det.abs().lte(scale.times(new Decimal(10).pow(-(digits - 5)))) ? 'degenerate' : det.lt(0) ? 'saddle' : trace.gt(0) ? 'min' : 'max';
  return { kind, det, trace };
}

/**
 * Newton on ∇L = 0 in w-space (criteria in the header); throws NonConvergenceError. Near a fold H
 * is nearly singular and the attainable accuracy is 10^−P·cond(H): when cond(H) would eat into the
 * requested digits, the solve restarts with that many more working digits (up to 200 more).
 */
function newtonDecimal(dc: Dec, start: { w1: Decimal.Value; w2: Decimal.Value }, label: string): Point2d {
  const { D, digits } = dc;
  let w1 = new D(start.w1), w2 = new D(start.w2);
  const tol = new D(10).pow(-(digits + 2));
  const floor = new D(10).pow(-digits);
  for (let it = 1; it <= 40; it++) {
    const t = termsAt(dc, w1, w2);
    const det = t.h11.times(t.h22).minus(t.h12.times(t.h12));
    if (det.isZero() || !det.isFinite()) throw new NonConvergenceError(`${label}: singular Hessian at iteration ${it}`);
    if (it === 1) {
      const cond = t.h11.abs().plus(t.h22.abs()).pow(2).div(det.abs());
      const need = Math.log10(Math.max(1, cond.toNumber())) + 4;
      if (need > dc.P - digits) {
        if (need > 200) throw new NonConvergenceError(`${label}: Hessian condition number ${cond.toSignificantDigits(3)} too large`);
        return newtonDecimal(decimalCoefficients(dc.obj, dc.c, digits, extraDigits(need)), start, label);
      }
    }
    const d1 = t.h22.times(t.g1).minus(t.h12.times(t.g2)).div(det).neg();
    const d2 = t.h11.times(t.g2).minus(t.h12.times(t.g1)).div(det).neg();
    const wmax = Decimal.max(w1.abs(), w2.abs());
    const small = (d: Decimal, w: Decimal): boolean => d.abs().lte(tol.times(Decimal.max(w.abs(), floor.times(wmax))));
    const done = small(d1, w1) && small(d2, w2);
    w1 = w1.plus(d1);
    w2 = w2.plus(d2);
    if (!w1.isFinite() || !w2.isFinite()) throw new NonConvergenceError(`${label}: non-finite iterate at iteration ${it}`);
    if (done) {
      const { kind, det: dt, trace } = classify(t, digits);
      const out = decimalAt(digits);
      const r = (v: Decimal): Decimal => new out(v.toSignificantDigits(digits));
      const size = dc.lambda.times(wmax).plus(t.a.abs()).plus(t.b.abs());
      return {
        w1: r(w1), w2: r(w2), x: r(w1.plus(dc.eps.times(w2))), y: r(dc.eps.times(w1).plus(w2)), kind,
        detH: r(dt), traceH: r(trace), relResidual: new out(Decimal.max(t.g1.abs(), t.g2.abs()).div(size).toSignificantDigits(3)), iterations: it,
      };
    }
  }
  throw new NonConvergenceError(`${label}: Newton did not converge in 40 iterations`);
}

const labelOf = (obj: Objective2d, c: Config2d): string => `L_${obj} at ${JSON.stringify(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)])))}`;

/** The unique minimum of the strictly convex L_D or L_R (Hessian λI + PSD), at `digits`. */
export function solveConvex(obj: 'D' | 'R', c: Config2d, digits: number): Point2d {
  assertConfig(c);
  const start = minimizeConvexF64(coefficientsF64(obj, c));
  if (!start) throw new NonConvergenceError(`${labelOf(obj, c)}: float64 damped Newton did not converge`);
  return newtonDecimal(decimalCoefficients(obj, c, digits), start, labelOf(obj, c));
}

export interface DaFold {
  /** α where DA's branch of minima ends: below it a minimum and a saddle, above it no stationary point */
  alpha: Decimal;
  x: Decimal;
  y: Decimal;
  w1: Decimal;
  w2: Decimal;
  /** det H at the fold point relative to h11·h22 + h12² (0 up to the working precision) */
  relDetH: Decimal;
}

/** DA's reduced quantities in decimal at the working precision. */
function daReduced(dc: Dec, s: Setting2d) {
  const { D, k, q, A, lambda, eps } = dc;
  const two = eps.times(2);
  const E = (x: Decimal): Decimal => A.times(fastExp(x.neg(), dc.P));
  const yOf = (x: Decimal, e = E(x)): Decimal => k.times(x).minus(q.times(e).div(lambda)).div(two);
  const P = (x: Decimal, e = E(x)): Decimal => k.times(e).minus(lambda.times(x)).div(two);
  /** (ln β)′ and its derivative */
  const phi = (x: Decimal): [Decimal, Decimal] => {
    const e = E(x);
    const den = k.times(e).minus(lambda.times(x));
    const num = k.times(e).plus(lambda);
    const v = k.plus(q.times(e).div(lambda)).div(two).minus(num.div(den));
    const dv = q.times(e).div(lambda.times(two)).neg().minus(num.pow(2).minus(k.times(e).times(den)).div(den.pow(2)));
    return [v, dv];
  };
  const perAlpha = new D(s.Rij).div(s.F);
  return { E, yOf, P, phi, perAlpha };
}

const foldCache = new Map<string, DaFold>();
const keyOf = (c: Partial<Config2d>, digits: number): string => `${c.R}|${c.F}|${c.Rij}|${c.alpha ?? ''}|${c.lambda}|${c.eps}|${digits}`;

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size >= 4096) cache.delete(cache.keys().next().value!);
    v = make();
    cache.set(key, v);
  }
  return v;
}

/** DA's fold, at `digits` (cached per setting): the extended system {∇L = 0, det H = 0} via φ(x*) = 0. */
export function daFold(s: Setting2d, digits: number): DaFold {
  return remember(foldCache, keyOf({ R: s.R, F: s.F, Rij: s.Rij, lambda: s.lambda, eps: s.eps }, digits), () => {
    assertConfig({ ...s, alpha: 0 });
    const dc = decimalCoefficients('DA', { ...s, alpha: 0 }, digits);
    const red = daReduced(dc, s);
    const f64 = daFoldF64(s);
    const { D } = dc;
    // φ > 0 left of x*, < 0 right of it (bisectRoot verifies the signs): a bracket around the float64 root,
    // wider than its error, refined by bisectRoot's Newton steps to 10^−(P−4) relative
    const lo = new D(f64.x).minus(Math.max(1e-6, Math.abs(f64.x) * 1e-6)), hi = new D(f64.x).plus(Math.max(1e-9, Math.abs(f64.x) * 1e-9));
    const x = bisectRoot((t) => red.phi(t)[0], lo, hi, dc.P + 1, (t) => red.phi(t));
    const e = red.E(x);
    const y = red.yOf(x, e);
    const beta = red.P(x, e).times(fastExp(y, dc.P));
    const alpha = beta.div(red.perAlpha);
    const one = new D(1), e2 = dc.eps.times(dc.eps);
    const w1 = x.minus(dc.eps.times(y)).div(one.minus(e2)), w2 = y.minus(dc.eps.times(x)).div(one.minus(e2));
    const t = termsAt({ ...dc, B: beta.neg() }, w1, w2);
    const det = t.h11.times(t.h22).minus(t.h12.times(t.h12));
    const out = decimalAt(digits);
    const r = (v: Decimal): Decimal => new out(v.toSignificantDigits(digits));
    return { alpha: r(alpha), x: r(x), y: r(y), w1: r(w1), w2: r(w2), relDetH: new out(det.div(t.h11.times(t.h22).plus(t.h12.pow(2))).toSignificantDigits(3)) };
  });
}

export interface DaSolution {
  /** DA's local minimum on the branch continued from α = 0; null at and past the fold */
  minimum: Point2d | null;
  /** the other stationary point (a saddle) below the fold; null at α = 0 and past the fold */
  saddle: Point2d | null;
  fold: DaFold;
}

/**
 * DA's stationary points at c.alpha, each by decimal Newton in w-space and classified. Newton starts
 * from the float64 point; where that fails or lands on the wrong side of the fold, the reduced
 * equation is bracketed in decimal instead. `warmStart: false` takes that second path directly
 * (so the properties can hold the two paths to the same answer).
 */
export function solveDA(c: Config2d, digits: number, opts: { saddle?: boolean; warmStart?: boolean } = {}): DaSolution {
  assertConfig(c);
  const fold = daFold(c, digits);
  const alpha = new (decimalAt(digits + GUARD))(c.alpha);
  if (alpha.isZero()) return { minimum: solveConvex('R', c, digits), saddle: null, fold };
  if (alpha.gte(fold.alpha)) return { minimum: null, saddle: null, fold };
  const f64 = daFoldF64(c);
  // the decimal fold decides existence; float64 starts may sit on the wrong side within ~1e−15 of it
  const foldF64 = { x: f64.x, alpha: Math.max(f64.alpha, Number(c.alpha) * (1 + 1e-12)) };
  // the two points are ~√(α_fold − α) apart: carry that many more digits through the reduced solve
  const gap = new Decimal(fold.alpha).minus(alpha).div(fold.alpha).toNumber();
  const dc = decimalCoefficients('DA', c, digits, extraDigits(-Math.log10(gap) / 2));
  const point = (side: 'min' | 'saddle'): Point2d => {
    const label = `${labelOf('DA', c)} (${side === 'min' ? 'branch minimum' : 'saddle'})`;
    const onSide = (p: Point2d): boolean => (side === 'min' ? p.kind === 'min' && p.x.gt(fold.x) : p.kind === 'saddle' && p.x.lt(fold.x));
    if (opts.warmStart !== false) {
      // within float64's reach of the fold the float64 equation may have no root on its side at all, and
      // Newton from its point may fail or land across the fold: either way the bracketed path below decides
      try {
        const s = daPointF64(c, Number(c.alpha), side, foldF64);
        if (s) {
          const p = newtonDecimal(dc, s, label);
          if (onSide(p)) return p;
        }
      } catch (e) {
        if (!(e instanceof NonConvergenceError)) throw e;
      }
    }
    // near the fold float64 cannot separate the two points: the reduced equation, bracketed in decimal
    const red = daReduced(dc, c);
    const beta = alpha.times(red.perAlpha);
    const g = (x: Decimal): [Decimal, Decimal] => {
      const e = red.E(x), y = red.yOf(x, e), p = red.P(x, e), ey = fastExp(y, dc.P);
      const dp = dc.k.times(e).plus(dc.lambda).div(dc.eps.times(2)).neg();
      const dy = dc.k.plus(dc.q.times(e).div(dc.lambda)).div(dc.eps.times(2));
      return [p.times(ey).minus(beta), dp.plus(p.times(dy)).times(ey)];
    };
    const xStar = new dc.D(fold.x);
    const xP = new dc.D(lambertW(dc.k.times(dc.A).div(dc.lambda), 0, dc.P));
    let lo: Decimal, hi: Decimal;
    if (side === 'min') [lo, hi] = [xStar, xP];
    else {
      let step = new dc.D(1);
      lo = xStar.minus(step);
      while (g(lo)[0].gt(0)) {
        step = step.times(2);
        lo = xStar.minus(step);
        if (step.gt(1e6)) throw new NonConvergenceError(`${label}: no bracket for the saddle`);
      }
      hi = xStar;
    }
    const x = bisectRoot((t) => g(t)[0], lo, hi, dc.P - 5, g);
    const e = red.E(x), y = red.yOf(x, e), d = new dc.D(1).minus(dc.eps.pow(2));
    const p = newtonDecimal(dc, { w1: x.minus(dc.eps.times(y)).div(d), w2: y.minus(dc.eps.times(x)).div(d) }, label);
    if (!onSide(p)) throw new NonConvergenceError(`${label}: converged to a ${p.kind} at x = ${p.x}, not on the expected side of x* = ${fold.x}`);
    return p;
  };
  return { minimum: point('min'), saddle: opts.saddle === false ? null : point('saddle'), fold };
}

export interface Solution2d {
  D: Point2d;
  R: Point2d;
  DA: DaSolution;
}

const solutionCache = new Map<string, Solution2d>();

/** All three problems at one configuration (cached per configuration and precision). */
export function solve2d(c: Config2d, digits: number): Solution2d {
  return remember(solutionCache, keyOf(c, digits), () => ({ D: solveConvex('D', c, digits), R: solveConvex('R', c, digits), DA: solveDA(c, digits) }));
}

// ---------------------------------------------------------------- the paper's formulas (Lemmas 6–10)

/** W0 at `digits`, or null where the argument lies below −1/e (outside W's real domain). */
function W0orNull(z: Decimal, digits: number): Decimal | null {
  try {
    return lambertW(z, 0, digits);
  } catch (e) {
    if (e instanceof LambertWDomainError) return null;
    throw e;
  }
}

interface Shared {
  D: typeof Decimal;
  r: Decimal;
  e: Decimal;
  k: Decimal;
  lam: Decimal;
  nR: Decimal;
  nF: Decimal;
  nD: Decimal;
}

function shared(s: Setting2d, digits: number): Shared {
  const D = decimalAt(digits + GUARD);
  const e = new D(s.eps), nR = new D(s.R), nF = new D(s.F);
  return { D, r: new D(s.Rij), e, k: e.times(e).plus(1), lam: new D(s.lambda), nR, nF, nD: nR.plus(nF) };
}

/** Lemma 6: x_R = W((1+ε²)|R_ij|/(λ|R|)), y_R = 2ε·x_R/(1+ε²). */
export function lemma6(s: Setting2d, digits: number): { x: Decimal; y: Decimal } {
  const { r, e, k, lam, nR } = shared(s, digits);
  const x = lambertW(k.times(r).div(lam.times(nR)), 0, digits + GUARD);
  return { x, y: e.times(2).div(k).times(x) };
}

/** Lemma 7's bounds on the original model (the paper assumes y_D < x_D). */
export function lemma7(c: Config2d, digits: number): { xLo: Decimal; xHi: Decimal; yLo: Decimal; yHi: Decimal } {
  const { D, r, e, k, lam, nD } = shared(c, digits);
  const a = new D(c.alpha), b = r.div(lam.times(nD)), P = digits + GUARD;
  const Wak = lambertW(b.times(a).times(k), 0, P);
  return {
    xLo: lambertW(b.times(k.plus(a.times(e).times(2))), 0, P),
    xHi: e.times(2).div(k).times(Wak).plus(lambertW(b.times(k), 0, P)),
    yLo: Wak,
    yHi: lambertW(b.times(e.times(2).plus(a.times(k))), 0, P),
  };
}

/** Lemma 8's upper bounds on DA (the paper assumes y_DA < x_DA); a bound is null where W's argument is below −1/e. */
export function lemma8(c: Config2d, digits: number): { xArg: Decimal; yArg: Decimal; xHi: Decimal | null; yHi: Decimal | null } {
  const { D, r, e, k, lam, nR, nF } = shared(c, digits);
  const a = new D(c.alpha);
  const xArg = r.times(k).div(lam.times(nR)).minus(a.times(e).times(2).times(r).div(lam.times(nF)));
  const yArg = e.times(2).times(r).div(lam.times(nR)).minus(a.times(k).times(r).div(lam.times(nF)));
  return { xArg, yArg, xHi: W0orNull(xArg, digits + GUARD), yHi: W0orNull(yArg, digits + GUARD) };
}

/** Lemma 9: α_{D>DA} = max{((1+ε²)/(2ε))|F|²/(|R|(|D|+|F|)), (2ε/(1+ε²))|F||D|/(|R|(|D|+|F|))}. */
export function alphaDbeatsDA(s: Setting2d, digits: number): { alpha: Decimal; fromX: Decimal; fromY: Decimal } {
  const { e, k, nR, nF, nD } = shared(s, digits);
  const den = nR.times(nD.plus(nF));
  const fromX = k.div(e.times(2)).times(nF.pow(2)).div(den);
  const fromY = e.times(2).div(k).times(nF).times(nD).div(den);
  return { alpha: Decimal.max(fromX, fromY), fromX, fromY };
}

/**
 * Lemma 10's α_{R>D} = min{α_x, α_y}, Eqs. (6)–(7) as reconstructed in claims.md (and rederived
 * here from "Lemma 6's x_R, y_R = Lemma 7's upper bounds on x_D, y_D"): with k = 1+ε²,
 * u = (k/(2ε))(W(k r/(λ|R|)) − W(k r/(λ|D|))), α_x = λ|D|·u·e^u/(k r);
 * v = (2ε/k)·W(k r/(λ|R|)), α_y = (λ|D|·v·e^v/r − 2ε)/k.
 */
export function alphaRbeatsD(s: Setting2d, digits: number): { alphaX: Decimal; alphaY: Decimal; alpha: Decimal } {
  const { r, e, k, lam, nR, nD } = shared(s, digits);
  const P = digits + GUARD;
  const xR = lambertW(k.times(r).div(lam.times(nR)), 0, P), xD0 = lambertW(k.times(r).div(lam.times(nD)), 0, P);
  const u = k.div(e.times(2)).times(xR.minus(xD0));
  const alphaX = lam.times(nD).times(u).times(fastExp(u, P)).div(k.times(r));
  const v = e.times(2).div(k).times(xR);
  const alphaY = lam.times(nD).times(v).times(fastExp(v, P)).div(r).minus(e.times(2)).div(k);
  return { alphaX, alphaY, alpha: Decimal.min(alphaX, alphaY) };
}
