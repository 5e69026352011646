/**
 * The networks (empirics/models/) and the backend registry (empirics/backend.ts): ResNet-9's
 * parameter count and output shape, seeded initial weights, BatchNorm's moving statistics, a few
 * SGD steps lowering the loss of the small models, and backend selection with its one-line errors.
 * The small-model tests run on every backend this machine has: cpu always, wasm where
 * tfjs-backend-wasm starts, webgpu where tfjs-backend-webgpu works (on a software adapter too,
 * since it is asked for by name); a backend that is missing shows as a skipped test with the reason.
 * All reads are asynchronous (`await t.data()`): WebGPU has no synchronous reads in Node.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { stockCpuKernels, tf, tfl } from '../empirics/tf.ts';
import { BACKEND_CHOICES, parseBackendChoice, releaseBackend, selectBackend, type BackendChoice } from '../empirics/backend.ts';
import { buildModel, countNonTrainableParams, countParams, weightValues, type ModelKind } from '../empirics/models/index.ts';

/*
 * ResNet-9's trainable parameters (convolutions have no bias; BatchNorm has γ and β per channel):
 *   conv 3→64 k3       3·64·9    =     1,728   + BN 2·64  =   128
 *   conv 64→128 k5    64·128·25  =   204,800   + BN 2·128 =   256
 *   residual 2 × conv 128→128 k3  2·147,456  =   294,912   + BN 2·256 =   512
 *   conv 128→256 k3  128·256·9   =   294,912   + BN 2·256 =   512
 *   residual 2 × conv 256→256 k3  2·589,824  = 1,179,648   + BN 2·512 = 1,024
 *   conv 256→128 k3  256·128·9   =   294,912   + BN 2·128 =   256
 *   linear 128→10, no bias       =     1,280
 * convolutions 2,270,208 + BatchNorm 2,688 + linear 1,280 = 2,274,880 (design.md: 2.27 M).
 * BatchNorm's moving mean and variance, 2·(64 + 128 + 2·128 + 256 + 2·256 + 128) = 2·1,344 = 2,688
 * values, are non-trainable.
 */
const RESNET9_TRAINABLE = 2_274_880;
const RESNET9_MOVING_STATS = 2_688;

const same = (a: Float32Array[], b: Float32Array[]): boolean =>
  a.length === b.length && a.every((x, i) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(b[i]!.buffer, b[i]!.byteOffset, b[i]!.byteLength)));

afterAll(async () => {
  await releaseBackend();
});

describe('the replaced cpu kernel', () => {
  it('Conv2DBackpropFilter is bitwise equal to tfjs-backend-cpu\'s own, on every padding and stride ResNet-9 uses and more', async () => {
    await selectBackend('cpu');
    const cases: { x: [number, number, number, number]; k: number; ci: number; co: number; strides: number | [number, number]; pad: 'same' | 'valid' | number }[] = [
      { x: [3, 9, 9, 5], k: 3, ci: 5, co: 7, strides: 1, pad: 'same' },
      { x: [2, 12, 12, 4], k: 5, ci: 4, co: 6, strides: 2, pad: 'valid' },
      { x: [2, 12, 11, 4], k: 5, ci: 4, co: 6, strides: 2, pad: 'same' }, // asymmetric padding
      { x: [2, 8, 8, 3], k: 3, ci: 3, co: 4, strides: [1, 2], pad: 2 },
      { x: [1, 7, 7, 2], k: 3, ci: 2, co: 3, strides: 1, pad: 'valid' },
    ];
    for (const [i, c] of cases.entries()) {
      const x = tf.randomNormal(c.x, 0, 1, 'float32', 10 + i);
      const f = tf.randomNormal([c.k, c.k, c.ci, c.co], 0, 1, 'float32', 20 + i);
      const out = tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.strides, c.pad);
      const dy = tf.randomNormal(out.shape, 0, 1, 'float32', 30 + i);
      const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: f.shape };
      const ours = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as never) as tf.Tensor;
      const info = stockCpuKernels.Conv2DBackpropFilter({ inputs: { x, dy }, backend: tf.backend(), attrs: attrs as never }) as tf.TensorInfo;
      const stock = tf.engine().makeTensorFromTensorInfo(info);
      expect(ours.shape).toEqual(f.shape);
      expect(same([(await ours.data()) as Float32Array], [(await stock.data()) as Float32Array]), JSON.stringify(c)).toBe(true);
      // and it is what tf.grad uses: the gradient of sum(conv(x, f) · dy) with respect to f
      const g = tf.grad((ff: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, ff as tf.Tensor4D, c.strides, c.pad), dy)))(f);
      expect(same([(await g.data()) as Float32Array], [(await stock.data()) as Float32Array])).toBe(true);
      tf.dispose([x, f, out, dy, ours, stock, g]);
    }
  });
});

