/**
 * The 2-D cross-dimensional setting (Sec. 5.1.2, App. H): a retain group of |R_ij| samples
 * x = (1, ε) and a forget group of |F_ij| = α|R_ij| samples x = (ε, 1), labels +1, 0 < ε < 1;
 * |R|, |F| are the whole sets' sizes. Restricted to (w1, w2) every objective of Eq. (1) is
 *     L(w) = A·e^{−x} + B·e^{−y} + (λ/2)(w1² + w2²),   x = w1 + εw2,  y = εw1 + w2,
 * with (A, B) = (r/|D|, αr/|D|) for L_D, (r/|R|, 0) for L_R, (r/|R|, −αr/|F|) for L_DA (r = |R_ij|).
 * ∇L = (−A e^{−x} − εB e^{−y} + λw1, −εA e^{−x} − B e^{−y} + λw2) and
 * H = [[A e^{−x} + ε²B e^{−y} + λ, ε(A e^{−x} + B e^{−y})], [·, ε²A e^{−x} + B e^{−y} + λ]].
 * Method: Newton in w-space with the analytic Hessian, in float64 for the continuation and fold
 * search, then polished by Newton in decimal.js at `digits` + 10 until the step is below
 * 10^−(digits+2) relative (a solve that does not converge returns null, never a point).
 * L_D and L_R (A, B ≥ 0) are strictly convex: one minimum. L_DA is followed from α = 0 (where it
 * is L_R) along its branch of local minima by continuation in α with step halving; where the
 * branch ends (det H → 0: a fold) DA has no local minimum beyond it and descent diverges.
 * Every point is classified by its Hessian: both eigenvalues > 0 ⇒ min, < 0 ⇒ max, else saddle.
 */
import { Decimal } from 'decimal.js';
import { decimalAt } from './lambertw.ts';
import { fastExp } from './decimalExp.ts';

export interface Config2d {
  R: number;
  F: number;
  Rij: number;
  alpha: number;
  lambda: number;
  eps: number;
}

export type Objective2d = 'D' | 'R' | 'DA';
export type Kind2d = 'min' | 'max' | 'saddle';

export interface Point2d {
  w1: Decimal;
  w2: Decimal;
  x: Decimal;
  y: Decimal;
  kind: Kind2d;
}

export function coefficients2d(obj: Objective2d, c: Config2d): { A: number; B: number } {
  const D = c.R + c.F;
  if (obj === 'D') return { A: c.Rij / D, B: (c.alpha * c.Rij) / D };
  if (obj === 'R') return { A: c.Rij / c.R, B: 0 };
  return { A: c.Rij / c.R, B: -(c.alpha * c.Rij) / c.F };
}

interface F64State {
  w1: number;
  w2: number;
}

function gradHessF64(A: number, B: number, eps: number, lambda: number, w1: number, w2: number): { g1: number; g2: number; h11: number; h12: number; h22: number } {
  const ex = A * Math.exp(-(w1 + eps * w2)), ey = B * Math.exp(-(eps * w1 + w2));
  return { g1: -ex - eps * ey + lambda * w1, g2: -eps * ex - ey + lambda * w2, h11: ex + eps * eps * ey + lambda, h12: eps * (ex + ey), h22: eps * eps * ex + ey + lambda };
}

/** Newton from a start, float64; converged only to a point whose Hessian is positive definite. */
function newtonF64(A: number, B: number, eps: number, lambda: number, start: F64State, maxIter = 60): F64State | null {
  let { w1, w2 } = start;
  for (let i = 0; i < maxIter; i++) {
    const k = gradHessF64(A, B, eps, lambda, w1, w2);
    const det = k.h11 * k.h22 - k.h12 * k.h12;
    if (!(det > 0 && k.h11 > 0)) return null; // left the region where this branch is a minimum
    const d1 = -(k.h22 * k.g1 - k.h12 * k.g2) / det, d2 = -(-k.h12 * k.g1 + k.h11 * k.g2) / det;
    // damp large steps: the exponentials punish overshoot
    const scale = Math.min(1, 2 / Math.max(Math.abs(d1), Math.abs(d2)));
    w1 += scale * d1;
    w2 += scale * d2;
    if (!Number.isFinite(w1) || !Number.isFinite(w2)) return null;
    if (scale === 1 && Math.abs(d1) + Math.abs(d2) < 1e-14 * (1 + Math.abs(w1) + Math.abs(w2))) {
      const e = gradHessF64(A, B, eps, lambda, w1, w2);
      return e.h11 * e.h22 - e.h12 * e.h12 > 0 ? { w1, w2 } : null;
    }
  }
  return null;
}

/** (A, B) in exact decimal arithmetic (the float64 ones are for the continuation only). */
function coefficientsDecimal(obj: Objective2d, c: Config2d, D: typeof Decimal): [Decimal, Decimal] {
  const r = new D(c.Rij), a = new D(c.alpha);
  if (obj === 'D') return [r.div(c.R + c.F), a.times(r).div(c.R + c.F)];
  if (obj === 'R') return [r.div(c.R), new D(0)];
  return [r.div(c.R), a.times(r).div(c.F).neg()];
}

