/**
 * The non-convex toy of Sec. 5.2 (Figure 5): h_θ(x) = σ(a·x + b·x²) on inputs x ∈ {−1, 1, 3, 4}
 * with labels {−1, 1, −1, 1} and cluster weights {5, 4, 1, 4}; weighted MSE normalised by the
 * total weight, plus the ridge (λ/2)(a² + b²) as in Eq. (1):
 *     L(a, b) = Σ_i w_i (σ(z_i) − y_i)² / Σ_i w_i + (λ/2)(a² + b²),   z_i = a·x_i + b·x_i².
 * Retraining sets w_4 = 2; GDA sets w_4 = 0 ("two ascent points cancel two descent points").
 * The printed link is garbled, so it is an assumption with three readings (LINKS). A sample is
 * classified +1 when σ(z) lies above the middle of σ's range (z above the link's threshold).
 * Numerics are float64 (the claims are about which basin and which samples, not digits):
 * gradient and Hessian are analytic (properties/T52.two-minima.ts checks them against mathjs), local
 * minima come from a grid scan then Newton to |∇L| < 1e−12, classified by the Hessian's
 * eigenvalues (both > 0: minimum); a multi-start descent over the disc that provably holds every
 * stationary point (stationaryRadius) checks that the scan missed none.
 * Reading of the paper: labels are compared with h directly ((h − y)², no rescaling); the ridge is
 * (λ/2)‖θ‖² as in Eq. (1) (the printed loss of Sec. 5.2 is garbled; λ‖θ‖² is probed by the claims
 * as λ → 2λ). `normaliser` probes dividing every objective by |D| = 14 instead of its own weight.
 */

import { NonConvergenceError } from './logistic2d.ts';

export { NonConvergenceError };

export interface Link {
  name: string;
  description: string;
  /** σ, σ′, σ″ at z */
  f: (z: number) => [number, number, number];
  /** z at which σ crosses the middle of its range: the decision threshold */
  threshold: number;
  /** the same link as a mathjs expression in z (for the symbolic cross-check) */
  expression: string;
}

function logistic(z: number): [number, number, number] {
  const s = 1 / (1 + Math.exp(-z));
  const d = s * (1 - s);
  return [s, d, d * (1 - 2 * s)];
}

export const LINKS: Record<string, Link> = {
  logistic: {
    name: 'logistic',
    description: 'σ(z) = 1/(1 + e^{−z}), range (0, 1), threshold z = 0',
    f: logistic,
    threshold: 0,
    expression: '1/(1 + exp(-z))',
  },
  'tanh-half': {
    name: 'tanh-half',
    description: 'σ(z) = tanh(z/2) = 2/(1 + e^{−z}) − 1, range (−1, 1), threshold z = 0',
    f: (z) => {
      const [s, d, dd] = logistic(z);
      return [2 * s - 1, 2 * d, 2 * dd];
    },
    threshold: 0,
    expression: '2/(1 + exp(-z)) - 1',
  },
  'printed-shifted': {
    name: 'printed-shifted',
    description: 'σ(z) = 1/(1 + e^{−(1+z)/2}) as printed, range (0, 1), threshold z = −1',
    f: (z) => {
      const [s, d, dd] = logistic((1 + z) / 2);
      return [s, d / 2, dd / 4];
    },
    threshold: -1,
    expression: '1/(1 + exp(-(1 + z)/2))',
  },
};

/**
 * The readings joined by one parameter: σ_κ(z) = (1 + κ)/(1 + e^{−z}) − κ, κ ∈ [0, 1], range (−κ, 1),
 * threshold z = 0 for every κ (σ_κ(0) = (1 − κ)/2, the middle of its range). κ = 0 is the logistic
 * reading, κ = 1 tanh-half exactly: where a claim holds under one and not the other, the family
 * locates the boundary between them.
 */
export function linkFamily(kappa: number): Link {
  if (!(kappa >= 0 && kappa <= 1)) throw new RangeError(`κ must lie in [0, 1], got ${kappa}`);
  return {
    name: `family κ=${kappa}`,
    description: `σ(z) = ${1 + kappa}/(1 + e^{−z}) − ${kappa}, range (−${kappa}, 1), threshold z = 0`,
    f: (z) => {
      const [s, d, dd] = logistic(z);
      return [(1 + kappa) * s - kappa, (1 + kappa) * d, (1 + kappa) * dd];
    },
    threshold: 0,
    expression: `(1 + ${kappa})/(1 + exp(-z)) - ${kappa}`,
  };
}

