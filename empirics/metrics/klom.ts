/**
 * KLoM, "KL divergence of margins" (Georgiev et al. 2024), the unlearning metric of the paper's
 * experiments (design.md, Anchors: KLoM).
 *
 * Method. For one sample, each model gives a margin (see `margin`). The margins of the N_u
 * unlearned models and of the N_o oracle models (retrained without the forget set) are clipped to
 * [−100, 100] and binned into 20 equal-width bins on their COMBINED range [lo, hi] (min and max of
 * all N_u + N_o clipped values). p = unlearned histogram / N_u, q = oracle histogram / N_o, q is
 * floored at ε = 1e−5 in the bins where p > 0, and
 *     KLoM = KL(p ‖ q) = Σ_{bins with p > 0} p·log(p / max(q, ε))      (natural log, nats).
 * The summary over samples is the 95th percentile with numpy's default ("linear") definition: on
 * the sorted values x_0 ≤ … ≤ x_{n−1}, h = (n − 1)·0.95, result = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋),
 * evaluated as numpy's _lerp does.
 *
 * Bins. Edges are built as numpy.linspace(lo, hi, 21) builds them (e_k = k·((hi − lo)/20) + lo,
 * e_20 = hi exactly), so they are bit-identical to the reference's. Bin k holds e_k ≤ x < e_{k+1};
 * the LAST bin is closed, so a value equal to hi is counted in bin 19. The reference code
 * (RoyRin/data-unlearning-bench src/eval.py `compute_binned_KL_div`, copied in easydub/EasyDUB-code
 * easydub/eval.py `binned_kl_divergence`) counts np.digitize(x, edges) == 1..20, and np.digitize
 * returns 21 for x ≥ e_20: it DROPS every value equal to hi and then normalises p and q by the
 * counts that remain. Since hi is the largest of the 2N values, at least one margin of every
 * sample is dropped there, not only in rare ties. We do not copy that (tests/vectors/klom.json
 * records a case where the two differ).
 * The two references also differ from each other: data-unlearning-bench returns
 * scipy.stats.entropy(p, q_floored), which renormalises the floored q to sum 1; EasyDUB (and this
 * module, as design.md states) sums p·log(p/q_floored) without renormalising. The difference is at
 * most log(1 + 20ε) ≈ 2e−4 nats and is zero when no bin is floored.
 *
 * Special cases.
 *  - Zero range (all N_u + N_o clipped margins equal, e.g. all ≥ 100): one bin holds all mass of
 *    both p and q, so KLoM = 0. (The references widen the range to [lo, lo + 1], which puts every
 *    value in the first bin: the same 0.)
 *  - Clipping makes ±100 and anything beyond it indistinguishable.
 *  - KLoM ≥ 0 is guaranteed only for N_u ≤ 1/(e·ε) ≈ 36,787 unlearned models: the floor makes
 *    Σ q' exceed 1 and, with more models, a lone unlearned margin in an oracle-empty bin can make
 *    KL slightly negative (N_u = 40,000: −2.1e−6; properties/klom.test.ts shows it). Proof of the
 *    bound: with a = the p-mass in floored bins (a ≥ k/N_u for k floored bins), the log-sum
 *    inequality gives KL ≥ (1 − a)·log(1 − a) + a·log(a/(kε)) ≥ a·(log(1/(N_u·ε)) − 1).
 *  - Inputs must be finite numbers (NaN or ±Infinity throw KlomInputError) and both model sets
 *    non-empty.
 *
 * Accuracy. Binning is exact comparison against the float64 edges, so counts are exact; p, q are
 * single divisions and the sum over ≤ 20 bins is float64, so KLoM carries a relative error of a
 * few ulp (tests/vectors/klom.json, independent numpy, agrees within 1e−12). KLoM is a
 * DISCONTINUOUS function of the margins: a margin within an ulp of an edge changes bins, so margins
 * from float32 logits can move a sample's KLoM by a finite amount compared with float64 ones.
 */

