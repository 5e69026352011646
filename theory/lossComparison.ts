/**
 * The exponential proxy ℓ(w) = e^{−w} against the loss actually trained, the logistic loss
 * ℓ(w) = log(1 + e^{−w}), in the 1-D setting of Sec. 5.1.1 (this project's X.* claims). Pure
 * mathematics (float64): for each cell (configuration, α, λ) of a grid, the positions w_D, w_R, w_DA
 * under both losses and the truth value of the two qualitative statements of Sec. 5.1.1:
 *  - Lemma 3's ordering (w_DA − w_D)(w_D − w_R) ≥ 0 (DA moves away from the oracle), with
 *    w_DA = −∞ where the proxy's DA has no minimum (App. E case 3);
 *  - "doing nothing is at least as good as DA": |w_D − w_R| ≤ |w_DA − w_R| (true where w_DA = −∞).
 * Exponential positions are Lemma 2's closed forms (theory/logistic1d.ts solve1dF64); logistic ones
 * the unique minima of theory/logisticLoss1d.ts. A factor of the ordering product counts as zero
 * when it is within 1e−12 of the positions' scale (ties: α = |F|/|R| makes w_D = w_R exactly).
 * Why the ordering cannot differ between the losses (the grid is evidence, this is the reason):
 * under either loss the minimiser w*(c) of c·ℓ(w) + (λ/2)w² is strictly increasing in c (implicit
 * function theorem: d(w*)/dc = −ℓ′(w*)/f″(w*) > 0, f″(w*) > 0 at every minimum), so
 * sign(w_X − w_Y) = sign(c_X − c_Y) for both losses, the proxy's w_DA = −∞ included (it occurs only
 * for c_DA < 0 < c_D).
 * Where "doing nothing" fails: α_low = |F|²/(|R|(|F| + |D|)) is where c_DA = c_D; below it DA lands
 * between the original model and the oracle (alphaLow, belowAlphaLow).
 */
import { solve1dF64 } from './logistic1d.ts';
import { logisticMinimum } from './logisticLoss1d.ts';


export interface GridConfig {
  R: number;
  F: number;
  Rj: number;
}

export interface Positions {
  wD: number;
  wR: number;
  /** null: no minimum (the proxy's App. E case 3), i.e. w_DA = −∞ */
  wDA: number | null;
}

export interface CellTheory {
  alpha: number;
  lambda: number;
  /** App. E's case of the proxy at this cell (z = c_DA/λ: 1 if z > 0, 2 if −1/e ≤ z ≤ 0, 3 below) */
  kase: 1 | 2 | 3;
  cD: number;
  cR: number;
  cDA: number;
  exponential: Positions;
  logistic: Positions;
}

/** Whether Lemma 3's ordering is true at these positions; ties (factors within 1e−12 of the scale) count as true. */
export function ordered(p: Positions): boolean {
  const scale = 1e-12 * (1 + Math.abs(p.wD) + Math.abs(p.wR) + Math.abs(p.wDA ?? 0));
  const b = Math.abs(p.wD - p.wR) <= scale ? 0 : Math.sign(p.wD - p.wR);
  if (p.wDA === null) return b <= 0;
  const a = Math.abs(p.wDA - p.wD) <= scale ? 0 : Math.sign(p.wDA - p.wD);
  return a * b >= 0;
}

/** Whether "doing nothing is at least as good as DA" is true at these positions; ties count as true. */
export function doNothingNoWorse(p: Positions): boolean {
  if (p.wDA === null) return true;
  const scale = 1e-12 * (1 + Math.abs(p.wD) + Math.abs(p.wR) + Math.abs(p.wDA));
  return Math.abs(p.wD - p.wR) <= Math.abs(p.wDA - p.wR) + scale;
}

/** The coefficients c of the three objectives at (configuration, α) (theory/logistic1d.ts). */
export function coefficients(c: GridConfig, alpha: number): { cD: number; cR: number; cDA: number } {
  return { cD: ((1 + alpha) * c.Rj) / (c.R + c.F), cR: c.Rj / c.R, cDA: c.Rj / c.R - (alpha * c.Rj) / c.F };
}

export function cellTheory(c: GridConfig, alpha: number, lambda: number): CellTheory {
  const k = coefficients(c, alpha);
  const z = k.cDA / lambda;
  return {
    alpha,
    lambda,
    kase: z > 0 ? 1 : z >= -1 / Math.E ? 2 : 3,
    ...k,
    exponential: solve1dF64(c.R, c.F, c.Rj, alpha, lambda),
    logistic: { wD: logisticMinimum(k.cD, lambda), wR: logisticMinimum(k.cR, lambda), wDA: logisticMinimum(k.cDA, lambda) },
  };
}

/** α on `points` equally spaced values of [0, |F|/|R_j|] (ends included), λ on a log grid of `lambdaPoints` values of [min, max]. */
export function gridAxes(c: GridConfig, points: number, lambda: { min: number; max: number }, lambdaPoints: number): { alphas: number[]; lambdas: number[] } {
  const aMax = c.F / c.Rj;
  const alphas = Array.from({ length: points }, (_, i) => (points === 1 ? aMax / 2 : (aMax * i) / (points - 1)));
  const lambdas = Array.from({ length: lambdaPoints }, (_, j) => (lambdaPoints === 1 ? lambda.min : lambda.min * (lambda.max / lambda.min) ** (j / (lambdaPoints - 1))));
  return { alphas, lambdas };
}

export interface RegionMap {
  config: GridConfig;
  alphas: number[];
  lambdas: number[];
  /** one string per λ (rows), one character per α: '1' the statement is true, '0' false */
  exponential: string[];
  logistic: string[];
  fractionExponential: number;
  fractionLogistic: number;
  /** cells where the two losses disagree */
  differ: number;
}

/** The α × λ map of one statement (ordering or do-nothing) for one configuration, both losses. */
export function regionMap(cells: CellTheory[][], config: GridConfig, alphas: number[], lambdas: number[], statement: (p: Positions) => boolean): RegionMap {
  const e: string[] = [], l: string[] = [];
  let he = 0, hl = 0, differ = 0;
  for (const row of cells) {
    let re = '', rl = '';
    for (const cell of row) {
      const a = statement(cell.exponential), b = statement(cell.logistic);
      re += a ? '1' : '0';
      rl += b ? '1' : '0';
      if (a) he++;
      if (b) hl++;
      if (a !== b) differ++;
    }
    e.push(re);
    l.push(rl);
  }
  const n = alphas.length * lambdas.length;
  return { config, alphas, lambdas, exponential: e, logistic: l, fractionExponential: he / n, fractionLogistic: hl / n, differ };
}

/** α_low = |F|²/(|R|(|F| + |D|)), |D| = |R| + |F|: where c_DA = c_D. */
export const alphaLow = (c: GridConfig): number => (c.F * c.F) / (c.R * (2 * c.F + c.R));

/** Whether α lies below α_low (relative slack 1e−12, so α = α_low on the grid counts as at it). */
export const belowAlphaLow = (c: GridConfig, alpha: number): boolean => alpha * c.R * (2 * c.F + c.R) < c.F * c.F * (1 - 1e-12);
