/**
 * Forget sets, as positions into the training set D.
 *  - random-k: k positions uniformly without replacement (seeded permutation prefix).
 *  - subpopulation-k: a semantically coherent group, like the paper's PC-based sets: a seeded class
 *    c and a seeded anchor image of class c; the k images of class c nearest the anchor (Euclidean
 *    distance in pixel space, anchor included; ties by position).
 *  - influence-k: the k images of highest estimated self-influence. The paper's PC1 sets come from
 *    datamodels (tens of thousands of models trained on random halves), out of reach here, so the
 *    stand-in is TracIn's self-influence at the final checkpoint restricted to the last layer,
 *    averaged over the N pretrained models: for logits z = W·h (+ b), the gradient of the
 *    cross-entropy with respect to (W, b) is (p − y)·[h; 1]ᵀ, so its squared norm is
 *    ‖p − y‖²·(‖h‖² + 1) (‖p − y‖²·‖h‖² without a bias, and a constant factor such as ResNet-9's
 *    ×0.2 on the logits does not change the ranking). High self-influence marks the examples the
 *    model leans on most (atypical, hard, often mislabelled): the ones "whose removal the oracle
 *    notices", which is what PC1 of the datamodel matrix picks out in Georgiev et al.
 */
import { permutation, type Dataset } from '../data/types.ts';
import { seededUniform } from '../../theory/sampling.ts';
import type { ForgetSetSpec } from './profiles.ts';

export function randomForgetSet(n: number, k: number, seed: number): Uint32Array {
  return permutation(n, seededUniform(seed)).slice(0, k).sort();
}

export function subpopulationForgetSet(d: Dataset, k: number, seed: number): { positions: Uint32Array; cls: number; anchor: number } {
  const u = seededUniform(seed);
  const counts = new Array<number>(d.classes).fill(0);
  for (const y of d.labels) counts[y] = counts[y]! + 1;
  const eligible = counts.map((c, cls) => (c >= k ? cls : -1)).filter((c) => c >= 0);
  if (!eligible.length) throw new Error(`no class of ${d.name} has ${k} images for a subpopulation forget set`);
  const cls = eligible[Math.floor(u() * eligible.length)]!;
  const members: number[] = [];
  for (let i = 0; i < d.n; i++) if (d.labels[i] === cls) members.push(i);
  const anchor = members[Math.floor(u() * members.length)]!;
  const size = d.images.length / d.n;
  const a = d.images.subarray(anchor * size, (anchor + 1) * size);
  const dist = members.map((i) => {
    let s = 0;
    for (let j = 0; j < size; j++) {
      const t = d.images[i * size + j]! - a[j]!;
      s += t * t;
    }
    return { i, s };
  });
  dist.sort((x, y) => x.s - y.s || x.i - y.i);
  return { positions: Uint32Array.from(dist.slice(0, k), (x) => x.i).sort(), cls, anchor };
}

/** The retain set R = {0..n−1} \ F, ascending. */
export function retainPositions(n: number, forget: ArrayLike<number>): number[] {
  const inF = new Uint8Array(n);
  for (let k = 0; k < forget.length; k++) inF[forget[k]!] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!inF[i]) out.push(i);
  return out;
}

/** The k positions with the largest scores (ties by position). */
export function topK(scores: ArrayLike<number>, k: number): Uint32Array {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return Uint32Array.from(idx.slice(0, k)).sort();
}

/** A distinct seed per forget set, so two random sets of one run differ. */
export function forgetSeed(runSeed: number, f: ForgetSetSpec, ordinal: number): number {
  return (Math.imul(runSeed ^ 0x5bd1e995, 31) + 7919 * (ordinal + 1) + f.size) >>> 0;
}
