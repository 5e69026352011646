/**
 * Bootstrap over models for KLoM p95 (issue 13: every empirical verdict carries an interval).
 *
 * A KLoM p95 compares two sets of models (unlearned or pretrained vs oracles). Its sampling
 * noise comes from which N models were trained, so a replicate redraws each set's models with
 * replacement and recomputes the whole statistic: per-sample KLoM (klom.ts, same bins, floor and
 * clip) on the redrawn lists, then the 95th percentile over each group of samples (F, R, V).
 * Replicates are PAIRED across everything one run summarises: replicate b uses the same redraw of
 * the pretrained-model indices for every grid run (unlearned model i starts from pretrained model
 * i), the same redraw of the reference oracles, and the same redraw of the independent-retraining
 * oracles, so a statistic built from several KLoMs (a success count) is bootstrapped as a whole.
 *
 * Method of the kernel: margins are transposed to samples × models and clipped once; for each
 * replicate and sample, the range, the numpy.linspace edges and the bin counts are those
 * klomPerSample computes on the explicitly resampled lists (bin found by division, then corrected
 * against the float64 edges, so it is the bin binOf finds), and the divergence is summed in the same
 * order, so a replicate equals klomPerSample on the resampled models bit for bit
 * (tests/klom-bootstrap.test.ts). Cost: replicates × samples × (N_u + N_o).
 */
import { KLOM_BINS, KLOM_CLIP, KLOM_EPS, KLOM_PERCENTILE, KlomInputError, percentileLinear } from './klom.ts';
import { seededUniform } from '../../theory/sampling.ts';

/** One side of a comparison: its models' margins transposed to samples × models, clipped. */
export interface ModelPanel {
  samples: number;
  models: number;
  /** values[s * models + i] = clip(margin of model i on sample s) */
  values: Float64Array;
}

/** Transposes models × samples margins (as the run stores them) into a clipped panel. */
export function panel(ms: readonly ArrayLike<number>[], what: string): ModelPanel {
  if (!ms.length) throw new KlomInputError(`no ${what} models`);
  const samples = ms[0]!.length, models = ms.length;
  const values = new Float64Array(samples * models);
  for (let i = 0; i < models; i++) {
    const row = ms[i]!;
    if (row.length !== samples) throw new KlomInputError(`${what} model ${i} has ${row.length} samples, model 0 has ${samples}`);
    for (let s = 0; s < samples; s++) {
      const x = row[s]!;
      if (!Number.isFinite(x)) throw new KlomInputError(`${what} margin ${s} of model ${i} is not finite (${x})`);
      values[s * models + i] = x < -KLOM_CLIP ? -KLOM_CLIP : x > KLOM_CLIP ? KLOM_CLIP : x;
    }
  }
  return { samples, models, values };
}

/** The distinct entries of an index list and how often each occurs (binning visits each model once). */
function multiplicities(d: ArrayLike<number>, models: number): { idx: Int32Array; w: Float64Array } {
  const c = new Float64Array(models);
  for (let j = 0; j < d.length; j++) c[d[j]!]!++;
  let k = 0;
  for (let i = 0; i < models; i++) if (c[i]! > 0) k++;
  const idx = new Int32Array(k), w = new Float64Array(k);
  k = 0;
  for (let i = 0; i < models; i++) if (c[i]! > 0) { idx[k] = i; w[k++] = c[i]!; }
  return { idx, w };
}

/**
 * Adds each listed model's multiplicity to the bin of its value at `offset`: a division's guess,
 * corrected against the float64 edges, so it is the bin binOf (klom.ts) finds.
 */
function binWeights(values: Float64Array, offset: number, m: { idx: Int32Array; w: Float64Array }, e: Float64Array, lo: number, inv: number, bins: number, counts: Float64Array): void {
  const top = bins - 1;
  for (let j = 0; j < m.idx.length; j++) {
    const x = values[offset + m.idx[j]!]!;
    let k = Math.floor((x - lo) * inv);
    if (!(k >= 0)) k = 0;
    else if (k > top) k = top;
    while (k > 0 && e[k]! > x) k--;
    while (k < top && e[k + 1]! <= x) k++;
    counts[k] = counts[k]! + m.w[j]!;
  }
}