describe('ResNet-9 (cpu)', () => {
  it('has the reference architecture\'s 2,274,880 trainable parameters and 2,688 BatchNorm statistics', async () => {
    await selectBackend('cpu');
    const m = buildModel('resnet9', { inputShape: [32, 32, 3], numClasses: 10, seed: 1 });
    expect(countParams(m)).toBe(RESNET9_TRAINABLE);
    expect(countNonTrainableParams(m)).toBe(RESNET9_MOVING_STATS);
    expect(m.countParams()).toBe(RESNET9_TRAINABLE + RESNET9_MOVING_STATS);
    // no convolution has a bias; the only dense layer neither
    for (const l of m.layers) if (/^(conv|linear)/.test(l.name)) expect(l.getWeights().length, l.name).toBe(1);
    m.dispose();
  });

  it('maps a batch of 32×32×3 images to [batch, 10] logits', async () => {
    await selectBackend('cpu');
    const m = buildModel('resnet9', { inputShape: [32, 32, 3], numClasses: 10, seed: 2 });
    const x = tf.randomNormal([2, 32, 32, 3], 0, 1, 'float32', 5);
    const y = m.predict(x) as tf.Tensor;
    expect(y.shape).toEqual([2, 10]);
    const v = await y.data();
    expect(v.every(Number.isFinite)).toBe(true);
    // logits, not probabilities: rows do not sum to 1 and values can be negative
    expect(v.some((t) => t < 0)).toBe(true);
    tf.dispose([x, y]);
    m.dispose();
  });

  it('same seed gives bitwise-identical initial weights, a different seed different ones', async () => {
    await selectBackend('cpu');
    const opts = { inputShape: [32, 32, 3] as [number, number, number], numClasses: 10 };
    const [a, b, c] = [7, 7, 8].map((seed) => buildModel('resnet9', { ...opts, seed }));
    const [wa, wb, wc] = await Promise.all([a!, b!, c!].map(weightValues));
    expect(same(wa!, wb!)).toBe(true);
    // every kernel differs under another seed (BatchNorm starts at the same constants)
    const kernels = a!.weights.map((w, i) => (w.name.includes('kernel') ? i : -1)).filter((i) => i >= 0);
    expect(kernels.length).toBe(9);
    for (const i of kernels) expect(same([wa![i]!], [wc![i]!])).toBe(false);
    // kernels start as PyTorch's do: U(−1/√fan_in, 1/√fan_in); conv1's fan_in is 3·3·3
    const bound = 1 / Math.sqrt(27);
    const k1 = wa![kernels[0]!]!;
    expect(Math.max(...k1.map(Math.abs))).toBeLessThanOrEqual(bound);
    expect(Math.max(...k1.map(Math.abs))).toBeGreaterThan(0.9 * bound);
    for (const m of [a!, b!, c!]) m.dispose();
  });

  it('a training-mode call moves BatchNorm\'s statistics (PyTorch momentum 0.1) and inference uses them', async () => {
    await selectBackend('cpu');
    const m = buildModel('resnet9', { inputShape: [32, 32, 3], numClasses: 10, seed: 3 });
    const x = tf.randomNormal([2, 32, 32, 3], 0.5, 1, 'float32', 9);
    const before = m.predict(x) as tf.Tensor;
    const bn1 = m.getLayer('bn1');
    const [, , mean0, var0] = bn1.getWeights();
    expect(Array.from(await mean0!.data()).every((v) => v === 0)).toBe(true);
    expect(Array.from(await var0!.data()).every((v) => v === 1)).toBe(true);

    const conv1 = tfl.model({ inputs: m.inputs, outputs: m.getLayer('conv1').output as ReturnType<typeof tfl.input> });
    const z = conv1.predict(x) as tf.Tensor;
    const batchMean = tf.mean(z, [0, 1, 2]);
    const batchVar = tf.moments(z, [0, 1, 2]).variance;
    const yTrain = m.apply(x, { training: true }) as tf.Tensor;
    const [gamma, beta, mean1, var1] = bn1.getWeights();
    const [bm, bv, m1, v1] = await Promise.all([batchMean, batchVar, mean1!, var1!].map((t) => t.data()));
    for (let c = 0; c < 64; c++) {
      expect(m1![c]).toBeCloseTo(0.1 * bm![c]!, 5); // 0.9·0 + 0.1·batch mean
      expect(v1![c]).toBeCloseTo(0.9 + 0.1 * bv![c]!, 5); // 0.9·1 + 0.1·batch variance (biased, as tfjs computes it)
    }
    // inference now normalises with the moving statistics: bn1 on conv1's output equals the formula
    const bnOut = bn1.apply(z) as tf.Tensor;
    const expected = tf.add(tf.mul(tf.div(tf.sub(z, mean1!), tf.sqrt(tf.add(var1!, 1e-5))), gamma!), beta!);
    const [got, want] = await Promise.all([bnOut.data(), expected.data()]);
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!));
    expect(worst).toBeLessThan(1e-4);
    // and the whole model's inference output moved with them
    const after = m.predict(x) as tf.Tensor;
    const [b0, a0] = await Promise.all([before.data(), after.data()]);
    expect(same([b0 as Float32Array], [a0 as Float32Array])).toBe(false);
    tf.dispose([x, before, z, batchMean, batchVar, yTrain, bnOut, expected, after]);
    m.dispose();
  });
});

