/**
 * The 1-D semi-orthogonal setting of Sec. 5.1.1 (Assumptions 1–2, App. C–G), exactly.
 *
 * Restricted to coordinate j, each objective of Eq. (1) is, up to terms constant in w_j,
 *     f(w) = c·e^{−w} + (λ/2)·w²,
 * with c_D = (1+α)|R_j|/|D|, c_R = |R_j|/|R| and c_DA = |R_j|/|R| − α|R_j|/|F| (Assumption 2 makes
 * every sample on the coordinate contribute e^{−w}; |F_j| = α|R_j|). Then
 *     f'(w) = λw − c·e^{−w},   f''(w) = λ + c·e^{−w},
 * and f'(w) = 0 ⇔ w·e^w = c/λ ⇔ w = W_k(c/λ): Lemma 2's closed forms with z = c/λ.
 * Method: Lambert W at `digits` significant digits (theory/lambertw.ts), classification of each
 * stationary point by the sign of f'' evaluated at it (never by which branch it came from), case
 * boundaries by exact decimal arithmetic on the inputs (they are exact decimals).
 * Accuracy: values carry `digits` significant digits; comparisons use `tolerance(digits)`.
 * Iterations and their caps (each throws a non-convergence error when reached): bisectRoot 8000
 * bisection steps (its inner Newton runs at most 60 steps and then hands back to bisection);
 * gradientZerosByBisection's leftward bracketing 200 steps; Lambert W's own caps in lambertw.ts.
 */
import { NonConvergenceError } from './errors.ts';
import { Decimal } from 'decimal.js';
import { decimalAt, inverseEAt, lambertW, lambertW0f64, type Branch } from './lambertw.ts';

/** Guard digits carried beyond the requested precision in intermediate arithmetic. */
export const GUARD = 10;

/** Relative tolerance at which two values computed at `digits` digits count as equal. */
export function tolerance(digits: number): Decimal {
  return new (decimalAt(digits + GUARD))(10).pow(-(digits - 5));
}

/** Parameters of one coordinate. All exact decimals; R, F, Rj are counts. */
export interface Config1d {
  R: Decimal.Value;
  F: Decimal.Value;
  Rj: Decimal.Value;
  alpha: Decimal.Value;
  lambda: Decimal.Value;
}

export type Objective = 'D' | 'R' | 'DA';
export type PointKind = 'min' | 'max' | 'inflection';

export interface StationaryPoint {
  w: Decimal;
  branch: Branch;
  kind: PointKind;
  /** f''(w) at the point, the basis of `kind` */
  curvature: Decimal;
}

/** App. E's cases for DA: 1 (z > 0), 'boundary' (z = 0, α = |F|/|R|), 2 (−1/e ≤ z < 0), 3 (z < −1/e). */
export type DaCase = 1 | 'boundary' | 2 | 3;

export interface Solution1d {
  digits: number;
  case: DaCase;
  zD: Decimal;
  zR: Decimal;
  /** the DA argument z = (1 − α|R|/|F|)|R_j|/(λ|R|) */
  z: Decimal;
  wD: Decimal;
  wR: Decimal;
  /** DA's local minimum (where gradient descent from w_D ends), or null where none exists */
  wDA: Decimal | null;
  stationaryDA: StationaryPoint[];
  /** (w_DA − w_D)(w_D − w_R) ≥ 0, with w_DA = −∞ where DA diverges */
  lemma3: boolean;
  deltaRD: Decimal;
  /** |w_R − w_DA|, +Infinity where DA has no minimum */
  deltaRDA: Decimal;
  /** |ln((1+α)|R|/|D|)|, Lemma 4's bound on Δ_{R,D} */
  lemma4Bound: Decimal;
  /** W0(|R_j|/(λ|R|)) = w_R, Lemma 5's bound on Δ_{R,DA} for α > |F|/|R| */
  lemma5Bound: Decimal;
  thresholds: Thresholds1d;
}

/** The α-thresholds of App. E and the setting's admissible α-range. */
export interface Thresholds1d {
  /** |F|²/(|R|(|F|+|D|)): case 1's lower end */
  alphaLow: Decimal;
  /** |F|/|R|: where z changes sign */
  alphaSplit: Decimal;
  /** |F|/|R| + λ|F|/(e|R_j|): where z = −1/e and DA's minimum disappears */
  alphaFold: Decimal;
  /** |F|/|R_j|: the largest α with |F_j| = α|R_j| ≤ |F| */
  alphaMax: Decimal;
}

interface Exact {
  D: typeof Decimal;
  R: Decimal;
  F: Decimal;
  Rj: Decimal;
  alpha: Decimal;
  lambda: Decimal;
  Dsize: Decimal;
}

