/**
 * A two-class Gaussian dataset whose forget–retain correlation ρ is a parameter, to show the
 * paper's mechanism directly: how much retraining on R "knows" about the forget set F.
 *
 * Construction (d ≥ 2 dimensions, separation μ > 0, noise σ > 0, ρ ∈ [0, 1]):
 *   u = e_1, v = e_2 (isotropic noise makes the choice of orthonormal pair immaterial);
 *   w_ρ = ρ·u + √(1 − ρ²)·v, a unit vector with cos(w_ρ, u) = ρ;
 *   label y ∈ {0, 1}, s = 2y − 1; half of R and half of F have each label (R's and F's first
 *   samples alternate 0, 1, 0, …; an odd count has one more 0);
 *   retain sample:  x = s·μ·u   + σ·z,   z ~ N(0, I_d);
 *   forget sample:  x = s·μ·w_ρ + σ·z.
 * So the class-mean difference (the "mean direction") of F is 2μ·w_ρ and that of R is 2μ·u, and
 * their cosine is ρ: ρ = 1 draws F from R's distribution; ρ = 0 puts F's label signal on v,
 * orthogonal to everything R's labels depend on, so a model retrained on R alone learns nothing
 * about F's labels beyond the class prior.
 * Positions: a seeded permutation scatters the |R| + |F| samples; `forget` and `retain` list the
 * positions of each (ascending). Draw order: the permutation's n − 1 uniforms first, then d normals
 * per sample (R's samples, then F's) by Box–Muller from theory/sampling.ts' xoshiro128**, so a seed
 * gives the same data on every platform.
 * Pixels: the Dataset holds x' = 1/2 + x/(2B), B = max |x_ij| over the dataset (returned as
 * `scale`), so every value lies in [0, 1] with no clipping; the map is affine with a positive
 * factor, so class-mean directions and their cosines are unchanged. Shape: 1 channel, height 1,
 * width d (float32).
 *
 * Sampling error of the empirical cosine between the F and R class-mean directions: standard
 * deviation ≈ σ/(μ·√|F|), and a bias toward 0 by the factor
 * 1/√((1 + dσ²/(|F|μ²))(1 + dσ²/(|R|μ²))) from the noise in the means (tests/data.test.ts).
 */
import { seededUniform } from '../../theory/sampling.ts';
import { DataError, imageSize, permutation, type Dataset } from './types.ts';

export interface SyntheticOptions {
  /** |R| + |F| */
  n: number;
  /** |F|, 1 ≤ |F| < n */
  forget: number;
  /** forget–retain correlation ρ ∈ [0, 1] */
  rho: number;
  seed: number;
  /** dimension d ≥ 2 (default 20) */
  dim?: number;
  /** class separation μ > 0 along each group's direction (default 2) */
  separation?: number;
  /** noise standard deviation σ > 0 (default 1) */
  noise?: number;
}

export interface SyntheticDataset {
  dataset: Dataset;
  /** positions of F and R in the dataset, ascending */
  forget: Uint32Array;
  retain: Uint32Array;
  rho: number;
  /** B: raw feature x = (pixel − 1/2)·2B */
  scale: number;
  /** the unit directions of R's and F's class separation, u and w_ρ */
  retainDirection: Float64Array;
  forgetDirection: Float64Array;
}

function gaussian(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniform())); // 1 − u ∈ (0, 1]: log stays finite
    const t = 2 * Math.PI * uniform();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

export function syntheticCorrelated(opts: SyntheticOptions): SyntheticDataset {
  const { n, forget: nF, rho, seed } = opts;
  const d = opts.dim ?? 20, mu = opts.separation ?? 2, sigma = opts.noise ?? 1;
  if (!Number.isInteger(n) || n < 2) throw new DataError(`synthetic n must be an integer ≥ 2, got ${n}`);
  if (!Number.isInteger(nF) || nF < 1 || nF >= n) throw new DataError(`synthetic forget size must be an integer in 1..${n - 1}, got ${nF}`);
  if (!(rho >= 0 && rho <= 1)) throw new DataError(`synthetic rho must be in [0, 1], got ${rho}`);
  if (!Number.isInteger(d) || d < 2) throw new DataError(`synthetic dim must be an integer ≥ 2, got ${d}`);
  if (!(mu > 0 && Number.isFinite(mu))) throw new DataError(`synthetic separation must be a finite number > 0, got ${mu}`);
  if (!(sigma > 0 && Number.isFinite(sigma))) throw new DataError(`synthetic noise must be a finite number > 0, got ${sigma}`);
  if (!Number.isInteger(seed)) throw new DataError(`synthetic seed must be an integer, got ${seed}`);

  const uniform = seededUniform(seed);
  const pos = permutation(n, uniform);
  const normal = gaussian(uniform);
  const nR = n - nF;
  const u = new Float64Array(d), w = new Float64Array(d);
  u[0] = 1;
  w[0] = rho;
  w[1] = Math.sqrt(1 - rho * rho);

  const x = new Float64Array(n * d);
  const labels = new Uint8Array(n);
  let B = 0;
  for (let g = 0; g < n; g++) {
    const inF = g >= nR;
    const y = (inF ? g - nR : g) % 2;
    const dir = inF ? w : u;
    const s = (2 * y - 1) * mu;
    const at = pos[g]! * d;
    for (let j = 0; j < d; j++) {
      const v = s * dir[j]! + sigma * normal();
      x[at + j] = v;
      if (Math.abs(v) > B) B = Math.abs(v);
    }
    labels[pos[g]!] = y;
  }
  const images = new Float32Array(n * d);
  for (let k = 0; k < x.length; k++) images[k] = 0.5 + x[k]! / (2 * B);
  const forget = pos.slice(nR).sort();
  const retain = pos.slice(0, nR).sort();
  return {
    dataset: { name: `synthetic-rho${rho}`, images, labels, n, channels: 1, height: 1, width: d, classes: 2 },
    forget,
    retain,
    rho,
    scale: B,
    retainDirection: u,
    forgetDirection: w,
  };
}

/** mean(x | y = 1) − mean(x | y = 0) over the images at `indices` (a two-class dataset's mean direction). */
export function classMeanDifference(d: Dataset, indices: ArrayLike<number>): Float64Array {
  const size = imageSize(d);
  const sum = [new Float64Array(size), new Float64Array(size)];
  const count = [0, 0];
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!, y = d.labels[i]!;
    if (y > 1) throw new DataError(`classMeanDifference needs labels 0 and 1, image ${i} has ${y}`);
    count[y]!++;
    const s = sum[y]!;
    for (let j = 0; j < size; j++) s[j]! += d.images[i * size + j]!;
  }
  if (!count[0] || !count[1]) throw new DataError('classMeanDifference needs images of both classes');
  return sum[1]!.map((v, j) => v / count[1]! - sum[0]![j]! / count[0]!);
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0, aa = 0, bb = 0;
  for (let j = 0; j < a.length; j++) {
    ab += a[j]! * b[j]!;
    aa += a[j]! * a[j]!;
    bb += b[j]! * b[j]!;
  }
  return ab / Math.sqrt(aa * bb);
}
