/**
 * The simulation engine's data model, shared by every backend (cpu.ts, webgpu.ts).
 *
 * A batch holds B independent configurations, structure of arrays. Each runs gradient descent on
 *     f(w) = cP·ℓ(u(w)) − cN·ℓ(v(w)) + (λ/2)‖w‖²
 * with ℓ(t) = e^{−t} (the paper's exponential proxy) or ℓ(t) = log(1 + e^{−t}) (the true logistic
 * loss, labels and features folded in: y·x = 1 on the coordinate, Assumption 2), and
 *  - setting '1d': u = v = w (one coordinate of Sec. 5.1.1; cP, cN are c_R and c_F, or c_D and 0);
 *  - setting '2d': w = (w1, w2), u = w1 + εw2, v = εw1 + w2 (Sec. 5.1.2: the retain group's samples
 *    (1, ε) carry cP, the forget group's (ε, 1) carry −cN; for L_D, cN = −α|R_ij|/|D| < 0).
 * 'D', 'R' and 'DA' take the simultaneous step w ← w − η∇f. 'DA-iterative' (claims.md, App. C.3)
 * takes a descent step on the first part then an ascent step on the second, each with the ridge:
 *     w' = w − η(∇[cP·ℓ(u)] + λw),   w'' = w' − η(∇[−cN·ℓ(v)](w') + λw').
 *
 * Status after at most T steps, judged after every step t with δ_t = w_t − w_{t−1},
 * s_t = ‖δ_t‖∞, scale_t = 1 + ‖w_t‖∞, unit roundoff u (2^−53 in float64, 2^−24 in float32) and
 * tolerance tol (TOLERANCE below), in this order:
 *  - diverged at t: some coordinate of w_t is not finite or ‖w_t‖∞ > bound (default 1e8; every
 *    minimum of the settings' objectives lies within (|cP| + |cN|)/λ ≤ 1e6 of 0 under the logistic
 *    loss, and an exponential-loss run past the bound is in free fall: e^{−w} overflows soon after);
 *  - converged at t: (a) the gradient is at its own rounding level: for each coordinate
 *    |g_i| ≤ K·u·m_i, m_i the sum of the magnitudes of the terms summed into g_i (K = 16 in float64,
 *    64 in float32, whose exp is less accurate), so no further step can be trusted to improve w; for
 *    the iterative map g is the fixed-point residual (w − w'')/η and m sums both half-steps' terms;
 *    or (b) at t and at t − 1 the steps contract and the estimated distance to the limit is small:
 *    s_t < s_{t−1}, s_t·r/(1 − r) ≤ tol·scale_t with r = s_t/s_{t−1} (exact for linear
 *    convergence), and the decrease s_{t−1} − s_t exceeds the step's rounding level η·K·u·max m_i
 *    (else r is noise); two consecutive steps so one lucky ratio does not count;
 *  - oscillating (judged at T only, when neither of the above happened): the last two steps nearly
 *    cancel, ‖δ_T + δ_{T−1}‖∞ ≤ 1e−3·s_T, with s_T > tol·scale_T: a period-2 cycle (η above the
 *    stability bound 2/f″(w*) of a minimum, or a flip bifurcation of the iterative map);
 *  - running: none of these within T steps (slow convergence, or irregular motion).
 * Both backends carry w as hi + lo with the steps accumulated in lo (kernels.ts, wgsl.ts), so a
 * step below half an ulp of w is not lost and descent does not stall short of (a).
 * `at` is the step at which a run converged or diverged (0 otherwise); the run stops there.
 */

export const SETTINGS = ['1d', '2d'] as const;
export type SimSetting = (typeof SETTINGS)[number];
export const OBJECTIVES = ['D', 'R', 'DA', 'DA-iterative'] as const;
export type SimObjective = (typeof OBJECTIVES)[number];
export const LOSSES = ['exponential', 'logistic'] as const;
export type SimLoss = (typeof LOSSES)[number];
export const STATUS = ['running', 'converged', 'diverged', 'oscillating'] as const;
export type SimStatus = (typeof STATUS)[number];
export const STATUS_CODE = { running: 0, converged: 1, diverged: 2, oscillating: 3 } as const;