/** Newton polish in decimal at digits + 10; null if it does not converge in 40 steps. */
function polish(obj: Objective2d, c: Config2d, s: F64State, digits: number): Point2d | null {
  const P = digits + 10;
  const D = decimalAt(P);
  const [a, b] = coefficientsDecimal(obj, c, D);
  const [eps, lambda] = [new D(c.eps), new D(c.lambda)];
  let w1 = new D(s.w1), w2 = new D(s.w2);
  const tol = new D(10).pow(-(digits + 2));
  for (let i = 0; i < 40; i++) {
    const x = w1.plus(eps.times(w2)), y = eps.times(w1).plus(w2);
    const ex = a.times(fastExp(x.neg(), P)), ey = b.times(fastExp(y.neg(), P));
    const g1 = lambda.times(w1).minus(ex).minus(eps.times(ey));
    const g2 = lambda.times(w2).minus(eps.times(ex)).minus(ey);
    const h11 = ex.plus(eps.times(eps).times(ey)).plus(lambda);
    const h12 = eps.times(ex.plus(ey));
    const h22 = eps.times(eps).times(ex).plus(ey).plus(lambda);
    const det = h11.times(h22).minus(h12.times(h12));
    if (det.isZero()) return null;
    const d1 = h22.times(g1).minus(h12.times(g2)).div(det).neg();
    const d2 = h11.times(g2).minus(h12.times(g1)).div(det).neg();
    w1 = w1.plus(d1);
    w2 = w2.plus(d2);
    if (d1.abs().plus(d2.abs()).lte(tol.times(w1.abs().plus(w2.abs()).plus(1)))) {
      const trace = h11.plus(h22);
      const kind: Kind2d = det.gt(0) ? (trace.gt(0) ? 'min' : 'max') : 'saddle';
      const out = decimalAt(digits);
      const r = (v: Decimal): Decimal => new out(v.toSignificantDigits(digits));
      return { w1: r(w1), w2: r(w2), x: r(w1.plus(eps.times(w2))), y: r(eps.times(w1).plus(w2)), kind };
    }
  }
  return null;
}

/** The unique minimum of the strictly convex L_D or L_R. */
export function solveConvex(obj: 'D' | 'R', c: Config2d, digits: number): Point2d | null {
  const { A, B } = coefficients2d(obj, c);
  const s = newtonF64(A, B, c.eps, c.lambda, { w1: 0, w2: 0 }, 400);
  return s ? polish(obj, c, s, digits) : null;
}

export interface DaBranch {
  /** DA's local minimum on the branch continued from α = 0, or null past the fold */
  point: Point2d | null;
  /** the α where the branch of minima ends, if it ends below the requested α (float64, ~1e−10 relative) */
  foldAlpha: number | null;
}

/**
 * Continues DA's minimum from α = 0 (L_R's minimum) to each requested α (ascending), returning
 * the float64 branch points; after a fold every later α has no minimum.
 */
export function continueDA(c: Omit<Config2d, 'alpha'>, alphas: number[]): { states: (F64State | null)[]; foldAlpha: number | null } {
  const A = c.Rij / c.R;
  let state = newtonF64(A, 0, c.eps, c.lambda, { w1: 0, w2: 0 }, 400);
  if (!state) throw new Error('L_R has no minimum: impossible for λ > 0 (check the inputs)');
  let at = 0;
  const states: (F64State | null)[] = [];
  let fold: number | null = null;
  for (const target of alphas) {
    if (fold !== null && target >= fold) {
      states.push(null);
      continue;
    }
    let h = Math.max(target - at, 0) / 4;
    while (at < target) {
      // a step too small to move α (subnormal targets, or h shrunk below α's ulp) jumps to the target
      let next = Math.min(target, at + h);
      if (!(next > at)) next = target;
      const s = newtonF64(A, -(next * c.Rij) / c.F, c.eps, c.lambda, state, 60);
      if (s && Math.hypot(s.w1 - state.w1, s.w2 - state.w2) < 1 + 0.5 * Math.hypot(state.w1, state.w2)) {
        state = s;
        at = next;
        h *= 1.5;
      } else {
        h = (next - at) / 2;
        if (h < 1e-12 * Math.max(at, 1e-12)) {
          fold = at;
          break;
        }
      }
    }
    states.push(fold !== null && target > fold ? null : { ...state });
  }
  return { states, foldAlpha: fold };
}

/** DA's minimum at c.alpha on the continued branch, polished in decimal. */
export function solveDA(c: Config2d, digits: number): DaBranch {
  const { states, foldAlpha } = continueDA(c, [c.alpha]);
  const s = states[0];
  if (!s) return { point: null, foldAlpha };
  return { point: polish('DA', c, s, digits), foldAlpha };
}

/** The α where DA's branch of minima ends (searching up to alphaMax), or null if it does not. */
export function foldAlpha(c: Omit<Config2d, 'alpha'>, alphaMax: number): number | null {
  return continueDA(c, [alphaMax]).foldAlpha;
}
