/**
 * Iterative descent-ascent (Sec. 5.1.1 end, App. C.3) on one coordinate of the 1-D setting:
 * a descent step on R, then an ascent step on F, both with the ridge and the same step η:
 *     w' = w − η f₁(w),  f₁(w) = λw − c_R e^{−w};   T(w) = w'' = w' − η f₂(w'),  f₂(v) = λv + c_F e^{−v},
 * with c_R = |R_j|/|R| and c_F = α|R_j|/|F|.
 *
 * Fixed points. T(w) − w = −η·G(w) with G(w) = f₁(w) + f₂(w'), which simplifies exactly to
 *     G(w) = λ(2 − ηλ)w − c_R(1 − ηλ)e^{−w} + c_F e^{−w'},   w' = (1 − ηλ)w + ηc_R e^{−w}.
 * At η = 0, G = 2λw − (c_R − c_F)e^{−w}, whose zeros are W((c_R − c_F)/(2λ)): simultaneous DA with
 * the ridge doubled (the paper's λ_DA = 2λ_iter-DA). The implicit function theorem gives the first
 * order: w*(η) = w₀ + C·η + O(η²) with (using 2λw₀ = (c_R − c_F)e^{−w₀})
 *     C = −∂_ηG/∂_wG = −(λ − c_F e^{−w₀})(c_R + c_F)e^{−w₀} / (4λ(1 + w₀)),
 * which blows up at the branch point w₀ = −1: there the first-order regime needs η ≪ (1 + w₀)².
 * For c_F > c_R(1 − ηλ) there is one more fixed point far to the left, an O(η²) effect: with
 * u = ηc_R e^{−w} of order one, G = 0 reduces to (c_F/c_R)e^{−u} = 1 as η → 0, so
 *     w* = ln(ηc_R/L) + o(1),  L = ln(c_F/c_R),  T′(w*) → (1 + L)(1 − L) = 1 − L²,
 * i.e. it drifts to −∞ like ln η and is stable iff L < √2 ⇔ c_F/c_R < e^{√2} ≈ 4.113, for every
 * small η: a smaller step does not help beyond that ratio (the iteration period-doubles into chaos).
 * The order of the two steps does not matter for any of this: if T = A∘D fixes w*, then D∘A fixes
 * D(w*) = w* − ηf₁(w*) (an O(η) shift) with the same multiplier (the paper's main text says ascent
 * first, App. C.3 descent first).
 *
 * Completeness of the search (needs 0 < ηλ < 1). (i) G(w) > λ(2 − ηλ)w − c_R e^{−w} for every w
 * (drop c_F e^{−w'} ≥ 0 and use w' > (1 − ηλ)w), so every zero lies below b = W₀(c_R/(λ(2 − ηλ))).
 * (ii) For w ≤ 0, λ(2 − ηλ)w ≤ 0 and w' − w ≥ ηc_R e^{−w}, so G < 0 wherever
 * c_F e^{−ηc_R e^{−w}} < c_R(1 − ηλ): everywhere on w ≤ 0 if c_F ≤ c_R(1 − ηλ), else for
 * w < ln(ηc_R/Lg) with Lg = ln(c_F/(c_R(1 − ηλ))). So every zero lies in [a, b] with
 * a = min(0, ln(ηc_R/Lg)) − 1 and b = W₀(...) + 1, and G(a) < 0 < G(b): a fixed point always exists.
 * On [a, b] zeros are enumerated rigorously (up to float64 rounding in the tests below): a cell
 * [u, v] is settled when an interval bound on G′ over it excludes 0 (G monotone: one zero iff the
 * ends differ in sign) or when |G(mid)| exceeds that bound times half the width (no zero);
 * otherwise it is halved. A cell still unsettled at relative width 1e−11 (a double zero: G touches
 * 0, the fold between two fixed points) is reported in `unresolved`, never silently dropped; so is
 * a cell where float64 saw a sign change that G in decimal does not show (|G| below float64's
 * rounding, which happens next to a fold).
 * Each zero is refined in decimal.js (bisection then Newton, logistic1d.bisectRoot) to `digits`.
 * Stability: |T′(w*)| < 1 with T′(w) = (1 − ηλ + ηc_F e^{−w'})(1 − ηλ − ηc_R e^{−w}) (chain rule),
 * evaluated in float64 at the refined zero (a multiplier within ~1e−12 of ±1 is not decided).
 * T is increasing exactly where the second factor is positive, w > w_mono = ln(ηc_R/(1 − ηλ)):
 * there an orbit moves monotonically to the next fixed point (see monotoneDestination).
 */