function exact(cfg: Config1d, digits: number): Exact {
  const D = decimalAt(digits + GUARD);
  const R = new D(cfg.R), F = new D(cfg.F), Rj = new D(cfg.Rj), alpha = new D(cfg.alpha), lambda = new D(cfg.lambda);
  return { D, R, F, Rj, alpha, lambda, Dsize: R.plus(F) };
}

/** The coefficient c of f(w) = c·e^{−w} + (λ/2)w² for each objective. */
export function coefficient(objective: Objective, cfg: Config1d, digits: number): Decimal {
  const { R, F, Rj, alpha, Dsize } = exact(cfg, digits);
  switch (objective) {
    case 'D':
      return alpha.plus(1).times(Rj).div(Dsize);
    case 'R':
      return Rj.div(R);
    case 'DA':
      return Rj.div(R).minus(alpha.times(Rj).div(F));
  }
}

/** f'(w) = λw − c·e^{−w} */
export function gradient(c: Decimal, lambda: Decimal.Value, w: Decimal): Decimal {
  return w.times(lambda).minus(c.times(w.neg().exp()));
}

/** f''(w) = λ + c·e^{−w} */
export function curvature(c: Decimal, lambda: Decimal.Value, w: Decimal): Decimal {
  return c.times(w.neg().exp()).plus(lambda);
}

/** f(w) = c·e^{−w} + (λ/2)w² */
export function objectiveValue(c: Decimal, lambda: Decimal.Value, w: Decimal): Decimal {
  return c.times(w.neg().exp()).plus(w.times(w).times(lambda).div(2));
}

/**
 * Every stationary point of f(w) = c·e^{−w} + (λ/2)w², λ > 0. f'' is monotone in w, so f' has
 * at most two zeros; they are W0(c/λ) and, for −1/e < c/λ < 0, W−1(c/λ). Each is classified by
 * the sign of f'' at it; a zero f'' (only at c/λ = −1/e, w = −1) is an inflection, since
 * f''' = −c·e^{−w} ≠ 0 there.
 */
export function stationaryPoints(c: Decimal, lambda: Decimal.Value, digits: number): StationaryPoint[] {
  const D = decimalAt(digits + GUARD);
  const lam = new D(lambda);
  const z = new D(c).div(lam);
  const offset = z.plus(inverseEAt(digits + GUARD));
  const tol = tolerance(digits);
  if (offset.lt(0) && offset.abs().gt(tol)) return [];
  const classify = (w: Decimal, branch: Branch): StationaryPoint => {
    const f2 = curvature(new D(c), lam, w);
    const kind: PointKind = f2.abs().lte(tol.times(lam)) ? 'inflection' : f2.gt(0) ? 'min' : 'max';
    return { w, branch, kind, curvature: f2 };
  };
  if (offset.abs().lte(tol)) return [classify(new D(-1), 0)];
  const points = [classify(new D(lambertW(z, 0, digits + GUARD)), 0)];
  if (z.lt(0)) points.push(classify(new D(lambertW(z, -1, digits + GUARD)), -1));
  return points;
}


export function thresholds(cfg: Config1d, digits: number): Thresholds1d {
  const { R, F, Rj, lambda, Dsize } = exact(cfg, digits);
  return {
    alphaLow: F.times(F).div(R.times(F.plus(Dsize))),
    alphaSplit: F.div(R),
    alphaFold: F.div(R).plus(lambda.times(F).times(inverseEAt(digits + GUARD)).div(Rj)),
    alphaMax: F.div(Rj),
  };
}

/**
 * The case of App. E, decided from z itself at the working precision: z counts as 0 when
 * |z| ≤ tolerance·z_R (α = |F|/|R| is rarely a terminating decimal, so the input α carries a
 * rounding error of one unit in its last digit), and z vs −1/e is decided at digits + GUARD.
 */
export function daCase(z: Decimal, zR: Decimal, digits: number): DaCase {
  if (z.abs().lte(tolerance(digits).times(zR))) return 'boundary';
  if (z.gt(0)) return 1;
  return z.plus(inverseEAt(digits + GUARD)).gte(0) ? 2 : 3;
}

/** Validates a configuration; returns a one-line reason or null. */
export function configProblem(cfg: Config1d): string | null {
  const R = new Decimal(cfg.R), F = new Decimal(cfg.F), Rj = new Decimal(cfg.Rj), alpha = new Decimal(cfg.alpha), lambda = new Decimal(cfg.lambda);
  if (!R.isInteger() || R.lt(1)) return `|R| must be a positive integer, got ${cfg.R}`;
  if (!F.isInteger() || F.lt(1)) return `|F| must be a positive integer, got ${cfg.F}`;
  if (!Rj.isInteger() || Rj.lt(1)) return `|R_j| must be a positive integer, got ${cfg.Rj}`;
  if (Rj.gt(R)) return `|R_j| must not exceed |R| (${cfg.R}), got ${cfg.Rj}`;
  if (alpha.lt(0)) return `α must be ≥ 0, got ${cfg.alpha}`;
  if (!lambda.gt(0)) return `λ must be > 0, got ${cfg.lambda}`;
  return null;
}