/** Constants of the status criteria (header) for each arithmetic. */
export const CRITERIA = {
  f64: { unitRoundoff: 2 ** -53, roundingFactor: 16, tolerance: 1e-12 },
  f32: { unitRoundoff: 2 ** -24, roundingFactor: 64, tolerance: 1e-6 },
  /** |δ_T + δ_{T−1}| ≤ this·|δ_T| marks a period-2 cycle */
  cancellation: 1e-3,
  defaultBound: 1e8,
} as const;

export interface SimBatch {
  setting: SimSetting;
  cP: Float64Array;
  cN: Float64Array;
  lambda: Float64Array;
  /** ε of each configuration (setting '2d' only) */
  eps?: Float64Array;
  /** starting w (1-D) or w1 (2-D) */
  start: Float64Array;
  /** starting w2 (setting '2d' only) */
  start2?: Float64Array;
  /** per-configuration step sizes; when absent every configuration uses options.eta */
  eta?: Float64Array;
}

export interface SimOptions {
  objective: SimObjective;
  loss: SimLoss;
  /** step size for configurations without their own (batch.eta) */
  eta: number;
  /** T, the most steps a configuration takes */
  steps: number;
  /** record w every this many steps (sample 0 is the start); 0 or absent: no trajectory */
  trajectoryEvery?: number;
  /** divergence bound on ‖w‖∞ (default CRITERIA.defaultBound) */
  bound?: number;
}

export interface SimArrays {
  /** final w (1-D) or w1 (2-D), float64 (float32 values widened on the GPU) */
  w: Float64Array;
  w2?: Float64Array;
  /** index into STATUS */
  status: Uint8Array;
  /** step at which the run converged or diverged, else 0 */
  at: Uint32Array;
  /**
   * w at steps 0, k, 2k, … ≤ T (k = trajectoryEvery), config-major: sample j of configuration i at
   * [i·samples + j] (w2 in trajectory2); after a run stops its later samples repeat its final value.
   */
  trajectory?: Float64Array;
  trajectory2?: Float64Array;
  trajectorySamples?: number;
}

export interface SimResult extends SimArrays {
  /** the backend that ran it: 'cpu', 'cpu-workers' or 'webgpu' */
  backend: string;
  /** what it ran on, in words */
  device: string;
  /** 'f64' (cpu) or 'f32' (webgpu) */
  precision: 'f64' | 'f32';
  seconds: number;
  /** how the backend was chosen and why others were skipped */
  messages: string[];
}

export function batchSize(b: SimBatch): number {
  return b.cP.length;
}

/** Throws a RangeError naming the first inconsistency of a batch or options. */
export function validate(b: SimBatch, o: SimOptions): void {
  const n = b.cP.length;
  const arrays: [string, Float64Array | undefined][] = [['cN', b.cN], ['lambda', b.lambda], ['start', b.start], ['eta', b.eta], ['eps', b.eps], ['start2', b.start2]];
  for (const [name, a] of arrays) if (a && a.length !== n) throw new RangeError(`batch.${name} has ${a.length} entries, batch.cP has ${n}`);
  if (b.setting === '2d' && !(b.eps && b.start2)) throw new RangeError('a 2-D batch needs eps and start2');
  if (!(Number.isInteger(o.steps) && o.steps >= 1 && o.steps < 2 ** 32)) throw new RangeError(`steps must be an integer in [1, 2^32), got ${o.steps}`);
  if (!b.eta && !(o.eta > 0 && Number.isFinite(o.eta))) throw new RangeError(`eta must be finite and > 0, got ${o.eta}`);
  const every = o.trajectoryEvery ?? 0;
  if (!(Number.isInteger(every) && every >= 0)) throw new RangeError(`trajectoryEvery must be a non-negative integer, got ${every}`);
}

/** Number of trajectory samples: steps 0, k, 2k, … ≤ T. */
export function trajectorySamples(o: SimOptions): number {
  const k = o.trajectoryEvery ?? 0;
  return k > 0 ? Math.floor(o.steps / k) + 1 : 0;
}

/** Counts per status. */
export function statusCounts(status: Uint8Array): Record<SimStatus, number> {
  const c = { running: 0, converged: 0, diverged: 0, oscillating: 0 };
  for (const s of status) c[STATUS[s]!]++;
  return c;
}