import { Decimal } from 'decimal.js';
import { decimalAt, lambertW0f64 } from './lambertw.ts';
import { fastExp } from './decimalExp.ts';
import { bisectRoot } from './logistic1d.ts';
import { NonConvergenceError } from './logistic2d.ts';

export { NonConvergenceError };

export interface IterativeParams {
  cR: number;
  cF: number;
  lambda: number;
  eta: number;
}

/** e^{√2}: the ratio c_F/c_R above which the O(η²) fixed point repels for every small η. */
export const STABILITY_RATIO = Math.exp(Math.SQRT2);

function checkParams(p: IterativeParams): void {
  const ok = [p.cR, p.cF, p.lambda, p.eta].every(Number.isFinite) && p.cR > 0 && p.cF >= 0 && p.lambda > 0 && p.eta > 0;
  if (!ok) throw new RangeError(`need c_R > 0, c_F ≥ 0, λ > 0, η > 0 (finite); got c_R = ${p.cR}, c_F = ${p.cF}, λ = ${p.lambda}, η = ${p.eta}`);
  if (p.eta * p.lambda >= 1) throw new RangeError(`need η·λ < 1 (the ridge part of a step must not overshoot); got η = ${p.eta}, λ = ${p.lambda}`);
}

/** One two-step update in float64. */
export function iterateOnce(w: number, p: IterativeParams): number {
  const w1 = w - p.eta * (-p.cR * Math.exp(-w) + p.lambda * w);
  return w1 - p.eta * (p.cF * Math.exp(-w1) + p.lambda * w1);
}

/** One two-step update in decimal.js at `digits` (+10 guard) significant digits. */
export function iterateOnceDecimal(wIn: Decimal.Value, p: IterativeParams, digits: number): Decimal {
  const D = decimalAt(digits + 10);
  const [cR, cF, lambda, eta, w] = [p.cR, p.cF, p.lambda, p.eta, wIn].map((x) => new D(x)) as [Decimal, Decimal, Decimal, Decimal, Decimal];
  const w1 = w.minus(eta.times(lambda.times(w).minus(cR.times(fastExp(w.neg(), digits + 10)))));
  return w1.minus(eta.times(cF.times(fastExp(w1.neg(), digits + 10)).plus(lambda.times(w1))));
}

/** T′(w), the derivative of the two-step map (chain rule), float64. */
export function mapSlope(w: number, p: IterativeParams): number {
  const w1 = w - p.eta * (-p.cR * Math.exp(-w) + p.lambda * w);
  return (1 + p.eta * p.cF * Math.exp(-w1) - p.eta * p.lambda) * (1 - p.eta * (p.cR * Math.exp(-w) + p.lambda));
}

/** G(w) in float64 (the simplified form of the header): T(w) − w = −η·G(w). */
export function fixedPointResidual(w: number, p: IterativeParams): number {
  const k = 1 - p.eta * p.lambda;
  const e = Math.exp(-w);
  const w1 = k * w + p.eta * p.cR * e;
  return p.lambda * (2 - p.eta * p.lambda) * w - p.cR * k * e + p.cF * Math.exp(-w1);
}

