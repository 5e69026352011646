/**
 * The training primitives every job uses: tensors from a Dataset, one pass of SGD with a given loss
 * over given positions, logits and KLoM margins, and weights to and from bytes.
 *
 * Why a hand-written loop instead of model.fit: the unlearning methods need per-pass losses that fit
 * does not have (negated cross-entropy for ascent, SCRUB's distillation against a frozen teacher),
 * the passes must interleave exactly as design.md's Anchors say (per epoch: ascent over F, then
 * descent over R), and every shuffle must come from the job's seed so that a run is reproducible
 * bit for bit on the CPU backend.
 *
 * Losses are means over the batch, as PyTorch's CrossEntropyLoss. Weight decay is the L2 term
 * (wd/2)·Σ‖θ‖² added to the loss, which gives PyTorch SGD's gradient g + wd·θ.
 */
import { tf, tfl } from '../tf.ts';
import { imageSize, type Dataset } from '../data/types.ts';
import { margin } from '../metrics/klom.ts';
import { permutation } from '../data/types.ts';

/** Images at `indices` (all when omitted) as an NHWC tensor: tfjs convolutions are channels-last. */
export function imagesNHWC(d: Dataset, indices?: ArrayLike<number>): tf.Tensor4D {
  const n = indices ? indices.length : d.n;
  const size = imageSize(d), hw = d.height * d.width;
  const out = new Float32Array(n * size);
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k]! : k;
    const src = i * size, dst = k * size;
    for (let c = 0; c < d.channels; c++) {
      for (let p = 0; p < hw; p++) out[dst + p * d.channels + c] = d.images[src + c * hw + p]!;
    }
  }
  return tf.tensor4d(out, [n, d.height, d.width, d.channels]);
}

export function oneHot(d: Dataset, indices?: ArrayLike<number>): tf.Tensor2D {
  const n = indices ? indices.length : d.n;
  const y = new Int32Array(n);
  for (let k = 0; k < n; k++) y[k] = d.labels[indices ? indices[k]! : k]!;
  return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(y, 'int32'), d.classes), 'float32') as tf.Tensor2D);
}

/** A set of examples held as tensors for the life of a job. */
export interface TensorSet {
  x: tf.Tensor4D;
  y: tf.Tensor2D;
  n: number;
}

export function tensorSet(d: Dataset, indices?: ArrayLike<number>): TensorSet {
  return { x: imagesNHWC(d, indices), y: oneHot(d, indices), n: indices ? indices.length : d.n };
}

export function disposeSet(s: TensorSet): void {
  s.x.dispose();
  s.y.dispose();
}

export const trainableVars = (m: tfl.LayersModel): tf.Variable[] => m.trainableWeights.map((w) => w.read() as tf.Variable);

export function forward(m: tfl.LayersModel, x: tf.Tensor, training: boolean): tf.Tensor2D {
  return m.apply(x, { training }) as tf.Tensor2D;
}

export function crossEntropy(logits: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(y, logits) as tf.Scalar;
}

export function l2(vars: tf.Variable[], wd: number): tf.Scalar {
  return tf.tidy(() => tf.mul(wd / 2, tf.addN(vars.map((v) => tf.sum(tf.square(v))))) as tf.Scalar);
}

/** The loss of one mini-batch: (model, xb, yb) → scalar, built inside the optimizer's tape. */
export type BatchLoss = (xb: tf.Tensor4D, yb: tf.Tensor2D) => tf.Scalar;

/**
 * One pass over `set` in the order of a permutation drawn from `uniform`, in mini-batches of
 * `batch` (the last one shorter), each an optimizer step on `loss`. `beforeStep(k)` runs before
 * step k of the pass (a learning-rate schedule). Returns the mean loss over the pass, read once at
 * its end (a read per step would stall a GPU, and WebGPU in Node has no synchronous read), and
 * throws NonFiniteError when any step's loss was NaN or infinite: the pass's sum is then too, and
 * every later step would be garbage.
 */