describe('backend selection', () => {
  it('cpu is always there', async () => {
    const s = await selectBackend('cpu');
    expect(s.name).toBe('cpu');
    expect(s.tfBackend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(s.skipped).toEqual([]);
  });

  it('auto tries webgpu, tfjs-node-gpu, tfjs-node, wasm, cpu in that order, logging why each was passed over', async () => {
    const lines: string[] = [];
    const s = await selectBackend('auto', (l) => lines.push(l));
    const order = ['webgpu', 'tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'];
    expect(s.skipped.map((k) => k.name)).toEqual(order.slice(0, order.indexOf(s.name)));
    expect(lines.length).toBe(s.skipped.length + 1);
    for (const k of s.skipped) {
      expect(k.why.length).toBeGreaterThan(10);
      expect(k.why).not.toContain('\n');
      if (k.name.startsWith('tfjs-node')) expect(k.why).toMatch(/not installed|failed to load|registered no/);
    }
    expect(lines.at(-1)).toContain(s.name);
    if (s.name === 'wasm' || s.name === 'cpu') {
      // this development machine: no GPU, no tfjs-node
      expect(s.skipped.map((k) => k.name).slice(0, 3)).toEqual(['webgpu', 'tfjs-node-gpu', 'tfjs-node']);
      expect(s.skipped.find((k) => k.name === 'webgpu')!.why).toMatch(/adapter|webgpu/i);
    }
    await selectBackend('cpu');
  });

  it('an unknown name, or a named backend that is missing, is a one-line error', async () => {
    const msg = '--backend must be one of auto, webgpu, tfjs-node-gpu, tfjs-node, wasm, cpu (got "cuda")';
    expect(() => parseBackendChoice('cuda')).toThrow(msg);
    await expect(selectBackend('cuda' as BackendChoice)).rejects.toThrow(msg);
    expect(BACKEND_CHOICES.map(parseBackendChoice)).toEqual([...BACKEND_CHOICES]);
    const node = await selectBackend('tfjs-node').then(
      () => null,
      (e: Error) => e.message,
    );
    if (node !== null) {
      expect(node).toMatch(/^--backend tfjs-node is unavailable: /);
      expect(node).not.toContain('\n');
    }
    await selectBackend('cpu');
  });
});

/* ---------- the small models on every backend this machine has ---------- */

const probe = (name: 'wasm' | 'webgpu'): Promise<{ ok: true; device: string } | { ok: false; why: string }> =>
  selectBackend(name).then(
    (s) => ({ ok: true as const, device: s.device }),
    (e: Error) => ({ ok: false as const, why: e.message }),
  );
const wasm = await probe('wasm');
const webgpu = await probe('webgpu');
await selectBackend('cpu');
for (const [n, p] of [['wasm', wasm], ['webgpu', webgpu]] as const) if (!p.ok) console.log(`models.test: the ${n} runs of the small-model tests are skipped: ${p.why}`);

const BACKENDS: { name: 'cpu' | 'wasm' | 'webgpu'; available: boolean; label: string }[] = [
  { name: 'cpu', available: true, label: 'cpu' },
  { name: 'wasm', available: wasm.ok, label: wasm.ok ? `wasm on ${wasm.device}` : `wasm (skipped: ${wasm.why})` },
  { name: 'webgpu', available: webgpu.ok, label: webgpu.ok ? `webgpu on ${webgpu.device}` : `webgpu (skipped: ${webgpu.why})` },
];

describe.each(BACKENDS)('small models on $label', ({ name, available }) => {
  const shape: [number, number, number] = [14, 14, 1];

  it.skipIf(!available).each(['mlp', 'small-cnn'] as ModelKind[])('%s: logits of shape [batch, 10], seeded weights', async (kind) => {
    await selectBackend(name);
    const [a, b, c] = [11, 11, 12].map((seed) => buildModel(kind, { inputShape: shape, numClasses: 10, seed }));
    const [wa, wb, wc] = await Promise.all([a!, b!, c!].map(weightValues));
    expect(same(wa!, wb!)).toBe(true);
    expect(same(wa!, wc!)).toBe(false);
    const x = tf.randomNormal([5, ...shape], 0, 1, 'float32', 1);
    const y = a!.predict(x) as tf.Tensor;
    expect(y.shape).toEqual([5, 10]);
    expect(Array.from(await y.data()).every(Number.isFinite)).toBe(true);
    tf.dispose([x, y]);
    for (const m of [a!, b!, c!]) m.dispose();
  });

  it.skipIf(!available).each(['mlp', 'small-cnn'] as ModelKind[])('%s: a few SGD steps on a tiny batch lower the loss', async (kind) => {
    await selectBackend(name);
    const m = buildModel(kind, { inputShape: shape, numClasses: 10, seed: 4 });
    const x = tf.randomNormal([16, ...shape], 0, 1, 'float32', 2);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => (i * 7) % 10), 'int32'), 10);
    const opt = tf.train.sgd(0.1);
    const loss = (): tf.Scalar => tf.losses.softmaxCrossEntropy(y, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
    const losses: number[] = [];
    for (let step = 0; step < 8; step++) {
      const l = opt.minimize(loss, true)!;
      losses.push((await l.data())[0]!);
      l.dispose();
    }
    const final = tf.tidy(loss);
    const last = (await final.data())[0]!;
    expect(losses[0]).toBeGreaterThan(Math.log(10) * 0.5); // starts near chance
    expect(last).toBeLessThan(losses[0]! * 0.8);
    tf.dispose([x, y, final]);
    opt.dispose();
    m.dispose();
  });
});