/** Interval [lo, hi] ⊇ {G′(w) : w ∈ [u, v]}, from monotone pieces of the header's G′ formula (exported for its properties). */
export function slopeBounds(u: number, v: number, p: IterativeParams): [number, number] {
  const k = 1 - p.eta * p.lambda, ec = p.eta * p.cR;
  const eU = Math.exp(-u), eV = Math.exp(-v);
  const w1Lo = k * u + ec * eV, w1Hi = k * v + ec * eU;
  const fLo = p.cF * Math.exp(-w1Hi), fHi = p.cF * Math.exp(-w1Lo); // c_F e^{−w'}
  const dLo = k - ec * eU, dHi = k - ec * eV; // dw'/dw
  const prods = [fLo * dLo, fLo * dHi, fHi * dLo, fHi * dHi];
  const pLo = Math.min(...prods), pHi = Math.max(...prods);
  const base = p.lambda * (2 - p.eta * p.lambda);
  return [base + p.cR * k * eV - pHi, base + p.cR * k * eU - pLo];
}

/** G and G′ in decimal (for the Newton polish), sharing the exponentials. */
function residualDecimal(p: IterativeParams, precision: number): { g: (w: Decimal) => Decimal; gd: (w: Decimal) => [Decimal, Decimal] } {
  const D = decimalAt(precision);
  const [cR, cF, lambda, eta] = [p.cR, p.cF, p.lambda, p.eta].map((x) => new D(x)) as [Decimal, Decimal, Decimal, Decimal];
  const k = new D(1).minus(eta.times(lambda));
  const base = lambda.times(new D(2).minus(eta.times(lambda)));
  const gd = (w: Decimal): [Decimal, Decimal] => {
    const e = fastExp(w.neg(), precision);
    const w1 = k.times(w).plus(eta.times(cR).times(e));
    const f = cF.times(fastExp(w1.neg(), precision));
    const g = base.times(w).minus(cR.times(k).times(e)).plus(f);
    const dg = base.plus(cR.times(k).times(e)).minus(f.times(k.minus(eta.times(cR).times(e))));
    return [g, dg];
  };
  return { g: (w) => gd(w)[0], gd };
}

/** The interval [a, b] that provably holds every fixed point (header, "Completeness"). */
export function searchInterval(p: IterativeParams): [number, number] {
  checkParams(p);
  const b = Math.max(0, lambertW0f64(p.cR / (p.lambda * (2 - p.eta * p.lambda)))) + 1;
  const shrink = p.cR * (1 - p.eta * p.lambda);
  let a = -1;
  if (p.cF > shrink) {
    // lg ≥ 0 here; it rounds to 0 only when c_F and the shrunk c_R agree to ~1e−16, and then ln(ηc_R/0) = ∞ gives a = −1
    const lg = Math.log(p.cF / shrink);
    a = Math.min(0, Math.log((p.eta * p.cR) / lg)) - 1;
  }
  if (!(a > -700)) throw new RangeError(`the left end of the fixed-point search, ${a}, is beyond float64's exponential range (η·c_R too small against ln(c_F/c_R))`);
  return [a, b];
}

export interface FixedPoint {
  w: Decimal;
  slope: number;
  stable: boolean;
}

export interface FixedPointSearch {
  points: FixedPoint[];
  interval: [number, number];
  /** cells examined by the enumeration */
  cells: number;
  /** cells where a double zero (a fold) could not be excluded: [u, v] and whether G changes sign there */
  unresolved: { cell: [number, number]; signChange: boolean }[];
}

/** Cells the enumeration may examine before it gives up (a fold refines to width 1e−11 in ~40 halvings per cell, far below this). */
export const MAX_CELLS = 2_000_000;

/**
 * Every fixed point of T with its multiplier T′ and stability (see the header for completeness).
 * `initialCells` only sets the first partition of [a, b]; the enumeration refines it as needed.
 * Step cap: past `maxCells` examined cells it throws NonConvergenceError (never loops on).
 */