export const XS = [-1, 1, 3, 4] as const;
export const YS = [-1, 1, -1, 1] as const;
export const WEIGHTS = { pretrain: [5, 4, 1, 4], retrain: [5, 4, 1, 2], gda: [5, 4, 1, 0] } as const;
export type Objective = keyof typeof WEIGHTS;

export interface ToyProblem {
  link: Link;
  weights: readonly number[];
  lambda: number;
  /** divide the data term by this instead of the objective's own total weight (a probe: |D| = 14 for every objective) */
  normaliser?: number;
}

const totalWeight = (p: ToyProblem): number => p.normaliser ?? p.weights.reduce((s, w) => s + w, 0);

/** The largest |σ′| of a link (sup over z, by a fine scan: the links are smooth and their σ′ unimodal). */
function slopeMax(link: Link): number {
  let m = 0;
  for (let i = -4000; i <= 4000; i++) m = Math.max(m, Math.abs(link.f(i / 200)[1]));
  return m * (1 + 1e-6);
}

/**
 * Every stationary point θ has λ‖θ‖ = ‖∇(data term)‖ ≤ Σ (2w_i/W)·sup|σ − y_i|·sup|σ′|·‖(x_i, x_i²)‖,
 * so this radius holds them all (sup|σ − y| ≤ 2 for every link here: σ and y lie in [−1, 1]).
 */
export function stationaryRadius(p: ToyProblem): number {
  const W = totalWeight(p), s = slopeMax(p.link);
  return XS.reduce((acc, x, i) => acc + ((2 * p.weights[i]!) / W) * 2 * s * Math.hypot(x, x * x), 0) / p.lambda;
}

export function loss(p: ToyProblem, a: number, b: number): number {
  const W = totalWeight(p);
  let s = 0;
  for (let i = 0; i < 4; i++) {
    const z = a * XS[i]! + b * XS[i]! * XS[i]!;
    const r = p.link.f(z)[0] - YS[i]!;
    s += p.weights[i]! * r * r;
  }
  return s / W + (p.lambda / 2) * (a * a + b * b);
}

/** ∇L and the Hessian [[Laa, Lab], [Lab, Lbb]]. */
export function gradHess(p: ToyProblem, a: number, b: number): { g: [number, number]; H: [number, number, number] } {
  const W = totalWeight(p);
  let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
  for (let i = 0; i < 4; i++) {
    const x = XS[i]!, x2 = x * x;
    const [s, d, dd] = p.link.f(a * x + b * x2);
    const r = s - YS[i]!;
    const c1 = (2 * p.weights[i]! * r * d) / W;
    const c2 = (2 * p.weights[i]! * (d * d + r * dd)) / W;
    ga += c1 * x;
    gb += c1 * x2;
    haa += c2 * x * x;
    hab += c2 * x * x2;
    hbb += c2 * x2 * x2;
  }
  return { g: [ga + p.lambda * a, gb + p.lambda * b], H: [haa + p.lambda, hab, hbb + p.lambda] };
}

export type StationaryKind = 'min' | 'max' | 'saddle' | 'degenerate';

export interface ToyPoint {
  a: number;
  b: number;
  loss: number;
  kind: StationaryKind;
  eigenvalues: [number, number];
}

/**
 * A stationary point's kind from the Hessian's ascending eigenvalues: 'min' when both exceed tol,
 * 'max' when both are below −tol, 'saddle' when they straddle ±tol, 'degenerate' when either lies
 * within tol of 0 (and the signs do not already decide it). Strict inequalities: an eigenvalue at
 * exactly ±tol counts as zero.
 */
export function stationaryKind(ev: readonly [number, number], tol: number): StationaryKind {
  return ev[0] > tol ? 'min' : ev[1] < -tol ? 'max' : ev[0] < -tol && ev[1] > tol ? 'saddle' : 'degenerate';
}

/**
 * The interior cells (i, j), 0 < i, j < n, of an (n + 1) × (n + 1) grid of values that are strictly
 * lower than all 8 neighbours, row by row: the local-minimum candidates of the scan.
 */
