/**
 * The kernels empirics/wasm/kernels.ts registers on tfjs-backend-wasm, each against tfjs-cpu on
 * random shapes and values (fast-check, seed from properties/seed.ts), and the wasm backend's
 * start in Node with IS_NODE off.
 *
 * Tolerance. A float32 sum of n products computed in any order is within γ_n · Σ|products| of the
 * exact sum, γ_n = n·u/(1 − n·u), u = 2^−24 (Higham, Accuracy and Stability, §3.1). tfjs-cpu's
 * Conv2DBackpropFilter accumulates in float64, its other kernels in float32, so two results of the
 * same kernel differ by at most 2·γ_n · Σ|products|, and Σ|products| is the same kernel run on
 * |inputs| (on cpu). Each comparison uses exactly that bound per element; Tile copies, so it must
 * be bitwise equal.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { tf } from '../empirics/tf.ts';
import { releaseBackend, selectBackend } from '../empirics/backend.ts';
import { shippedWasmKernels } from '../empirics/wasm/kernels.ts';
import { fcParams, seedTag } from '../properties/seed.ts';

const ROOT = resolve(import.meta.dirname, '..');
const U = 2 ** -24;
const gamma = (n: number): number => (n * U) / (1 - n * U);

await selectBackend('wasm');

afterAll(async () => {
  await releaseBackend();
  await selectBackend('cpu');
});

/** Uniform values in [−1, 1) from a seed (mulberry32): the same data on both backends. */
function values(n: number, seed: number): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1;
  }
  return out;
}

type Inputs = Record<string, { shape: number[]; data: Float32Array }>;

/** Runs `kernel` on `backend` with the inputs made there; returns the result's values and shape. */
async function runOn(backend: 'cpu' | 'wasm', kernel: string, inputs: Inputs, attrs: object): Promise<{ shape: number[]; v: Float32Array }> {
  await tf.setBackend(backend);
  const ts = Object.fromEntries(Object.entries(inputs).map(([k, x]) => [k, tf.tensor(x.data, x.shape, 'float32')]));
  const out = tf.engine().runKernel(kernel, ts, attrs as never) as tf.Tensor;
  const v = (await out.data()) as Float32Array;
  const shape = out.shape;
  tf.dispose([out, ...Object.values(ts)]);
  return { shape, v };
}

const absInputs = (inputs: Inputs): Inputs => Object.fromEntries(Object.entries(inputs).map(([k, x]) => [k, { shape: x.shape, data: x.data.map(Math.abs) }]));

/**
 * wasm's result equals cpu's within 2·γ_n·Σ|products| per element (n products per element), where
 * Σ|products| is the kernel on cpu with the `summed` inputs replaced by their absolute values (the
 * others select, as x does in MaxPoolGrad, and stay). Fails with the worst element.
 */
async function agree(kernel: string, inputs: Inputs, attrs: object, n: number, summed = Object.keys(inputs)): Promise<void> {
  const ours = await runOn('wasm', kernel, inputs, attrs);
  const cpu = await runOn('cpu', kernel, inputs, attrs);
  const mag = await runOn('cpu', kernel, { ...inputs, ...absInputs(Object.fromEntries(summed.map((k) => [k, inputs[k]!]))) }, attrs);
  await tf.setBackend('wasm');
  expect(ours.shape).toEqual(cpu.shape);
  let worst = 0, at = -1;
  for (let i = 0; i < cpu.v.length; i++) {
    const err = Math.abs(ours.v[i]! - cpu.v[i]!);
    const bound = 2 * gamma(n) * mag.v[i]! + 1e-30;
    if (!Number.isFinite(ours.v[i]!) || err / bound > worst) {
      worst = Number.isFinite(ours.v[i]!) ? err / bound : Infinity;
      at = i;
    }
  }
  expect(worst, `${kernel} ${JSON.stringify(attrs)}: element ${at}, wasm ${ours.v[at]} vs cpu ${cpu.v[at]}`).toBeLessThanOrEqual(1);
}