export function fixedPoints(p: IterativeParams, digits: number, initialCells = 64, maxCells = MAX_CELLS): FixedPointSearch {
  const [a, b] = searchInterval(p);
  const precision = digits + 10;
  const D = decimalAt(precision);
  const G = residualDecimal(p, precision);
  const roots: [number, number][] = [];
  const unresolved: FixedPointSearch['unresolved'] = [];
  const n0 = Math.max(1, Math.floor(initialCells));
  const grid = Array.from({ length: n0 + 1 }, (_, i) => (i === n0 ? b : a + ((b - a) * i) / n0));
  const gGrid = grid.map((w) => fixedPointResidual(w, p));
  const stack: [number, number, number, number][] = [];
  for (let i = n0 - 1; i >= 0; i--) stack.push([grid[i]!, grid[i + 1]!, gGrid[i]!, gGrid[i + 1]!]);
  let cells = 0;
  while (stack.length) {
    const [u, v, gu, gv] = stack.pop()!;
    if (++cells > maxCells) throw new NonConvergenceError(`fixed-point enumeration did not settle within ${maxCells} cells (c_R = ${p.cR}, c_F = ${p.cF}, λ = ${p.lambda}, η = ${p.eta})`);
    if (!Number.isFinite(gu) || !Number.isFinite(gv)) throw new Error(`G is not finite on [${u}, ${v}]`);
    const [lo, hi] = slopeBounds(u, v, p);
    // a zero at an end counts as a change (Math.sign(±0) = ±0); both values are finite here
    const change = Math.sign(gu) * Math.sign(gv) <= 0;
    if (lo > 0 || hi < 0) {
      if (change) roots.push([u, v]);
      continue;
    }
    const m = (u + v) / 2, gm = fixedPointResidual(m, p);
    const lip = Math.max(Math.abs(lo), Math.abs(hi));
    if (!change && Math.abs(gm) > lip * (v - u) * 0.5 * (1 + 1e-9) + 1e-300) continue;
    if (v - u <= 1e-11 * (1 + Math.abs(m))) {
      unresolved.push({ cell: [u, v], signChange: change });
      if (change) roots.push([u, v]);
      continue;
    }
    stack.push([m, v, gm, gv], [u, m, gu, gm]);
  }
  // neighbouring cells share an end: a zero exactly on it is reported by both. The stack pops the
  // left half of each split first, so the roots come in increasing order
  const points: FixedPoint[] = [];
  for (const [u, v] of roots) {
    // next to a fold |G| sinks below float64's rounding: a sign change seen in float64 that the decimal G does not show is reported, not refined
    if (G.g(new D(u)).isNegative() === G.g(new D(v)).isNegative()) {
      unresolved.push({ cell: [u, v], signChange: false });
      continue;
    }
    const root = bisectRoot(G.g, new D(u), new D(v), digits, G.gd);
    if (points.length && root.minus(points[points.length - 1]!.w).abs().lte(new D(10).pow(-digits + 5).times(root.abs().plus(1)))) continue;
    const slope = mapSlope(root.toNumber(), p);
    points.push({ w: root, slope, stable: Math.abs(slope) < 1 });
  }
  return { points, interval: [a, b], cells, unresolved };
}

/** w_mono = ln(ηc_R/(1 − ηλ)): T is strictly increasing on (w_mono, ∞) and not on any larger interval. */
export function monotoneFrom(p: IterativeParams): number {
  checkParams(p);
  return Math.log((p.eta * p.cR) / (1 - p.eta * p.lambda));
}

/**
 * Where the orbit of `start` goes, by monotonicity alone (no iteration): if start > w_mono and the
 * next fixed point in the direction T moves (sign of −G(start)) also lies above w_mono, the orbit is
 * monotone and converges to it (T increasing with no fixed point in between). Otherwise null: the
 * orbit enters the region where T reverses order, and only iterating tells.
 */