export const KLOM_BINS = 20;
export const KLOM_EPS = 1e-5;
export const KLOM_CLIP = 100;
export const KLOM_PERCENTILE = 95;

export class KlomInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KlomInputError';
  }
}

/**
 * margin = z_y − logsumexp(z_j, j ≠ y), evaluated as z_y − (M + log1p(Σ_{j≠y, j≠m} e^{z_j − M}))
 * with M = z_m the largest other logit, so no exponential overflows and a dominant other logit
 * keeps full relative accuracy (log1p of a small sum). Float32 logits are widened to float64.
 * Needs ≥ 2 classes, an integer label in range and finite logits.
 */
export function margin(logits: ArrayLike<number>, label: number): number {
  const k = logits.length;
  if (k < 2) throw new KlomInputError(`margin needs at least 2 logits, got ${k}`);
  if (!Number.isInteger(label) || label < 0 || label >= k) throw new KlomInputError(`label must be an integer in [0, ${k - 1}], got ${label}`);
  let m = -1;
  for (let j = 0; j < k; j++) {
    const z = logits[j]!;
    if (!Number.isFinite(z)) throw new KlomInputError(`logit ${j} is not finite (${z})`);
    if (j !== label && (m < 0 || z > logits[m]!)) m = j;
  }
  const M = logits[m]!;
  let s = 0;
  for (let j = 0; j < k; j++) if (j !== label && j !== m) s += Math.exp(logits[j]! - M);
  return logits[label]! - (M + Math.log1p(s));
}

export interface KlomOptions {
  bins?: number;
  eps?: number;
  /** margins are clipped to [−clip, clip] */
  clip?: number;
}

/** Histograms of one sample: probabilities p (unlearned) and q (oracle), before the ε floor. */
export interface MarginHistograms {
  /** the 21 edges (numpy.linspace semantics); null for a zero range (all mass in bin 0) */
  edges: Float64Array | null;
  p: Float64Array;
  q: Float64Array;
}

const clipTo = (x: number, c: number): number => (x < -c ? -c : x > c ? c : x);

function extent(xs: ArrayLike<number>, c: number, acc: [number, number], what: string): void {
  if (xs.length === 0) throw new KlomInputError(`no ${what} margins`);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!Number.isFinite(x)) throw new KlomInputError(`${what} margin ${i} is not finite (${x})`);
    const v = clipTo(x, c);
    if (v < acc[0]) acc[0] = v;
    if (v > acc[1]) acc[1] = v;
  }
}

/** numpy.linspace(lo, hi, bins + 1), bit for bit (numpy/_core/function_base.py). */
function linspaceEdges(lo: number, hi: number, bins: number): Float64Array {
  const e = new Float64Array(bins + 1);
  const delta = hi - lo;
  const step = delta / bins;
  for (let k = 0; k < bins; k++) e[k] = (step === 0 ? (k / bins) * delta : k * step) + lo;
  e[bins] = hi;
  return e;
}