/** Shapes drawn so that every padding is valid: the input is at least the filter (window). */
const shapes = {
  b: fc.integer({ min: 1, max: 3 }),
  kh: fc.integer({ min: 1, max: 5 }),
  kw: fc.integer({ min: 1, max: 5 }),
  extraH: fc.integer({ min: 0, max: 8 }),
  extraW: fc.integer({ min: 0, max: 8 }),
  ci: fc.integer({ min: 1, max: 6 }),
  co: fc.integer({ min: 1, max: 6 }),
  sh: fc.integer({ min: 1, max: 3 }),
  sw: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
};

const convCase = fc.record({
  ...shapes,
  // explicit paddings (top, bottom, left, right), each below the filter's size; not tfjs's single
  // number, which sizes the width from the filter's height and stride (wrong for non-square ones)
  pad: fc.oneof(fc.constant<'same'>('same'), fc.constant<'valid'>('valid'), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 })),
}).map((c) => ({
  ...c, h: c.kh + c.extraH, w: c.kw + c.extraW,
  pad: typeof c.pad === 'string' ? c.pad : ([[0, 0], [c.pad[0]! % c.kh, c.pad[1]! % c.kh], [c.pad[2]! % c.kw, c.pad[3]! % c.kw], [0, 0]] as tf.backend_util.ExplicitPadding),
}));

/** Pooling takes 'same' or 'valid' only. */
const poolCase = fc.record({ ...shapes, pad: fc.constantFrom<'same' | 'valid'>('same', 'valid') }).map((c) => ({ ...c, h: c.kh + c.extraH, w: c.kw + c.extraW }));

type ConvCase = typeof convCase extends fc.Arbitrary<infer T> ? T : never;

function convShapes(c: ConvCase): { x: number[]; f: number[]; dy: number[] } {
  const info = tf.backend_util.computeConv2DInfo([c.b, c.h, c.w, c.ci], [c.kh, c.kw, c.ci, c.co], [c.sh, c.sw], 1, c.pad);
  return { x: [c.b, c.h, c.w, c.ci], f: [c.kh, c.kw, c.ci, c.co], dy: info.outShape };
}

const prod = (s: number[]): number => s.reduce((a, d) => a * d, 1);