export function monotoneDestination(start: number, p: IterativeParams, points: FixedPoint[]): FixedPoint | null {
  const wm = monotoneFrom(p);
  if (!(start > wm)) return null;
  const ws = points.map((x) => x.w.toNumber());
  const hit = points.find((_, i) => Math.abs(ws[i]! - start) <= 1e-12 * (1 + Math.abs(start)));
  if (hit) return hit;
  const g = fixedPointResidual(start, p);
  const nearest = g > 0 ? Math.max(...ws.filter((w) => w < start)) : Math.min(...ws.filter((w) => w > start));
  // moving right the whole path lies above start > w_mono; moving left the target itself must
  if (!Number.isFinite(nearest) || !(nearest > wm)) return null;
  return points[ws.indexOf(nearest)]!;
}

/** The derivative of w* in η at η = 0 for the fixed point near w₀ = W₀((c_R − c_F)/(2λ)) (header); null if w₀ does not exist. */
export function firstOrderCoefficient(cR: number, cF: number, lambda: number): { w0: number; C: number } | null {
  const z = (cR - cF) / (2 * lambda);
  if (z < -1 / Math.E) return null;
  const w0 = lambertW0f64(z);
  const e = Math.exp(-w0);
  return { w0, C: (-(lambda - cF * e) * (cR + cF) * e) / (4 * lambda * (1 + w0)) };
}

/** Leading-order position and multiplier of the far-left fixed point (header); null when c_F ≤ c_R. */
export function farLeftAsymptote(p: IterativeParams): { w: number; multiplier: number; L: number } | null {
  if (!(p.cF > p.cR)) return null;
  const L = Math.log(p.cF / p.cR);
  return { w: Math.log((p.eta * p.cR) / L), multiplier: 1 - L * L, L };
}

export type IterationStatus = 'converged' | 'oscillating' | 'diverged' | 'not-converged';

export interface Orbit {
  w: number;
  steps: number;
  status: IterationStatus;
  /** for 'oscillating': the period and the cycle's values */
  period?: number;
  cycle?: number[];
  /** range of the last iterates (for 'not-converged': bounded wandering or a slow drift) */
  recent: [number, number];
}

/**
 * Runs T from `start` for at most `steps` steps (float64). Converged when the distance to the
 * fixed point, estimated as |Δw|/(1 − |T′(w)|) for a contraction, is below 1e−12(1 + |w|);
 * oscillating when the last 2k iterates repeat with a period 2 ≤ k ≤ 64 to 1e−10(1 + |w|) and
 * visibly spread (checked every 512 steps); diverged when w leaves [−1e12, 1e12] or is not finite.
 * Step cap: `steps` must be a positive integer ≤ 1e9 (a RangeError otherwise, so a cap of ∞ cannot
 * hang); at the cap it returns 'not-converged', an outcome the claims count. `converge` throws instead.
 */
export function runIteration(start: number, p: IterativeParams, steps: number): Orbit {
  if (!(Number.isInteger(steps) && steps >= 1 && steps <= 1e9)) throw new RangeError(`the step cap must be an integer in [1, 1e9], got ${steps}`);
  const H = 128;
  const ring = new Float64Array(H);
  let w = start;
  let lo = start, hi = start;
  for (let t = 1; t <= steps; t++) {
    const next = iterateOnce(w, p);
    if (!Number.isFinite(next) || Math.abs(next) > 1e12) return { w: next, steps: t, status: 'diverged', recent: [lo, hi] };
    const step = Math.abs(next - w);
    if (step < 1e-9 * (1 + Math.abs(w))) {
      const k = Math.abs(mapSlope(next, p));
      if (k < 1 && step / (1 - k) < 1e-12 * (1 + Math.abs(next))) return { w: next, steps: t, status: 'converged', recent: [Math.min(lo, next), Math.max(hi, next)] };
    }
    ring[t % H] = next;
    if (t % 512 === 0) {
      lo = hi = next;
      for (let i = 0; i < H; i++) { lo = Math.min(lo, ring[i]!); hi = Math.max(hi, ring[i]!); }
      const tol = 1e-10 * (1 + Math.abs(next));
      for (let k = 2; k <= H / 2; k++) {
        let same = true;
        for (let i = 0; i < k && same; i++) same = Math.abs(ring[(t - i) % H]! - ring[(t - i - k + H) % H]!) <= tol;
        // a slowly converging orbit repeats with every k to this tolerance: require a visible spread
        if (same && hi - lo > 1e-8 * (1 + Math.abs(next))) {
          const cycle = Array.from({ length: k }, (_, i) => ring[(t - k + 1 + i) % H]!);
          return { w: next, steps: t, status: 'oscillating', period: k, cycle, recent: [lo, hi] };
        }
      }
    }
    w = next;
  }
  return { w, steps, status: 'not-converged', recent: [lo, hi] };
}

