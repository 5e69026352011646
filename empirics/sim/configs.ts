/**
 * Batches of the paper's settings drawn from assumptions.json, with where the theory says each
 * run must end, for the simulate command (and anything else that needs a realistic batch).
 * Configurations come from theory/sampling.ts's sizesFromUniforms (by construction, one seeded
 * stream), α uniform in [0, |F|/|R_j|] (the largest α with |F_j| = α|R_j| ≤ |F|), ε (2-D) uniform
 * in its range. Every run starts at the pretrained model w_D:
 *  - 1-D exponential: W0(c_D/λ) (float64 Lambert W, theory/lambertw.ts);
 *  - 1-D logistic: the unique minimum of the logistic D objective (theory/logisticLoss1d.ts);
 *  - 2-D exponential: L_D's minimum from theory/logistic2d.ts (float64 Newton).
 * Theory endpoints (`theory`, NaN where none applies): D and R their minima; DA its minimum reached
 * from w_D (Lemma 2 / logistic / the 2-D branch of minima, float64), NaN where it has none (App. E
 * case 3, past the 2-D fold: the run should diverge, counted in `noMinimum`); DA-iterative (1-D exponential) the
 * stable fixed point that monotonicity alone proves the orbit reaches (theory/iterative.ts), for the
 * first `theoryLimit` configurations with ηλ < 1 where that decides it.
 */
import type { Assumptions } from '../../theory/assumptions.ts';
import { NonConvergenceError } from '../../theory/errors.ts';
import { lambertW0f64 } from '../../theory/lambertw.ts';
import { logisticMinimum } from '../../theory/logisticLoss1d.ts';
import { coefficientsF64, daPointF64, minimizeConvexF64 } from '../../theory/logistic2d.ts';
import { fixedPoints, monotoneDestination } from '../../theory/iterative.ts';
import { seededUniform, sizesFromUniforms } from '../../theory/sampling.ts';
import { sharedBatch } from './cpu.ts';
import type { SimBatch, SimLoss, SimObjective, SimSetting } from './types.ts';

export interface DrawnBatch {
  batch: SimBatch;
  /** the theory's endpoint (w or w1), NaN where none is known or none exists */
  theory: Float64Array;
  /** w2 of the theory's endpoint (2-D) */
  theory2?: Float64Array;
  /** configurations where the objective has no minimum to reach (divergence expected) */
  noMinimum: Uint8Array;
  /** how many configurations have a theory endpoint */
  theoryCount: number;
  /** why some configurations have no theory endpoint, in words (empty when all have one) */
  theoryNote: string;
}

/** 1-D coefficients (cP, cN) of f = cP·ℓ(w) − cN·ℓ(w) + (λ/2)w² for each objective (theory/logistic1d.ts). */
export function coefficients1d(objective: SimObjective, R: number, F: number, Rj: number, alpha: number): [number, number] {
  if (objective === 'D') return [((1 + alpha) * Rj) / (R + F), 0];
  if (objective === 'R') return [Rj / R, 0];
  return [Rj / R, (alpha * Rj) / F];
}

/** 2-D coefficients (cP, cN) for each objective (theory/logistic2d.ts: A = cP, B = −cN). */
export function coefficients2d(objective: SimObjective, R: number, F: number, Rij: number, alpha: number): [number, number] {
  if (objective === 'D') return [Rij / (R + F), -(alpha * Rij) / (R + F)];
  if (objective === 'R') return [Rij / R, 0];
  return [Rij / R, (alpha * Rij) / F];
}

/** The pretrained 1-D model w_D. */
export function pretrained1d(loss: SimLoss, R: number, F: number, Rj: number, alpha: number, lambda: number): number {
  const [cD] = coefficients1d('D', R, F, Rj, alpha);
  return loss === 'exponential' ? lambertW0f64(cD / lambda) : logisticMinimum(cD, lambda);
}