/* ---------- wasm trains the same networks as cpu ---------- */

describe.skipIf(!wasm.ok)('wasm against cpu', () => {
  /** The weights of `kind` after `steps` SGD steps (lr 0.1, batch 16) on `backend`. */
  async function trained(backend: 'cpu' | 'wasm', kind: ModelKind, shape: [number, number, number], steps: number): Promise<Float32Array[]> {
    await selectBackend(backend);
    const m = buildModel(kind, { inputShape: shape, numClasses: 10, seed: 5 });
    const x = tf.randomNormal([16, ...shape], 0, 1, 'float32', 3);
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 16 }, (_, i) => (i * 3) % 10), 'int32'), 10);
    const opt = tf.train.sgd(0.1);
    for (let s = 0; s < steps; s++) opt.minimize(() => tf.losses.softmaxCrossEntropy(y, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar)?.dispose();
    const w = await weightValues(m);
    tf.dispose([x, y]);
    opt.dispose();
    m.dispose();
    return w;
  }

  // float32 sums in another order: each step's gradient differs from cpu's by a few ulp of its
  // terms (tests/wasm-kernels.test.ts bounds each kernel). Measured here: ≤ 1.2e−7 on weights of
  // size ≤ 1 after one ResNet-9 step; 1e−6 of the largest weight is 8× that. ResNet-9 takes one
  // step only: at lr 0.1 and batch 16 its training is chaotic, and three steps amplified the same
  // rounding differences to 5e−4.
  it.each([['mlp', [14, 14, 1], 3], ['small-cnn', [14, 14, 1], 3], ['resnet9', [16, 16, 3], 1]] as [ModelKind, [number, number, number], number][])(
    '%s on %j, %i SGD step(s): weights within 1e−6 of the largest weight of cpu\'s', { timeout: 120_000 }, async (kind, shape, steps) => {
      const a = await trained('wasm', kind, shape, steps);
      const b = await trained('cpu', kind, shape, steps);
      expect(a.map((w) => w.length)).toEqual(b.map((w) => w.length));
      let worst = 0, scale = 0;
      for (const [i, w] of a.entries()) {
        for (const [j, v] of w.entries()) {
          worst = Math.max(worst, Math.abs(v - b[i]![j]!));
          scale = Math.max(scale, Math.abs(b[i]![j]!));
        }
      }
      expect(worst, `max |wasm − cpu| = ${worst.toExponential(2)}, largest weight ${scale.toFixed(3)}`).toBeLessThan(1e-6 * scale);
      await selectBackend('cpu');
    });
});
