/**
 * The 1-D setting with the true logistic loss instead of the exponential proxy (this project's
 * X.* claims): on one coordinate, f(w) = c·log(1 + e^{−w}) + (λ/2)w², with the same coefficients c
 * as theory/logistic1d.ts (c_D, c_R, c_DA); λ > 0, c any real.
 *     f′(w) = λw − c·σ(−w) = λσ(−w)·(φ(w) − z),   φ(w) = w(1 + e^{w}),   z = c/λ,
 * using 1/σ(−w) = 1 + e^{w}. φ′(w) = 1 + e^{w}(1 + w) ≥ 1 − e^{−2} > 0 (the minimum of e^{w}(1 + w)
 * is −e^{−2}, at w = −2), so φ is strictly increasing on ℝ and f′ has exactly one zero w*, with
 * f′ < 0 left of it and > 0 right of it: for EVERY c, f has a unique stationary point and it is its
 * global minimum. In particular DA (c_DA < 0 above α = |F|/|R|) always has a minimum under the
 * logistic loss — unlike the proxy's App. E case 3 — and gradient descent with a stable step
 * reaches it from anywhere. Since log(1 + e^{−w}) ~ −w as w → −∞, for c < 0 and |z| ≫ 1 the
 * minimum sits near w* ≈ z = c/λ (the ridge balancing a linear pull), far out but finite.
 * Bracket: φ(0) = 0, φ(z/2) ≥ z ≥ φ(z) for z < 0 (1 < 1 + e^{w} < 2 there), and for z > 0
 * φ(z/2) = (z/2)(1 + e^{z/2}) ≥ z; so w* ∈ [min(z, 0), z/2]. Method: Newton on φ(w) − z kept
 * inside the shrinking bracket (bisection when a step leaves it), float64, until the bracket or the
 * step is within 2 ulp. Start: the bracket's middle for z < 0; for z > 0 the smaller of its right
 * end z/2 and W0(z), itself above the root (φ(W0(z)) = z + W0(z) > z) and within a relative
 * z^−1·log z of it for large z, so Newton descends the convex φ monotonically (the middle took up
 * to 18 steps for z ≫ 1, this at most 6, and 1 above z ~ 1e30). The residual is evaluated as
 * (w·e^w − z) + w: for z > 0, w·e^w and z nearly cancel and w is added to the small difference,
 * which halves the rounding noise of w(1 + e^w) − z. Accuracy (φ is well conditioned: φ′ ≥ 0.86):
 * within 2 ulp of the root for z = fl(c/λ) (worst measured 1.67 ulp in 50,000 draws), against a
 * decimal Newton polish in properties/logisticLoss1d.test.ts, which also counts the steps. Throws
 * RangeError on non-finite input, λ ≤ 0, or c/λ beyond float64's range.
 */
import { NonConvergenceError } from './errors.ts';
import { lambertW0f64 } from './lambertw.ts';

const sigma = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

export function logisticGradient(c: number, lambda: number, w: number): number {
  return lambda * w - c * sigma(-w);
}

/** f″(w) = λ + c·σ(w)σ(−w); at most λ + max(c, 0)/4 and at least λ + min(c, 0)/4. */
export function logisticCurvature(c: number, lambda: number, w: number): number {
  return lambda + c * sigma(w) * sigma(-w);
}

/** f(w) = c·log(1 + e^{−w}) + (λ/2)w², with log(1 + e^{−w}) computed stably on both sides. */
export function logisticObjective(c: number, lambda: number, w: number): number {
  const softplus = w >= 0 ? Math.log1p(Math.exp(-w)) : -w + Math.log1p(Math.exp(w));
  return c * softplus + (lambda / 2) * w * w;
}

let iterations = 0;
/** Newton iterations logisticMinimum has taken in this process (header: at most 6 per call); for properties/logisticLoss1d.test.ts. */
export function minimumIterations(): number {
  return iterations; // a declaration, like lambertw's float64Iterations: a mutant of it takes effect when called
}

/** The unique minimiser w* of f (header): the root of w(1 + e^{w}) = c/λ. */
export function logisticMinimum(c: number, lambda: number): number {
  if (!Number.isFinite(c) || !Number.isFinite(lambda) || !(lambda > 0)) throw new RangeError(`need finite c and λ > 0; got c = ${c}, λ = ${lambda}`);
  // z = 0 needs no case of its own: the bracket is [0, 0] and the first Newton step is 0
  const z = c / lambda;
  // the root is finite for every finite z, but z itself must be: an overflowed c/λ would return ±∞ or loop to the cap
  if (!Number.isFinite(z)) throw new RangeError(`c/λ overflows float64 (c = ${c}, λ = ${lambda}); |c/λ| must stay below ~1.8e308`);
  const phi = (w: number): number => w * Math.exp(w) - z + w;
  let lo = Math.min(z, 0), hi = z / 2;
  let w = z < 0 ? (lo + hi) / 2 : Math.min(hi, lambertW0f64(z));
  for (let i = 0; i < 200; i++) {
    iterations++;
    const e = Math.exp(w);
    const v = w * e - z + w;
    // v = 0 (an exact root) makes the Newton step 0, which the stop test below returns
    if (v < 0) lo = w;
    else hi = w;
    let next = w - v / (1 + e * (1 + w));
    // closed bracket: for z ≪ 0 the Newton step lands exactly on the end z, which is the root to the last bit
    if (!(next >= lo && next <= hi)) next = (lo + hi) / 2;
    const tiny = 2 * Number.EPSILON * Math.max(Math.abs(next), Number.MIN_VALUE);
    if (Math.abs(next - w) <= tiny || hi - lo <= tiny) return Math.abs(phi(next)) <= Math.abs(phi(w)) ? next : w;
    w = next;
  }
  throw new NonConvergenceError(`logisticMinimum did not converge for c = ${c}, λ = ${lambda}`);
}

/** Every stationary point: exactly one, the minimum (header). Kept as a list for callers that enumerate. */
export function logisticStationary(c: number, lambda: number): number[] {
  return [logisticMinimum(c, lambda)];
}

/** Where gradient flow from w0 ends: the unique minimum, whatever the start (header). */
export function logisticDescentEnd(c: number, lambda: number, w0: number): number {
  if (!Number.isFinite(w0)) throw new RangeError(`start must be finite, got ${w0}`);
  return logisticMinimum(c, lambda);
}