/** The largest k in [0, bins − 1] with e_k ≤ x (so x = e_bins lands in the last bin). */
function binOf(x: number, e: Float64Array, bins: number): number {
  let lo = 0, hi = bins; // invariant: e[lo] ≤ x, and the answer is < hi
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (e[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function marginHistograms(unlearned: ArrayLike<number>, oracle: ArrayLike<number>, opts: KlomOptions = {}): MarginHistograms {
  const bins = opts.bins ?? KLOM_BINS, c = opts.clip ?? KLOM_CLIP;
  const range: [number, number] = [Infinity, -Infinity];
  extent(unlearned, c, range, 'unlearned');
  extent(oracle, c, range, 'oracle');
  const p = new Float64Array(bins), q = new Float64Array(bins);
  if (range[0] === range[1]) {
    p[0] = 1;
    q[0] = 1;
    return { edges: null, p, q };
  }
  const edges = linspaceEdges(range[0], range[1], bins);
  const count = (xs: ArrayLike<number>, h: Float64Array): void => {
    for (let i = 0; i < xs.length; i++) h[binOf(clipTo(xs[i]!, c), edges, bins)]!++;
    for (let k = 0; k < bins; k++) h[k] = h[k]! / xs.length;
  };
  count(unlearned, p);
  count(oracle, q);
  return { edges, p, q };
}

/** KL(p ‖ max(q, ε)) of one sample's unlearned and oracle margins: its KLoM. */
export function binnedKl(unlearned: ArrayLike<number>, oracle: ArrayLike<number>, opts: KlomOptions = {}): number {
  const eps = opts.eps ?? KLOM_EPS;
  const { p, q } = marginHistograms(unlearned, oracle, opts);
  let kl = 0;
  for (let k = 0; k < p.length; k++) {
    const pk = p[k]!;
    if (pk > 0) kl += pk * Math.log(pk / Math.max(q[k]!, eps));
  }
  return kl;
}

/** Checks a models × samples matrix (every row the same length ≥ 1); returns the sample count. */
function samplesOf(m: readonly ArrayLike<number>[], what: string): number {
  if (m.length === 0) throw new KlomInputError(`no ${what} models`);
  const n = m[0]!.length;
  if (n === 0) throw new KlomInputError(`${what} model 0 has no samples`);
  m.forEach((row, i) => {
    if (row.length !== n) throw new KlomInputError(`${what} model ${i} has ${row.length} samples, model 0 has ${n}`);
  });
  return n;
}

/**
 * KLoM of every sample. `unlearned` and `oracle` are models × samples (row i = model i's margins
 * on every sample); the model counts may differ, the sample counts must agree.
 */
export function klomPerSample(unlearned: readonly ArrayLike<number>[], oracle: readonly ArrayLike<number>[], opts: KlomOptions = {}): Float64Array {
  const n = samplesOf(unlearned, 'unlearned');
  const no = samplesOf(oracle, 'oracle');
  if (n !== no) throw new KlomInputError(`unlearned margins cover ${n} samples, oracle margins ${no}`);
  const u = new Float64Array(unlearned.length), o = new Float64Array(oracle.length);
  const out = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < u.length; i++) u[i] = unlearned[i]![s]!;
    for (let i = 0; i < o.length; i++) o[i] = oracle[i]![s]!;
    try {
      out[s] = binnedKl(u, o, opts);
    } catch (e) {
      if (e instanceof KlomInputError) throw new KlomInputError(`sample ${s}: ${e.message}`);
      throw e;
    }
  }
  return out;
}

/** numpy.percentile(values, pct) with the default method 'linear' (numpy/lib/_function_base_impl.py). */
export function percentileLinear(values: ArrayLike<number>, pct: number): number {
  const n = values.length;
  if (n === 0) throw new KlomInputError('percentile of no values');
  if (!(pct >= 0 && pct <= 100)) throw new KlomInputError(`percentile must be in [0, 100], got ${pct}`);
  const x = Float64Array.from(values);
  for (const v of x) if (Number.isNaN(v)) throw new KlomInputError('percentile of NaN');
  x.sort();
  const h = (n - 1) * (pct / 100);
  const i = Math.floor(h);
  if (i >= n - 1) return x[n - 1]!;
  const t = h - i, a = x[i]!, b = x[i + 1]!;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

export interface KlomSummary {
  samples: number;
  models: { oracle: number; unlearned: number };
  klom: Float64Array;
  p95: number;
  mean: number;
}

export function klomSummary(unlearned: readonly ArrayLike<number>[], oracle: readonly ArrayLike<number>[], opts: KlomOptions = {}): KlomSummary {
  const klom = klomPerSample(unlearned, oracle, opts);
  let sum = 0;
  for (const v of klom) sum += v;
  return {
    samples: klom.length,
    models: { oracle: oracle.length, unlearned: unlearned.length },
    klom,
    p95: percentileLinear(klom, KLOM_PERCENTILE),
    mean: sum / klom.length,
  };
}