describe(`wasm kernels against tfjs-cpu ${seedTag}`, () => {
  it('the wasm backend starts in Node although tf.ts turns IS_NODE off, on one thread, with the SIMD binary from the npm package', async () => {
    expect(tf.env().getBool('IS_NODE')).toBe(false);
    const s = await selectBackend('wasm');
    expect(s.tfBackend).toBe('wasm');
    expect(s.device).toMatch(/^WebAssembly SIMD, XNNPACK, on one thread/);
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    expect(Object.keys(shippedWasmKernels).sort()).toEqual(['BatchMatMul', 'Conv2DBackpropInput', 'MaxPoolGrad', 'Tile']); // Conv2DBackpropFilter is not shipped
  });

  it('for all convolution shapes, strides and paddings, Conv2DBackpropFilter agrees with cpu within 2·γ_n·Σ|products|', { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(convCase, async (c) => {
      const s = convShapes(c);
      const attrs = { strides: [c.sh, c.sw], pad: c.pad, dataFormat: 'NHWC', filterShape: s.f };
      await agree('Conv2DBackpropFilter', { x: { shape: s.x, data: values(prod(s.x), c.seed) }, dy: { shape: s.dy, data: values(prod(s.dy), c.seed + 1) } }, attrs, c.b * s.dy[1]! * s.dy[2]!);
    }), fcParams({ quick: 60, full: 400 }));
  });

  it('for all convolution shapes, strides and paddings, Conv2DBackpropInput agrees with cpu within 2·γ_n·Σ|products|', { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(convCase, async (c) => {
      const s = convShapes(c);
      const attrs = { strides: [c.sh, c.sw], pad: c.pad, dataFormat: 'NHWC', inputShape: s.x };
      await agree('Conv2DBackpropInput', { dy: { shape: s.dy, data: values(prod(s.dy), c.seed) }, filter: { shape: s.f, data: values(prod(s.f), c.seed + 1) } }, attrs, c.kh * c.kw * c.co);
    }), fcParams({ quick: 60, full: 400 }));
  });

  it('for all pool shapes, strides and paddings, MaxPoolGrad agrees with cpu within 2·γ_n·Σ|dy| (n windows overlap a pixel at most)', { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(poolCase, async (c) => {
      const pad = c.pad;
      const info = tf.backend_util.computePool2DInfo([c.b, c.h, c.w, c.ci], [c.kh, c.kw], [c.sh, c.sw], 1, pad);
      const x = values(prod([c.b, c.h, c.w, c.ci]), c.seed);
      // the forward output, needed as an input by the kernel's signature (it reads x only)
      await tf.setBackend('cpu');
      const xt = tf.tensor(x, [c.b, c.h, c.w, c.ci]);
      const y = tf.maxPool(xt as tf.Tensor4D, [c.kh, c.kw], [c.sh, c.sw], pad);
      const yv = (await y.data()) as Float32Array;
      tf.dispose([xt, y]);
      const attrs = { filterSize: [c.kh, c.kw], strides: [c.sh, c.sw], pad };
      const overlap = Math.ceil(c.kh / c.sh) * Math.ceil(c.kw / c.sw);
      await agree('MaxPoolGrad', { dy: { shape: info.outShape, data: values(prod(info.outShape), c.seed + 1) }, input: { shape: [c.b, c.h, c.w, c.ci], data: x }, output: { shape: info.outShape, data: yv } }, attrs, overlap, ['dy']);
    }), fcParams({ quick: 60, full: 400 }));
  });

  it('for all shapes of rank 1–5 and repetitions 1–3, Tile is bitwise equal to cpu', { timeout: 60_000 }, async () => {
    const arb = fc.integer({ min: 1, max: 5 }).chain((r) => fc.record({
      shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: r, maxLength: r }),
      reps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: r, maxLength: r }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    }));
    await fc.assert(fc.asyncProperty(arb, async (c) => {
      const inputs = { x: { shape: c.shape, data: values(prod(c.shape), c.seed) } };
      const ours = await runOn('wasm', 'Tile', inputs, { reps: c.reps });
      const cpu = await runOn('cpu', 'Tile', inputs, { reps: c.reps });
      await tf.setBackend('wasm');
      expect(ours.shape).toEqual(cpu.shape);
      expect(Buffer.from(ours.v.buffer).equals(Buffer.from(cpu.v.buffer))).toBe(true);
    }), fcParams({ quick: 100, full: 1000 }));
  });

  it('for all batch shapes and both transposes, BatchMatMul agrees with cpu within 2·γ_k·Σ|products|', { timeout: 60_000 }, async () => {
    const arb = fc.record({
      batch: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 20 }), k: fc.integer({ min: 1, max: 40 }), n: fc.integer({ min: 1, max: 20 }),
      ta: fc.boolean(), tb: fc.boolean(), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    });
    await fc.assert(fc.asyncProperty(arb, async (c) => {
      const sa = c.ta ? [c.batch, c.k, c.m] : [c.batch, c.m, c.k];
      const sb = c.tb ? [c.batch, c.n, c.k] : [c.batch, c.k, c.n];
      await agree('BatchMatMul', { a: { shape: sa, data: values(prod(sa), c.seed) }, b: { shape: sb, data: values(prod(sb), c.seed + 1) } }, { transposeA: c.ta, transposeB: c.tb }, c.k);
    }), fcParams({ quick: 60, full: 400 }));
  });

  it('the gradients tf.grad takes through conv2d and maxPool on wasm are the cpu ones (ResNet-9\'s stride-2 5×5 layer, padding 2)', async () => {
    const x = values(2 * 12 * 12 * 4, 1), f = values(5 * 5 * 4 * 6, 2);
    const grads = async (backend: 'cpu' | 'wasm'): Promise<Float32Array[]> => {
      await tf.setBackend(backend);
      const xt = tf.tensor4d(x, [2, 12, 12, 4]), ft = tf.tensor4d(f, [5, 5, 4, 6]);
      const loss = (a: tf.Tensor, b: tf.Tensor): tf.Scalar => tf.sum(tf.square(tf.maxPool(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 2), 2, 2, 'valid')));
      const g = tf.grads(loss)([xt, ft]);
      const out = await Promise.all(g.map(async (t) => (await t.data()) as Float32Array));
      tf.dispose([xt, ft, ...g]);
      return out;
    };
    const [gx, gf] = await grads('wasm');
    const [cx, cf] = await grads('cpu');
    await tf.setBackend('wasm');
    const rel = (a: Float32Array, b: Float32Array): number => Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / Math.max(...b.map(Math.abs));
    // the loss's gradient is a product of float32 sums of ≤ 100 terms: 1e−5 of its scale is ~20 γ_100
    expect(rel(gx!, cx!)).toBeLessThan(1e-5);
    expect(rel(gf!, cf!)).toBeLessThan(1e-5);
  });
});