export async function sgdPass(
  opt: tf.Optimizer, vars: tf.Variable[], set: TensorSet, batch: number, uniform: () => number, loss: BatchLoss,
  beforeStep?: (k: number) => void,
): Promise<number> {
  const order = permutation(set.n, uniform);
  let total: tf.Scalar = tf.keep(tf.scalar(0));
  let steps = 0;
  for (let at = 0; at < set.n; at += batch) {
    beforeStep?.(steps);
    const idx = tf.tensor1d(Int32Array.from(order.subarray(at, Math.min(set.n, at + batch))), 'int32');
    const xb = tf.gather(set.x, idx) as tf.Tensor4D, yb = tf.gather(set.y, idx) as tf.Tensor2D;
    const cost = opt.minimize(() => loss(xb, yb), true, vars)!;
    const next = tf.keep(tf.add(total, cost) as tf.Scalar);
    tf.dispose([idx, xb, yb, cost, total]);
    total = next;
    steps++;
  }
  const sum = (await total.data())[0]!;
  total.dispose();
  if (!Number.isFinite(sum)) throw new NonFiniteError(`the loss became ${sum} during a pass of ${steps} steps over ${set.n} examples`);
  return sum / steps;
}

export class NonFiniteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonFiniteError';
  }
}

export const stepsPerPass = (n: number, batch: number): number => Math.ceil(n / batch);

/** Logits of every example of `x` in inference mode, in batches (float32, row-major n × classes). */
export async function logits(m: tfl.LayersModel, x: tf.Tensor4D, batch = 256): Promise<Float32Array> {
  const n = x.shape[0];
  let out: Float32Array | undefined;
  for (let at = 0; at < n; at += batch) {
    const z = tf.tidy(() => forward(m, tf.slice(x, [at, 0, 0, 0], [Math.min(batch, n - at), -1, -1, -1]), false));
    const v = (await z.data()) as Float32Array;
    if (!out) out = new Float32Array(n * z.shape[1]);
    out.set(v, at * z.shape[1]);
    z.dispose();
  }
  return out ?? new Float32Array(0);
}

/**
 * KLoM margins (correct-class logit − logsumexp of the others) of every example, float32. A
 * non-finite logit (a model that ascent has blown up) gives a NaN margin: the run is marked broken
 * downstream rather than given a made-up margin.
 */
export async function margins(m: tfl.LayersModel, set: TensorSet, labels: ArrayLike<number>, classes: number): Promise<Float32Array> {
  const z = await logits(m, set.x);
  const out = new Float32Array(set.n);
  for (let i = 0; i < set.n; i++) {
    const row = z.subarray(i * classes, (i + 1) * classes);
    let finite = true;
    for (const v of row) if (!Number.isFinite(v)) finite = false;
    out[i] = finite ? margin(row, labels[i]!) : NaN;
  }
  return out;
}

/** All weights (trainable and BatchNorm statistics) back to back, float32, in model.getWeights() order. */
export async function weightsToBytes(m: tfl.LayersModel): Promise<Float32Array> {
  const ws = m.getWeights();
  const total = ws.reduce((s, w) => s + w.size, 0);
  const out = new Float32Array(total);
  let at = 0;
  for (const w of ws) {
    out.set((await w.data()) as Float32Array, at);
    at += w.size;
  }
  return out;
}

export function setWeightsFromBytes(m: tfl.LayersModel, bytes: Float32Array): void {
  const ws = m.getWeights();
  const total = ws.reduce((s, w) => s + w.size, 0);
  if (total !== bytes.length) throw new Error(`weights file holds ${bytes.length} values, the model has ${total}`);
  let at = 0;
  const fresh = ws.map((w) => {
    const t = tf.tensor(bytes.subarray(at, at + w.size), w.shape);
    at += w.size;
    return t;
  });
  m.setWeights(fresh);
  tf.dispose(fresh);
}
