/**
 * The networks the empirics train (design.md, "Anchors"): `mlp` and `small-cnn` for CPU-sized runs
 * on MNIST (14×14 or 28×28) and CIFAR-10 (32×32), and `resnet9`, the CIFAR-10 ResNet-9 of the KLoM
 * benchmark (Georgiev et al. 2024). Every model outputs LOGITS (no softmax): the losses apply
 * log-softmax themselves, and KLoM's margins are taken on logits.
 *
 * Seeding. Every random initializer gets its own seed, derived from the model seed and the
 * layer's position by a 32-bit hash, so one seed gives bitwise-identical initial weights on the
 * CPU backend (tfjs's seeded random ops are deterministic there), and different seeds different
 * weights. Kernels start as PyTorch's defaults do (Conv2d and Linear: kaiming_uniform with
 * a = √5, i.e. U(−1/√fan_in, 1/√fan_in)), so that the ResNet-9 starts like the reference's; biases
 * start at zero and BatchNorm at γ = 1, β = 0, moving mean 0, moving variance 1.
 */
import { tf, tfl } from '../tf.ts';
import { mlp } from './mlp.ts';
import { resnet9 } from './resnet9.ts';
import { smallCnn } from './smallCnn.ts';

export const MODEL_KINDS = ['mlp', 'small-cnn', 'resnet9'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export interface ModelOptions {
  /** [height, width, channels]: tfjs convolutions are channels-last */
  inputShape: [number, number, number];
  numClasses: number;
  /** any safe integer */
  seed: number;
}

export type Initializer = ReturnType<typeof tfl.initializers.varianceScaling>;

/** What a builder needs: a fresh seeded kernel initializer per layer, in a fixed order. */
export interface Init {
  /** PyTorch's default for Conv2d and Linear weights, U(−1/√fan_in, 1/√fan_in), with the next seed */
  kernel(): Initializer;
}

/** A 32-bit mix of (seed, i) (a splitmix/murmur finaliser): per-layer seeds that differ for different seeds. */
export function layerSeed(seed: number, i: number): number {
  if (!Number.isSafeInteger(seed)) throw new Error(`a model seed must be a safe integer (got ${seed})`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(hi + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(i + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function seededInit(seed: number): Init {
  layerSeed(seed, 0); // validates the seed now rather than at the first layer
  let i = 0;
  return {
    kernel: () => tfl.initializers.varianceScaling({ scale: 1 / 3, mode: 'fanIn', distribution: 'uniform', seed: layerSeed(seed, i++) }),
  };
}

export function buildModel(kind: ModelKind, opts: ModelOptions): tfl.LayersModel {
  const [h, w, c] = opts.inputShape;
  for (const [name, v] of [['height', h], ['width', w], ['channels', c], ['numClasses', opts.numClasses]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`model ${name} must be a positive integer (got ${v})`);
  }
  const init = seededInit(opts.seed);
  switch (kind) {
    case 'mlp':
      return mlp(opts.inputShape, opts.numClasses, init);
    case 'small-cnn':
      return smallCnn(opts.inputShape, opts.numClasses, init);
    case 'resnet9':
      return resnet9(opts.inputShape, opts.numClasses, init);
    default:
      throw new Error(`--model must be one of ${MODEL_KINDS.join(', ')} (got "${String(kind)}")`);
  }
}

/**
 * Trainable parameters, as PyTorch counts them (sum of p.numel() over model.parameters()):
 * BatchNorm's moving mean and variance are buffers there and non-trainable weights here, so they
 * are left out (`nonTrainable` gives them).
 */
export function countParams(model: tfl.LayersModel): number {
  return model.trainableWeights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}

export function countNonTrainableParams(model: tfl.LayersModel): number {
  return model.nonTrainableWeights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}

/** A model's weights as one flat Float32Array per weight, in model.getWeights() order (read asynchronously: WebGPU has no sync reads in Node). */
export function weightValues(model: tfl.LayersModel): Promise<Float32Array[]> {
  return Promise.all(model.getWeights().map(async (t: tf.Tensor) => (await t.data()) as Float32Array));
}
