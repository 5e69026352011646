/**
 * Batched gradient descent on one coordinate of the 1-D setting, float64, structure of arrays.
 * Each configuration k minimises
 *     f_k(w) = cP_k·ℓ(w) − cN_k·ℓ(w) + (λ_k/2)·w²
 * with ℓ(w) = e^{−w} (the paper's exponential proxy) or ℓ(w) = log(1 + e^{−w}) (the true logistic
 * loss, y·x = 1 by Assumption 2). Simultaneous objectives (D, R, DA) take the step on the whole f;
 * DA-iterative takes a descent step on cP·ℓ then an ascent step on cN·ℓ, both with the ridge
 * (claims.md, App. C.3). Status after T steps:
 *  - converged: the distance to the limit, estimated for linear convergence as |Δw_t|·r/(1 − r) with
 *    r = |Δw_t|/|Δw_{t−1}| < 1, is at most 1e−12(1 + |w|), or the step is a few ulp (step recorded);
 *  - diverged: |w| > 1e8 or not finite (step recorded);
 *  - oscillating: not converged but the two-step change |w_T − w_{T−2}| is below 1e−10(1 + |w|)
 *    while the one-step change is not (a period-2 cycle);
 *  - running: none of the above within T steps.
 */

export type SimLoss = 'exponential' | 'logistic';
export type SimObjective = 'D' | 'R' | 'DA' | 'DA-iterative';
export const STATUS = ['running', 'converged', 'diverged', 'oscillating'] as const;
export type SimStatus = (typeof STATUS)[number];

export interface Batch {
  cP: Float64Array;
  cN: Float64Array;
  lambda: Float64Array;
  start: Float64Array;
  /** per-configuration step sizes; when absent every configuration uses the run's η */
  eta?: Float64Array;
}

export interface BatchResult {
  w: Float64Array;
  /** index into STATUS */
  status: Uint8Array;
  /** step at which it converged or diverged (0 if neither) */
  at: Uint32Array;
}

/** ℓ′(w): −e^{−w} (exponential) or −1/(1 + e^{w}) (logistic). */
function dLoss(exponential: boolean, w: number): number {
  return exponential ? -Math.exp(-w) : -1 / (1 + Math.exp(w));
}

/** The status tests of the module header on the last three iterates: 0 running, 1 converged, 2 diverged. */
function judge(w: number, prev: number, prev2: number): 0 | 1 | 2 {
  if (!Number.isFinite(w) || Math.abs(w) > 1e8) return 2;
  const step = Math.abs(w - prev), before = Math.abs(prev - prev2);
  // at the rounding level the contraction ratio is noise: a step of a few ulp is convergence
  if (step <= 4 * Number.EPSILON * (1 + Math.abs(w)) || (step < before && (step * step) / (before - step) <= 1e-12 * (1 + Math.abs(w)))) return 1;
  return 0;
}

/**
 * Runs configurations [from, to) of the batch for `steps` steps, writing into `out`. The
 * simultaneous exponential-loss update, the hot case, is written out by hand:
 * w ← w(1 − ηλ) + ηc·e^{−w}, one exponential per step. Status is judged every step.
 */
export function runRange(batch: Batch, objective: SimObjective, loss: SimLoss, etaAll: number, steps: number, from: number, to: number, out: BatchResult): void {
  const iterative = objective === 'DA-iterative';
  const exponential = loss === 'exponential';
  for (let k = from; k < to; k++) {
    const cP = batch.cP[k]!, cN = batch.cN[k]!, lam = batch.lambda[k]!;
    const eta = batch.eta ? batch.eta[k]! : etaAll;
    const c = cP - cN;
    let w = batch.start[k]!, prev = w, prev2 = w;
    let status = 0, at = 0;
    if (exponential && !iterative) {
      const shrink = 1 - eta * lam, gain = eta * c;
      for (let t = 1; t <= steps; t++) {
        prev2 = prev;
        prev = w;
        w = w * shrink + gain * Math.exp(-w);
        const j = judge(w, prev, prev2);
        if (j) {
          status = j;
          at = t;
          break;
        }
      }
    } else {
      for (let t = 1; t <= steps; t++) {
        prev2 = prev;
        prev = w;
        if (iterative) {
          const w1 = w - eta * (cP * dLoss(exponential, w) + lam * w);
          w = w1 - eta * (-cN * dLoss(exponential, w1) + lam * w1);
        } else {
          w = w - eta * (c * dLoss(exponential, w) + lam * w);
        }
        const j = judge(w, prev, prev2);
        if (j) {
          status = j;
          at = t;
          break;
        }
      }
    }
    if (status === 0 && Math.abs(w - prev2) <= 1e-10 * (1 + Math.abs(w)) && Math.abs(w - prev) > 1e-10 * (1 + Math.abs(w))) status = 3;
    out.w[k] = w;
    out.status[k] = status;
    out.at[k] = at;
  }
}