export function drawBatch(o: { setting: SimSetting; objective: SimObjective; loss: SimLoss; n: number; seed: number; eta: number; assumptions: Assumptions; theoryLimit?: number }): DrawnBatch {
  if (o.setting === '2d' && o.loss !== 'exponential') throw new RangeError('the 2-D setting has theory only for the exponential loss (theory/logistic2d.ts), so a logistic 2-D run has no pretrained start');
  const u = seededUniform(o.seed >>> 0);
  const b = sharedBatch(o.n, o.setting);
  const theory = new Float64Array(o.n).fill(Number.NaN);
  const theory2 = o.setting === '2d' ? new Float64Array(o.n).fill(Number.NaN) : undefined;
  const noMinimum = new Uint8Array(o.n);
  const limit = o.theoryLimit ?? Number.POSITIVE_INFINITY;
  let count = 0;
  const notes = new Set<string>();
  for (let k = 0; k < o.n; k++) {
    if (o.setting === '1d') {
      const s1 = o.assumptions.setting1d;
      const s = sizesFromUniforms([u(), u(), u(), u()], { R: s1.R, forgetFraction: s1.forgetFraction, lambda: s1.lambda, minFractionOfR: s1.Rj.minFractionOfR });
      const alpha = (u() * s.F) / s.Rj;
      const [cP, cN] = coefficients1d(o.objective, s.R, s.F, s.Rj, alpha);
      b.cP[k] = cP;
      b.cN[k] = cN;
      b.lambda[k] = s.lambda;
      b.start[k] = pretrained1d(o.loss, s.R, s.F, s.Rj, alpha, s.lambda);
      if (o.objective !== 'DA-iterative') {
        if (o.loss === 'logistic') theory[k] = logisticMinimum(cP - cN, s.lambda);
        else if ((cP - cN) / s.lambda >= -1 / Math.E) theory[k] = lambertW0f64((cP - cN) / s.lambda);
        else noMinimum[k] = 1;
      } else if (k < limit) {
        const iter = iterativeEnd(o.loss, cP, cN, s.lambda, o.eta, b.start[k]!);
        if (typeof iter === 'number') theory[k] = iter;
        else notes.add(iter);
      } else notes.add(`the iterative theory was evaluated for the first ${limit} configurations only`);
    } else {
      const s2 = o.assumptions.setting2d;
      const s = sizesFromUniforms([u(), u(), u(), u()], { R: s2.R, forgetFraction: s2.forgetFraction, lambda: s2.lambda, minFractionOfR: s2.Rij.minFractionOfR });
      const alpha = (u() * s.F) / s.Rj;
      const eps = s2.eps.min + u() * (s2.eps.max - s2.eps.min);
      const cfg = { R: s.R, F: s.F, Rij: s.Rj, alpha, lambda: s.lambda, eps };
      const [cP, cN] = coefficients2d(o.objective, s.R, s.F, s.Rj, alpha);
      b.cP[k] = cP;
      b.cN[k] = cN;
      b.lambda[k] = s.lambda;
      b.eps![k] = eps;
      const wD = minimizeConvexF64(coefficientsF64('D', cfg));
      if (!wD) throw new NonConvergenceError(`the 2-D pretrained model did not converge for ${JSON.stringify(cfg)}`);
      b.start[k] = wD.w1;
      b.start2![k] = wD.w2;
      if (o.objective === 'DA-iterative') notes.add('there is no 2-D theory of the iterative map');
      else {
        const p = o.objective === 'DA' ? daPointF64(cfg, alpha, 'min') : minimizeConvexF64(coefficientsF64(o.objective, cfg));
        if (p) {
          theory[k] = p.w1;
          theory2![k] = p.w2;
        } else if (o.objective === 'DA') noMinimum[k] = 1;
      }
    }
    if (Number.isFinite(theory[k]!)) count++;
  }
  return { batch: b, theory, ...(theory2 ? { theory2 } : {}), noMinimum, theoryCount: count, theoryNote: [...notes].join('; ') };
}

/** The iterative map's destination from `start` when monotonicity decides it, else why not. */
function iterativeEnd(loss: SimLoss, cR: number, cF: number, lambda: number, eta: number, start: number): number | string {
  if (loss !== 'exponential') return 'the iterative theory (theory/iterative.ts) is for the exponential loss only';
  if (!(eta * lambda < 1)) return 'the iterative theory needs ηλ < 1';
  try {
    const p = { cR, cF, lambda, eta };
    const d = monotoneDestination(start, p, fixedPoints(p, 20).points);
    return d && d.stable ? d.w.toNumber() : 'where the orbit leaves the monotone region of the map, only iterating decides (no theory endpoint)';
  } catch (e) {
    return `the iterative theory could not be evaluated (${(e as Error).message})`;
  }
}