/** Lemma 2's three solutions with their kinds, App. E's case, and the quantities of Lemmas 3–5. */
export function solve1d(cfg: Config1d, digits: number): Solution1d {
  const problem = configProblem(cfg);
  if (problem) throw new RangeError(problem);
  const { D, R, alpha, lambda, Dsize } = exact(cfg, digits);
  const out = decimalAt(digits);
  const round = (x: Decimal): Decimal => new out(x.toSignificantDigits(digits));
  const cD = coefficient('D', cfg, digits), cR = coefficient('R', cfg, digits), cDA = coefficient('DA', cfg, digits);
  const zD = cD.div(lambda), zR = cR.div(lambda), z = cDA.div(lambda);
  const wD = new D(lambertW(zD, 0, digits + GUARD));
  const wR = new D(lambertW(zR, 0, digits + GUARD));
  const stationaryDA = stationaryPoints(cDA, lambda, digits);
  // In case 2 the minimum is W0 ≥ −1 and the maximum W−1 ≤ −1 < 0 < w_D, so descent from w_D ends at the minimum.
  const minimum = stationaryDA.find((p) => p.kind === 'min');
  const wDA = minimum ? minimum.w : null;
  const deltaRD = wD.minus(wR).abs();
  const deltaRDA = wDA ? wR.minus(wDA).abs() : new D(Infinity);
  // w_D = w_R at α = |F|/|R| up to rounding, so each factor's sign is taken with a tolerance
  // relative to its own operands (an absolute one reads any product of tiny w's as 0 at large λ)
  const sign = (a: Decimal, b: Decimal): number => (a.minus(b).abs().lte(tolerance(digits).times(Decimal.max(a.abs(), b.abs()))) ? 0 : a.minus(b).s);
  const lemma3 = wDA ? sign(wDA, wD) * sign(wD, wR) >= 0 : sign(wD, wR) <= 0;
  return {
    digits,
    case: daCase(z, zR, digits),
    zD: round(zD),
    zR: round(zR),
    z: round(z),
    wD: round(wD),
    wR: round(wR),
    wDA: wDA ? round(wDA) : null,
    stationaryDA: stationaryDA.map((p) => ({ ...p, w: round(p.w), curvature: round(p.curvature) })),
    lemma3,
    deltaRD: round(deltaRD),
    deltaRDA: deltaRDA.isFinite() ? round(deltaRDA) : deltaRDA,
    lemma4Bound: round(alpha.plus(1).times(R).div(Dsize).ln().abs()),
    lemma5Bound: round(wR),
    thresholds: mapValues(thresholds(cfg, digits), round),
  };
}

function mapValues<T extends object>(o: T, f: (x: Decimal) => Decimal): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as Decimal)])) as T;
}

/**
 * A zero of g on [lo, hi] (ends must differ in sign) to relative width 10^−(digits−5) of its
 * magnitude. Bisection until the bracket is 1e−3 relative, then Newton with g′ when `withSlope`
 * is given (it returns g and g′ together, sharing their exponential), each Newton step kept
 * inside the shrinking bracket (a step that leaves it is replaced by bisection). Relative to the
 * current bracket magnitude, so tiny roots get full relative precision too. Throws if the ends
 * do not bracket a sign change or the iteration cap is reached.
 */
export function bisectRoot(g: (w: Decimal) => Decimal, lo: Decimal, hi: Decimal, digits: number, withSlope?: (w: Decimal) => [Decimal, Decimal]): Decimal {
  let a = lo, b = hi;
  const ga = g(a), gb = g(b);
  if (ga.isZero()) return a;
  if (gb.isZero()) return b;
  if (ga.isNegative() === gb.isNegative()) throw new NonConvergenceError(`bisection: no sign change on [${a}, ${b}]`);
  const negA = ga.isNegative();
  const tol = tolerance(digits);
  const coarse = new Decimal('1e-3');
  for (let i = 0; i < 8000; i++) {
    const width = b.minus(a).abs();
    const scale = Decimal.max(a.abs(), b.abs());
    if (width.lte(tol.times(scale))) return a.plus(b).div(2);
    let m = a.plus(b).div(2);
    let gm: Decimal | null = null;
    if (withSlope && width.lte(coarse.times(scale))) {
      // Newton from the midpoint, then from each accepted iterate, while it stays inside [a, b]
      let x = m;
      for (let k = 0; k < 60; k++) {
        const [gx, dgx] = withSlope(x);
        // an exact zero needs no case of its own: its step is 0 (returned by the step test), or 0/0 (NaN,
        // which fails the bracket test and leaves gm = 0 for the test after the loop)
        const nx = x.minus(gx.div(dgx));
        if (!(nx.gt(Decimal.min(a, b)) && nx.lt(Decimal.max(a, b)))) {
          gm = gx;
          break;
        }
        if (nx.minus(x).abs().lte(tol.times(nx.abs()))) return nx;
        if (gx.isNegative() === negA) a = x;
        else b = x;
        x = nx;
      }
      m = x; // the iterate whose step left the bracket (its g is gm), or the last one
    }
    gm ??= g(m);
    if (gm.isZero()) return m;
    if (gm.isNegative() === negA) a = m;
    else b = m;
  }
  throw new NonConvergenceError('root finding did not converge in 8000 steps');
}