export function lowerThanNeighbours(grid: readonly (readonly number[])[]): [number, number][] {
  const n = grid.length - 1;
  const out: [number, number][] = [];
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) {
      const v = grid[i]![j]!;
      let lowest = true;
      // the cell itself is among the nine, harmlessly: v < v is false
      for (let di = -1; di <= 1 && lowest; di++) for (let dj = -1; dj <= 1; dj++) if (grid[i + di]![j + dj]! < v) lowest = false;
      if (lowest) out.push([i, j]);
    }
  }
  return out;
}

/** Adds pt to found unless a point of found lies within 1e−6 of it (the searches' duplicate test). */
function addDistinct(found: ToyPoint[], pt: ToyPoint): void {
  if (!found.some((q) => Math.hypot(q.a - pt.a, q.b - pt.b) < 1e-6)) found.push(pt);
}

/**
 * The starts of multiStartMinima: `rings` radii geometric from 1 to `radius` (radius^(k/(rings − 1));
 * one ring at radius 1 when rings = 1) times `angles` directions 2π(j + ½·(k mod 2))/angles, odd rings
 * turned by half a step so that neighbouring rings interleave.
 */
export function multiStartPoints(radius: number, rings: number, angles: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < rings; k++) {
    const r = radius ** (k / Math.max(1, rings - 1));
    for (let j = 0; j < angles; j++) {
      const phi = (2 * Math.PI * (j + 0.5 * (k % 2))) / angles;
      out.push([r * Math.cos(phi), r * Math.sin(phi)]);
    }
  }
  return out;
}

function eigen(H: [number, number, number]): [number, number] {
  const [p, q, r] = H;
  const m = (p + r) / 2, d = Math.sqrt(((p - r) / 2) ** 2 + q * q);
  return [m - d, m + d];
}

/** Newton's method on ∇L = 0 from (a, b), with step halving on the gradient norm; null if it fails. */
export function newtonStationary(p: ToyProblem, a0: number, b0: number): ToyPoint | null {
  let a = a0, b = b0;
  for (let it = 0; it < 200; it++) {
    const { g, H } = gradHess(p, a, b);
    const gn = Math.hypot(g[0], g[1]);
    if (gn < 1e-12) {
      const ev = eigen(H);
      return { a, b, loss: loss(p, a, b), kind: stationaryKind(ev, 1e-10), eigenvalues: ev };
    }
    const det = H[0] * H[2] - H[1] * H[1];
    if (Math.abs(det) < 1e-300) return null;
    let da = -(H[2] * g[0] - H[1] * g[1]) / det;
    let db = -(-H[1] * g[0] + H[0] * g[1]) / det;
    // damp until the gradient norm decreases (keeps Newton from jumping basins)
    let t = 1;
    for (; t > 1e-6; t /= 2) {
      const g2 = gradHess(p, a + t * da, b + t * db).g;
      if (Math.hypot(g2[0], g2[1]) < gn) break;
    }
    da *= t;
    db *= t;
    a += da;
    b += db;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  }
  return null;
}

/**
 * Every local minimum found from a grid scan of [−r, r]² (cells lower than their 8 neighbours)
 * refined by Newton, deduplicated, sorted by loss. r = √(2·L(0)/λ) + 1 holds every minimiser whose
 * loss is at most L(0); the scan's reach is reported so a reader can judge it.
 */
export function localMinima(p: ToyProblem, cells = 240): { minima: ToyPoint[]; radius: number } {
  const radius = Math.sqrt((2 * loss(p, 0, 0)) / p.lambda) + 1;
  const h = (2 * radius) / cells;
  const grid: number[][] = [];
  for (let i = 0; i <= cells; i++) {
    const row: number[] = [];
    for (let j = 0; j <= cells; j++) row.push(loss(p, -radius + i * h, -radius + j * h));
    grid.push(row);
  }
  const found: ToyPoint[] = [];
  for (const [i, j] of lowerThanNeighbours(grid)) {
    const pt = newtonStationary(p, -radius + i * h, -radius + j * h);
    if (pt && pt.kind === 'min') addDistinct(found, pt);
  }
  return { minima: found.sort((x, y) => x.loss - y.loss), radius };
}

/**
 * Descent with backtracking (Armijo) and step growth from (a, b), then Newton: a local minimum
 * (or null if it does not settle in `iterations`). Unlike plain Newton it cannot stop at a saddle
 * or a maximum from a generic start, which makes it the tool for a multi-start search.
 */