/**
 * The fixed point the orbit of `start` converges to within `maxSteps` steps of T (runIteration's test):
 * throws NonConvergenceError naming the orbit's status (oscillating, diverged, not converged) otherwise.
 */
export function converge(start: number, p: IterativeParams, maxSteps: number): number {
  const r = runIteration(start, p, maxSteps);
  if (r.status !== 'converged') {
    throw new NonConvergenceError(`iterative DA from w = ${start} did not converge within ${maxSteps} steps: ${r.status}${r.period ? ` (period ${r.period})` : ''}, last iterates in [${r.recent[0]}, ${r.recent[1]}] (c_R = ${p.cR}, c_F = ${p.cF}, λ = ${p.lambda}, η = ${p.eta})`);
  }
  return r.w;
}

export interface Destination {
  /** how it was decided: by monotonicity alone, by iterating every phase of the entry into w < w_mono, or by iterating */
  method: 'monotone' | 'entry-phases' | 'iteration';
  /** the stable fixed point the orbit converges to, or null */
  point: FixedPoint | null;
  /** statuses of the iterated orbits (one per sampled phase for 'entry-phases') */
  statuses: IterationStatus[];
}

/**
 * The fixed point the orbit of `start` converges to, without iterating through the slow monotone
 * phase (which can take 1e8 steps when λ is small). If monotonicity decides it, done. If the orbit
 * falls from start through w_mono with no fixed point on the way (G > 0 on (w_mono, start]), it
 * must pass, exactly once, through the fundamental domain [T(c), c) with c just above w_mono; every
 * orbit from there is that of one of its points, so `phases` points spread over it are iterated
 * (`steps` each): the destination is decided when all reach the same fixed point (up to the phases
 * not sampled, which the property tests probe). Otherwise the orbit of start itself is iterated.
 */
export function destinationFrom(start: number, p: IterativeParams, points: FixedPoint[], steps: number, phases = 33): Destination {
  const mono = monotoneDestination(start, p, points);
  if (mono) return { method: 'monotone', point: mono, statuses: [] };
  const wm = monotoneFrom(p);
  // with no attracting fixed point nothing can converge: one orbit tells how it fails
  if (!points.some((x) => x.stable)) return { method: 'iteration', point: null, statuses: [runIteration(start, p, steps).status] };
  const match = (w: number): FixedPoint | null => points.find((x) => x.stable && Math.abs(x.w.toNumber() - w) <= 1e-7 * (1 + Math.abs(w))) ?? null;
  if (start > wm && fixedPointResidual(start, p) > 0) {
    const c = wm + 1e-9 * (1 + Math.abs(wm));
    const tc = iterateOnce(c, p);
    const runs = Array.from({ length: phases }, (_, i) => runIteration(tc + ((c - tc) * i) / phases, p, steps));
    const hits = runs.map((r) => (r.status === 'converged' ? match(r.w) : null));
    // every phase at the same stable point decides it; all at none gives none all the same
    const first = hits[0] ?? null;
    return { method: 'entry-phases', point: hits.every((h) => h === first) ? first : null, statuses: runs.map((r) => r.status) };
  }
  const r = runIteration(start, p, steps);
  return { method: 'iteration', point: r.status === 'converged' ? match(r.w) : null, statuses: [r.status] };
}