describe('a wasm backend that fails to start', () => {
  it('why backend.ts sets WASM_HAS_MULTITHREAD_SUPPORT: with IS_NODE off, tfjs detects threads and setBackend(\'wasm\') fails in Node', { timeout: 60_000 }, () => {
    const script = `
      import { tf } from './empirics/tf.ts';
      await import('@tensorflow/tfjs-backend-wasm');
      const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      const ok = await tf.setBackend('wasm').catch(() => false);
      console.log(JSON.stringify({ threads, ok }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!), r.stderr).toEqual({ threads: true, ok: false });
  });

  const script = `
    import { selectBackend } from './empirics/backend.ts';
    const lines = [];
    const s = await selectBackend('auto', (l) => lines.push(l));
    console.log(JSON.stringify({ name: s.name, lines }));
    try { await selectBackend('wasm'); console.log('"no error"'); } catch (e) { console.log(JSON.stringify(e.message)); }`;

  it.each([
    ['missing', (dir: string) => dir, /its binary .*tfjs-backend-wasm-simd\.wasm cannot be read \(ENOENT\): reinstall/],
    ['not WebAssembly', (dir: string) => (writeFileSync(join(dir, 'tfjs-backend-wasm-simd.wasm'), 'not wasm'), dir), /its binary .*tfjs-backend-wasm-simd\.wasm is not a valid WebAssembly module: reinstall/],
  ] as const)('its binary %s: auto falls back to cpu with one line saying why, and prints nothing else; --backend wasm is a one-line error', { timeout: 60_000 }, (_, make, why) => {
    const dir = make(mkdtempSync(join(tmpdir(), 'av-nowasm-')));
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASCENT_WASM_DIR: dir }, timeout: 50_000 });
    const out = r.stdout.trim().split('\n');
    const auto = JSON.parse(out.at(-2)!) as { name: string; lines: string[] };
    expect(auto.name, r.stderr).toBe('cpu');
    const wasmLine = auto.lines.filter((l) => l.startsWith('backend: wasm'));
    expect(wasmLine).toHaveLength(1);
    expect(wasmLine[0]).toMatch(new RegExp(`^backend: wasm skipped: ${why.source}`));
    expect(wasmLine[0]).not.toContain('\n');
    expect(r.stderr).not.toMatch(/Abort|Initialization of backend wasm failed/);
    const named = JSON.parse(out.at(-1)!) as string;
    expect(named).toMatch(new RegExp(`^--backend wasm is unavailable: ${why.source}`));
  });
});