export function descendToMinimum(p: ToyProblem, a0: number, b0: number, iterations = 4000): ToyPoint | null {
  let a = a0, b = b0, t = 1;
  let f = loss(p, a, b);
  for (let it = 0; it < iterations; it++) {
    const { g } = gradHess(p, a, b);
    const gn2 = g[0] * g[0] + g[1] * g[1];
    if (gn2 < 1e-14) break;
    for (t *= 2; t > 1e-14; t /= 2) {
      const fa = loss(p, a - t * g[0], b - t * g[1]);
      if (fa <= f - 1e-4 * t * gn2) {
        a -= t * g[0];
        b -= t * g[1];
        f = fa;
        break;
      }
    }
    if (t <= 1e-14) break;
  }
  const pt = newtonStationary(p, a, b);
  return pt && pt.kind === 'min' ? pt : null;
}

/**
 * Minima beyond the scan of localMinima: descent from starts spread over the disc of radius
 * stationaryRadius (which holds every stationary point): `rings` radii, geometric from 1 to that
 * radius, times `angles` directions. Returns the distinct minima found (the scan's included if
 * reached), sorted by loss.
 */
export function multiStartMinima(p: ToyProblem, rings = 10, angles = 32): { minima: ToyPoint[]; radius: number; starts: number } {
  const radius = stationaryRadius(p);
  const found: ToyPoint[] = [];
  const starts = multiStartPoints(radius, rings, angles);
  for (const [a, b] of starts) {
    const pt = descendToMinimum(p, a, b);
    if (pt) addDistinct(found, pt);
  }
  return { minima: found.sort((x, y) => x.loss - y.loss), radius, starts: starts.length };
}

/** Where gradient descent counts as settled: |∇L| below this (float64 reaches ~1e−15 on this toy). */
export const GD_TOLERANCE = 1e-12;

/**
 * Gradient descent with a fixed step η until |∇L| < tol (the run the paper's Figure 5 draws), with
 * its path sampled for charts. Step cap: if |∇L| is still ≥ tol after `maxSteps` steps, or an
 * iterate is not finite, it throws NonConvergenceError (a stalled or diverging run is never
 * reported as an end point).
 */
export function gradientDescent(p: ToyProblem, a0: number, b0: number, eta: number, maxSteps: number, tol = GD_TOLERANCE): { a: number; b: number; gradNorm: number; steps: number; path: [number, number][] } {
  let a = a0, b = b0;
  const path: [number, number][] = [[a, b]];
  const every = Math.max(1, Math.floor(maxSteps / 200));
  for (let t = 0; t <= maxSteps; t++) {
    const { g } = gradHess(p, a, b);
    const gradNorm = Math.hypot(g[0], g[1]);
    if (!Number.isFinite(gradNorm)) break;
    if (gradNorm < tol) {
      path.push([a, b]);
      return { a, b, gradNorm, steps: t, path };
    }
    if (t === maxSteps) break;
    a -= eta * g[0];
    b -= eta * g[1];
    if (t % every === 0) path.push([a, b]);
  }
  throw new NonConvergenceError(`gradient descent (η = ${eta}) from (${a0}, ${b0}) did not reach |∇L| < ${tol} within ${maxSteps} steps; it stopped at (${a}, ${b})`);
}

/** Which samples θ classifies correctly, and the weighted counts under a weight vector. */
export function classify(link: Link, a: number, b: number, weights: readonly number[]): { correct: boolean[]; nCorrect: number; nWrong: number; boundaries: number[] } {
  const correct = XS.map((x, i) => (a * x + b * x * x > link.threshold ? 1 : -1) === YS[i]);
  let nCorrect = 0, nWrong = 0;
  correct.forEach((c, i) => (c ? (nCorrect += weights[i]!) : (nWrong += weights[i]!)));
  // the boundary in x: b·x² + a·x − threshold = 0
  const boundaries: number[] = [];
  if (Math.abs(b) < 1e-14) {
    if (Math.abs(a) > 1e-14) boundaries.push(link.threshold / a);
  } else {
    const disc = a * a + 4 * b * link.threshold;
    if (disc >= 0) boundaries.push((-a - Math.sqrt(disc)) / (2 * b), (-a + Math.sqrt(disc)) / (2 * b));
  }
  return { correct, nCorrect, nWrong, boundaries: boundaries.sort((x, y) => x - y) };
}