/**
 * Zeros of f'(w) = λw − c·e^{−w} found WITHOUT Lambert W: bracketing and bisection to
 * `digits` digits (bisection, then Newton on f′ with f″). Independent evidence for Lemma 2 and the case split.
 * c > 0: f' is increasing; its zero lies in [0, min(2z, 1 + ln(1+z))] with z = c/λ (f'(0) = −c < 0,
 *        and f' > 0 at both candidate right ends by a margin of order λz, so rounding cannot flip it).
 * c < 0: f' is convex with its minimum at w_m = ln(−c/λ); each side is monotone and holds at most
 *        one zero: the right one in [w_m, 0] (f'(0) = −c > 0), the left one found by stepping left.
 */
export function gradientZerosByBisection(c: Decimal, lambda: Decimal.Value, digits: number): Decimal[] {
  const D = decimalAt(digits + GUARD);
  const lam = new D(lambda);
  const g = (w: Decimal): Decimal => gradient(c, lam, w);
  const withSlope = (w: Decimal): [Decimal, Decimal] => {
    const ce = c.times(w.neg().exp());
    return [w.times(lam).minus(ce), ce.plus(lam)];
  };
  if (c.isZero()) return [new D(0)];
  if (c.gt(0)) {
    const z = c.div(lam);
    return [bisectRoot(g, new D(0), Decimal.min(z.times(2), z.plus(1).ln().plus(1)), digits, withSlope)];
  }
  const wm = c.neg().div(lam).ln();
  const gm = g(wm);
  if (gm.gt(0)) return [];
  if (gm.isZero()) return [wm];
  const right = bisectRoot(g, wm, Decimal.max(wm.plus(1), new D(0)), digits, withSlope);
  let left = wm.minus(1);
  for (let i = 0; g(left).lte(0); i++) {
    if (i > 200) throw new NonConvergenceError('could not bracket the left zero of f′');
    left = left.minus(left.abs().plus(1));
  }
  return [bisectRoot(g, left, wm, digits, withSlope), right];
}

/** Where DA's solution sits relative to the original model and the oracle. */
export type DaPlacement = 'opposite' | 'towards' | 'overshoot-closer' | 'overshoot-farther' | 'no-minimum';

/**
 * 'opposite': DA moves away from the oracle ((w_DA − w_D)(w_D − w_R) ≥ 0, Lemma 3);
 * 'towards': DA lies between the original model and the oracle (closer, no overshoot);
 * 'overshoot-closer' / 'overshoot-farther': DA passes the oracle and ends closer / not closer
 * than doing nothing; 'no-minimum': DA has no local minimum (case 3) and diverges.
 */
export function daPlacement(wD: number, wR: number, wDA: number | null): DaPlacement {
  if (wDA === null) return 'no-minimum';
  if ((wDA - wD) * (wD - wR) >= 0) return 'opposite';
  const beyond = (wDA - wR) * (wR - wD) > 0;
  if (!beyond) return 'towards';
  return Math.abs(wDA - wR) < Math.abs(wD - wR) ? 'overshoot-closer' : 'overshoot-farther';
}

/**
 * Lemma 2 in float64 (for maps and pictures, not for verdicts): the float64 Lambert W is within
 * a few ulp, so placements are exact except within ~1e−15 relative of a boundary. DA's local
 * minimum is W0(z) for z ≥ −1/e (see stationaryPoints), null below.
 */
export function solve1dF64(R: number, F: number, Rj: number, alpha: number, lambda: number): { wD: number; wR: number; wDA: number | null } {
  const wD = lambertW0f64(((1 + alpha) * Rj) / (lambda * (R + F)));
  const wR = lambertW0f64(Rj / (lambda * R));
  const z = (Rj / R - (alpha * Rj) / F) / lambda;
  let wDA: number | null = null;
  try {
    wDA = lambertW0f64(z);
  } catch {
    wDA = null; // z < −1/e: no stationary point
  }
  return { wD, wR, wDA };
}
