/**
 * The data of a run, rebuilt identically in every worker from (plan, seed, data directory): the
 * training set D and the validation set V. Margins are always stored over D's images followed by
 * V's (the "evaluation order"), so a forget set's positions index both D and the margins.
 *  - mnist: the package's 10,000 digits, downsampled by plan.downsample, a seeded permutation;
 *    its first nVal images are V, the next nTrain are D.
 *  - cifar10: D = the first nTrain records of data_batch_1..5, V = the first nVal of test_batch
 *    (the user's cifar-10-batches-bin directory).
 *  - synthetic: D = a ρ-correlated two-class dataset whose own forget group F (size of the plan's
 *    first forget set) is the forget set; V = a second draw of the same mixture (another seed).
 */
import { createHash } from 'node:crypto';
import { loadMnist } from '../data/mnist.ts';
import { loadCifar10 } from '../data/cifar10.ts';
import { syntheticCorrelated } from '../data/synthetic.ts';
import { downsample } from '../data/resize.ts';
import { DataError, permutation, subset, type Dataset } from '../data/types.ts';
import { seededUniform } from '../../theory/sampling.ts';
import type { EmpiricsPlan } from './profiles.ts';

export interface RunData {
  train: Dataset;
  val: Dataset;
  /** synthetic only: the dataset's own forget group, positions in train */
  syntheticForget?: Uint32Array;
}

export interface DataSource {
  dataDir?: string;
  /** synthetic only: forget–retain correlation */
  rho?: number;
}

export function prepareData(p: EmpiricsPlan, seed: number, src: DataSource): RunData {
  if (p.dataset === 'mnist') {
    const all = downsample(loadMnist(), p.downsample);
    if (p.nTrain + p.nVal > all.n) throw new DataError(`mnist has ${all.n} images; the plan needs ${p.nTrain} + ${p.nVal}`);
    const perm = permutation(all.n, seededUniform(seed ^ 0x6d6e));
    return { val: subset(all, perm.subarray(0, p.nVal), 'mnist-val'), train: subset(all, perm.subarray(p.nVal, p.nVal + p.nTrain), 'mnist-train') };
  }
  if (p.dataset === 'cifar10') {
    if (!src.dataDir) throw new DataError('--dataset cifar10 needs --data-dir DIR (the extracted cifar-10-batches-bin directory)');
    const train = downsample(loadCifar10(src.dataDir, { split: 'train', limit: p.nTrain }), p.downsample);
    const val = downsample(loadCifar10(src.dataDir, { split: 'test', limit: p.nVal }), p.downsample);
    if (train.n < p.nTrain || val.n < p.nVal) throw new DataError(`"${src.dataDir}" holds ${train.n} training and ${val.n} test records; the ${p.profile} profile needs ${p.nTrain} and ${p.nVal}`);
    return { train, val };
  }
  const rho = src.rho ?? 0.9;
  const forget = p.forgetSets.find((f) => f.kind === 'correlated')?.size ?? 100;
  const d = syntheticCorrelated({ n: p.nTrain, forget, rho, seed });
  const v = syntheticCorrelated({ n: p.nVal, forget: Math.max(1, Math.round((forget * p.nVal) / p.nTrain)), rho, seed: seed ^ 0x7a1 });
  return { train: { ...d.dataset, name: 'synthetic-train' }, val: { ...v.dataset, name: 'synthetic-val' }, syntheticForget: d.forget };
}

/** A short hash of the images and labels, so a resumed run can tell it has the same data. */
export function fingerprint(d: RunData): string {
  const h = createHash('sha256');
  for (const s of [d.train, d.val]) {
    h.update(new Uint8Array(s.images.buffer, s.images.byteOffset, s.images.byteLength));
    h.update(s.labels);
  }
  return h.digest('hex').slice(0, 16);
}

/** Labels in evaluation order (D then V). */
export function evalLabels(d: RunData): Uint8Array {
  const out = new Uint8Array(d.train.n + d.val.n);
  out.set(d.train.labels, 0);
  out.set(d.val.labels, d.train.n);
  return out;
}
