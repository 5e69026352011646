/**
 * The 1-D setting with the true logistic loss instead of the exponential proxy (this project's
 * X.* claims): on one coordinate, f(w) = c·log(1 + e^{−w}) + (λ/2)w² with the same coefficients
 * c as theory/logistic1d.ts (c_D, c_R, c_DA). f′(w) = λw − c·σ(−w), σ(t) = 1/(1 + e^{−t}),
 * f″(w) = λ + c·σ(w)σ(−w). Because log(1 + e^{−w}) grows only linearly as w → −∞, f → +∞ on both
 * sides for every c: DA always has a global minimum under the logistic loss (unlike App. E case 3).
 * Stationary points: f′ has at most three zeros (f″ changes sign at most twice); they lie in
 * [−|c|/λ, |c|/λ] (|λw| = |c|σ(−w) ≤ |c|), which a scan of 4,000 cells brackets, then bisection to
 * float64 precision. The point descent reaches from a start w0 is the nearest zero of f′ downhill
 * of w0. Float64 throughout: these are maps and pictures, judged away from their boundaries.
 */

const sigma = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

export function logisticGradient(c: number, lambda: number, w: number): number {
  return lambda * w - c * sigma(-w);
}

export function logisticCurvature(c: number, lambda: number, w: number): number {
  return lambda + c * sigma(w) * sigma(-w);
}

/** Every zero of f′ (ascending), by a scan of [−|c|/λ − 1, |c|/λ + 1] and bisection. */
export function logisticStationary(c: number, lambda: number): number[] {
  const r = Math.abs(c) / lambda + 1;
  const cells = 4000;
  const zeros: number[] = [];
  let a = -r, ga = logisticGradient(c, lambda, a);
  for (let i = 1; i <= cells; i++) {
    const b = -r + (2 * r * i) / cells, gb = logisticGradient(c, lambda, b);
    if (ga === 0) zeros.push(a);
    else if (Math.sign(ga) !== Math.sign(gb) && gb !== 0) {
      let lo = a, hi = b;
      for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); k++) {
        const m = (lo + hi) / 2;
        if (Math.sign(logisticGradient(c, lambda, m)) === Math.sign(ga)) lo = m;
        else hi = m;
      }
      zeros.push((lo + hi) / 2);
    }
    a = b;
    ga = gb;
  }
  return zeros;
}

/** The stationary point gradient flow reaches from w0: the nearest zero of f′ downhill. */
export function logisticDescentEnd(c: number, lambda: number, w0: number): number {
  const zeros = logisticStationary(c, lambda);
  const g0 = logisticGradient(c, lambda, w0);
  if (g0 === 0) return w0;
  if (g0 > 0) return Math.max(...zeros.filter((z) => z < w0));
  return Math.min(...zeros.filter((z) => z > w0));
}

/** The unique minimiser for c ≥ 0 (strictly convex there). */
export function logisticMinimum(c: number, lambda: number): number {
  const z = logisticStationary(c, lambda);
  if (c >= 0 && z.length !== 1) throw new Error(`expected one stationary point for c = ${c} ≥ 0, found ${z.length}`);
  return z[0]!;
}