/** Per-sample KLoM of the models `du` of `u` against the models `dO` of `o` (index lists, repeats allowed). */
export function resampledKlomPerSample(u: ModelPanel, du: ArrayLike<number>, o: ModelPanel, dO: ArrayLike<number>): Float64Array {
  if (u.samples !== o.samples) throw new KlomInputError(`unlearned margins cover ${u.samples} samples, oracle margins ${o.samples}`);
  if (!du.length || !dO.length) throw new KlomInputError('a resample needs at least one model on each side');
  const bins = KLOM_BINS, nu = du.length, no = dO.length;
  // counts are sums of integer multiplicities, exactly the counts of the resampled lists
  const mu = multiplicities(du, u.models), mo = multiplicities(dO, o.models);
  const ku = mu.idx.length, ko = mo.idx.length, uv = u.values, ov = o.values;
  const out = new Float64Array(u.samples);
  const cu = new Float64Array(bins), co = new Float64Array(bins), e = new Float64Array(bins + 1);
  for (let s = 0; s < u.samples; s++) {
    const ou = s * u.models, oo = s * o.models;
    let lo = Infinity, hi = -Infinity;
    for (let j = 0; j < ku; j++) { const v = uv[ou + mu.idx[j]!]!; if (v < lo) lo = v; if (v > hi) hi = v; }
    for (let j = 0; j < ko; j++) { const v = ov[oo + mo.idx[j]!]!; if (v < lo) lo = v; if (v > hi) hi = v; }
    if (lo === hi) { out[s] = 0; continue; }
    // numpy.linspace(lo, hi, bins + 1), as klom.ts builds it
    const delta = hi - lo, step = delta / bins;
    for (let k = 0; k < bins; k++) e[k] = (step === 0 ? (k / bins) * delta : k * step) + lo;
    e[bins] = hi;
    cu.fill(0);
    co.fill(0);
    const inv = 1 / step;
    binWeights(uv, ou, mu, e, lo, inv, bins, cu);
    binWeights(ov, oo, mo, e, lo, inv, bins, co);
    let kl = 0;
    for (let k = 0; k < bins; k++) {
      const pk = cu[k]! / nu;
      if (pk > 0) kl += pk * Math.log(pk / Math.max(co[k]! / no, KLOM_EPS));
    }
    out[s] = kl;
  }
  return out;
}

/** B draws of n indices in [0, n) with replacement, from a seed (one stream per named group). */
export function draws(n: number, replicates: number, seed: number): Uint16Array[] {
  if (n > 65535) throw new Error(`bootstrap draws index at most 65,535 models, got ${n}`);
  const u = seededUniform(seed);
  return Array.from({ length: replicates }, () => Uint16Array.from({ length: n }, () => Math.min(n - 1, Math.floor(u() * n))));
}

/** Identity "draw": the models as they are (the point estimate). */
export const identity = (n: number): Uint16Array => Uint16Array.from({ length: n }, (_, i) => i);

/** p95 of per-sample KLoM over each group of sample positions. */
export function groupP95(klom: Float64Array, groups: readonly ArrayLike<number>[]): number[] {
  return groups.map((g) => percentileLinear(Array.from(g, (i) => klom[i]!), KLOM_PERCENTILE));
}

/** The central `level` percentile interval of replicate values (numpy's linear percentiles). */
export function percentileInterval(values: ArrayLike<number>, level = 0.95): [number, number] {
  const a = (100 - 100 * level) / 2;
  return [percentileLinear(values, a), percentileLinear(values, 100 - a)];
}

/**
 * Replicates re-centred on the point estimate: each minus the bootstrap's own bias (mean of the
 * replicates − point), floored at 0 (KLoM is ≥ 0). Why: binned KL of N vs N models carries a
 * finite-sample bias of order bins/N that grows when a resample repeats models (a redraw of N with
 * replacement holds about 0.63·N distinct ones), so raw replicates sit above the point estimate —
 * most where the two sides agree (an independent retraining's level), least where KLoM saturates —
 * and would bias every comparison between entries toward "success". Subtracting each entry's own
 * shift keeps the bootstrap's spread and removes its drift (the basic bootstrap's centring).
 */
export function centred(replicates: ArrayLike<number>, point: number): number[] {
  let mean = 0;
  for (let i = 0; i < replicates.length; i++) mean += replicates[i]!;
  mean /= replicates.length;
  const shift = mean - point;
  return Array.from(replicates, (v) => Math.max(0, v - shift));
}
