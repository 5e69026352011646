/**
 * Iterative descent-ascent (Sec. 5.1.1 end, App. C.3) on one coordinate of the 1-D setting:
 * a descent step on R, then an ascent step on F, both with the ridge and the same step η:
 *     w' = w − η(−c_R e^{−w} + λw),   T(w) = w'' = w' − η(c_F e^{−w'} + λw'),
 * with c_R = |R_j|/|R| and c_F = α|R_j|/|F|.
 * Fixed points: T(w) = w ⇔ G(w) = 0 with G(w) = (−c_R e^{−w} + λw) + (c_F e^{−w'} + λw').
 * As η → 0, G → 2λw − (c_R − c_F)e^{−w}, so fixed points tend to W((c_R − c_F)/(2λ)): simultaneous
 * DA with the ridge doubled (claims.md, C3.first-order).
 * Stability: |T′(w*)| < 1 with T′(w) = (1 + ηc_F e^{−w'} − ηλ)(1 − η(c_R e^{−w} + λ)).
 * Completeness of the search (for ηλ < 1): G > 0 for w ≥ b = max(0, c_R/(λ(2 − ηλ))) + 1, and
 * G < 0 for w ≤ a, where a = 0 if c_R(1 − ηλ) > c_F, else a = −ln(ln(c_F/(c_R(1−ηλ)))/(ηc_R)) − 1
 * (there the descent step carries w' so far right that c_F e^{−w'} < c_R(1−ηλ)e^{−w}). All fixed
 * points lie in [a, b]: a scan of [a, b] finds every sign change; each is refined by bisection in
 * decimal.js. A fixed point where G touches zero without changing sign would be missed; the
 * scan's resolution is reported.
 */
import { Decimal } from 'decimal.js';
import { decimalAt } from './lambertw.ts';
import { fastExp } from './decimalExp.ts';
import { bisectRoot } from './logistic1d.ts';

export interface IterativeParams {
  cR: number;
  cF: number;
  lambda: number;
  eta: number;
}

/** One two-step update in float64. */
export function iterateOnce(w: number, p: IterativeParams): number {
  const w1 = w - p.eta * (-p.cR * Math.exp(-w) + p.lambda * w);
  return w1 - p.eta * (p.cF * Math.exp(-w1) + p.lambda * w1);
}

/** T′(w), the derivative of the two-step map (chain rule), float64. */
export function mapSlope(w: number, p: IterativeParams): number {
  const w1 = w - p.eta * (-p.cR * Math.exp(-w) + p.lambda * w);
  return (1 + p.eta * p.cF * Math.exp(-w1) - p.eta * p.lambda) * (1 - p.eta * (p.cR * Math.exp(-w) + p.lambda));
}

/** G(w) in decimal: zero exactly at fixed points of T (T(w) − w = −η·G(w)). */
function fixedPointResidual(w: Decimal, cR: Decimal, cF: Decimal, lambda: Decimal, eta: Decimal, precision: number): Decimal {
  const g1 = lambda.times(w).minus(cR.times(fastExp(w.neg(), precision)));
  const w1 = w.minus(eta.times(g1));
  const g2 = cF.times(fastExp(w1.neg(), precision)).plus(lambda.times(w1));
  return g1.plus(g2);
}

export interface FixedPoint {
  w: Decimal;
  slope: number;
  stable: boolean;
}

export interface FixedPointSearch {
  points: FixedPoint[];
  interval: [number, number];
  scanPoints: number;
}

/** Every fixed point of T (see the header for why [a, b] holds them all), with stability. */
export function fixedPoints(p: IterativeParams, digits: number, scanPoints = 4000): FixedPointSearch {
  if (!(p.eta > 0) || !(p.lambda > 0) || p.eta * p.lambda >= 1) throw new RangeError(`need η > 0, λ > 0 and ηλ < 1 (the ridge step alone must contract); got η = ${p.eta}, λ = ${p.lambda}`);
  const b = Math.max(0, p.cR / (p.lambda * (2 - p.eta * p.lambda))) + 1;
  const shrink = p.cR * (1 - p.eta * p.lambda);
  const a = shrink > p.cF ? -1 : -Math.log(Math.max(Math.log(p.cF / shrink), 1e-300) / (p.eta * p.cR)) - 1;
  const D = decimalAt(digits + 10);
  const [cR, cF, lambda, eta] = [p.cR, p.cF, p.lambda, p.eta].map((x) => new D(x));
  const G = (w: Decimal): Decimal => fixedPointResidual(w, cR!, cF!, lambda!, eta!, digits + 10);
  // the scan is in float64 (sign only); refinement is in decimal
  const gF = (w: number): number => {
    const g1 = p.lambda * w - p.cR * Math.exp(-w);
    const w1 = w - p.eta * g1;
    return g1 + p.cF * Math.exp(-w1) + p.lambda * w1;
  };
  const points: FixedPoint[] = [];
  let prevW = a, prevG = gF(a);
  for (let i = 1; i <= scanPoints; i++) {
    const w = a + ((b - a) * i) / scanPoints;
    const g = gF(w);
    if (Number.isFinite(g) && Number.isFinite(prevG) && Math.sign(g) !== Math.sign(prevG) && g !== 0) {
      const root = bisectRoot(G, new D(prevW), new D(w), digits);
      const slope = mapSlope(root.toNumber(), p);
      points.push({ w: root, slope, stable: Math.abs(slope) < 1 });
    }
    prevW = w;
    prevG = g;
  }
  return { points, interval: [a, b], scanPoints };
}

export type IterationStatus = 'converged' | 'diverged' | 'not-converged';

/**
 * Runs T from `start` for at most `steps` steps (float64). Converged when the distance to the
 * fixed point, estimated as |Δw|/(1 − |T′(w)|) for a contraction, is below 1e−12(1 + |w|);
 * diverged when w leaves [−1e12, 1e12] or is not finite.
 */
export function runIteration(start: number, p: IterativeParams, steps: number): { w: number; steps: number; status: IterationStatus } {
  let w = start;
  for (let t = 1; t <= steps; t++) {
    const next = iterateOnce(w, p);
    if (!Number.isFinite(next) || Math.abs(next) > 1e12) return { w: next, steps: t, status: 'diverged' };
    const step = Math.abs(next - w);
    if (step < 1e-9 * (1 + Math.abs(w))) {
      const k = Math.abs(mapSlope(next, p));
      if (k < 1 && step / (1 - k) < 1e-12 * (1 + Math.abs(next))) return { w: next, steps: t, status: 'converged' };
    }
    w = next;
  }
  return { w, steps, status: 'not-converged' };
}
