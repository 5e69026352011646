/**
 * Kernels this project registers on tfjs-backend-wasm 4.22 (issue 13; design.md, "GPU"): the one
 * it lacks and the ones whose shipped versions make training slow on one thread.
 *
 *  - Conv2DBackpropFilter (missing). dW[fh, fw, ci, co] = Σ_{b, oy, ox} x[b, oy·s + fh − pt,
 *    ox·s + fw − pl, ci] · dy[b, oy, ox, co] is itself a convolution: the input x transposed to
 *    [Ci, H, W, B] (the batch becomes the channels) convolved, stride 1, with dy transposed to
 *    [OH, OW, B, Co] as the filter, dilated by the stride s, gives [Ci, FH, FW, Co]; one XNNPACK
 *    call instead of a loop over B·OH·OW·FH·FW·Ci·Co products.
 *  - Conv2DBackpropInput (slow: a scalar loop). dx[b, y, x, ci] = Σ dy[b, oy, ox, co] ·
 *    W[fh, fw, ci, co] over y = oy·s + fh − pt. Rows y of one phase r = (y + pt) mod s only meet
 *    filter rows fh ≡ r (mod s), so each phase (s² of them) is a stride-1 XNNPACK convolution of
 *    dy with that phase's sub-filter, flipped and transposed to [Kh, Kw, Co, Ci]; its rows are
 *    scattered into dx. Stride 1 is one phase with the whole flipped filter.
 *  - Tile (slow: an element-by-element index computation): whole innermost rows copied.
 *  - MaxPoolGrad (slow): each window's gradient goes to its first maximum, as tfjs-cpu's does.
 *  - BatchMatMul with a transposed operand (slow path): the operand transposed explicitly, then
 *    the shipped XNNPACK product without transposes.
 *
 * Cases they do not cover go to the shipped kernel (channels-first data and paddings at least the
 * filter's size in Conv2DBackpropInput, other dtypes in Tile, untransposed BatchMatMul);
 * Conv2DBackpropFilter, which has no shipped kernel, takes channels-last data only, as the
 * shipped Conv2D does (tfjs's convolution gradients do not take dilations at all). Accuracy: the convolutions sum the same
 * products as tfjs-cpu in float32 in XNNPACK's order; tests/wasm-kernels.test.ts compares each
 * kernel with tfjs-cpu on random shapes (relative tolerance stated there).
 */
import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm's BackendWasm these kernels use. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: object): boolean;
}

type Attrs = Record<string, unknown>;
const NAME = 'wasm';

/** Runs the kernel registered under `name` on the wasm backend (the shipped one unless replaced here). */
function call(name: string, backend: WasmBackend, inputs: Record<string, tf.TensorInfo>, attrs: Attrs = {}): tf.TensorInfo {
  return tf.getKernel(name, NAME)!.kernelFunc({ inputs, backend: backend as never, attrs: attrs as never }) as tf.TensorInfo;
}

const f32 = (b: WasmBackend, t: tf.TensorInfo): Float32Array => b.typedArrayFromHeap(t) as Float32Array;

const shipped: Record<string, tf.KernelFunc> = {};

/** The shipped wasm kernels this module replaced (for comparison in tests). */
export const shippedWasmKernels = shipped;

interface ConvAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const conv2DBackpropFilter: tf.KernelFunc = (args) => {
  const backend = args.backend as unknown as WasmBackend;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const a = args.attrs as unknown as ConvAttrs & { filterShape: [number, number, number, number] };
  if (tf.backend_util.convertConv2DDataFormat(a.dataFormat) !== 'channelsLast') throw new Error('wasm Conv2DBackpropFilter: channels-first data is not supported (use NHWC)');
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');
  const { inHeight: H, inWidth: W, outHeight: OH, outWidth: OW, filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const { top, left } = info.padInfo;
  // output rows H + top + bottom − (SH·(OH − 1) + 1) + 1 = FH; where the stride leaves the last
  // input rows unused, bottom would be negative: pad 0 and slice the surplus rows off
  const bottom = FH + SH * (OH - 1) - H - top;
  const right = FW + SW * (OW - 1) - W - left;
  const xt = call('Transpose', backend, { x }, { perm: [3, 1, 2, 0] });
  const dyt = call('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] });
  let c = call('Conv2D', backend, { x: xt, filter: dyt }, {
    strides: [1, 1], dilations: [SH, SW], dataFormat: 'NHWC',
    pad: [[0, 0], [top, Math.max(0, bottom)], [left, Math.max(0, right)], [0, 0]],
  });
  backend.disposeData(xt.dataId);
  backend.disposeData(dyt.dataId);
  if (bottom < 0 || right < 0) {
    const s = call('Slice', backend, { x: c }, { begin: [0, 0, 0, 0], size: [c.shape[0], FH, FW, c.shape[3]] });
    backend.disposeData(c.dataId);
    c = s;
  }
  const out = call('Transpose', backend, { x: c }, { perm: [1, 2, 0, 3] });
  backend.disposeData(c.dataId);
  return out;
};

/** Rows (or columns) of one output phase: the first index, how many, and the sub-filter's taps. */
function phase(r: number, s: number, pad: number, n: number, f: number): { first: number; count: number; taps: number; u0: number } {
  // y ≡ r − pad (mod s), 0 ≤ y < n
  const first = (((r - pad) % s) + s) % s;
  const count = first < n ? Math.floor((n - 1 - first) / s) + 1 : 0;
  const taps = r < f ? Math.floor((f - 1 - r) / s) + 1 : 0;
  return { first, count, taps, u0: (first + pad - r) / s };
}

const conv2DBackpropInput: tf.KernelFunc = (args) => {
  const backend = args.backend as unknown as WasmBackend;
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const a = args.attrs as unknown as ConvAttrs & { inputShape: [number, number, number, number] };
  const info = tf.backend_util.computeConv2DInfo(a.inputShape, filter.shape as [number, number, number, number], a.strides, 1, a.pad, a.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(a.dataFormat));
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: Ci, outHeight: OH, outWidth: OW, outChannels: Co, filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const { top, left } = info.padInfo;
  const rows = Array.from({ length: SH }, (_, r) => phase(r, SH, top, H, FH));
  const cols = Array.from({ length: SW }, (_, r) => phase(r, SW, left, W, FW));
  // a phase whose first row needs dy rows above the padding (pad ≥ filter) is left to the shipped kernel
  if (info.dataFormat !== 'channelsLast' || [...rows, ...cols].some((p) => p.count > 0 && p.taps > 0 && p.u0 > p.taps - 1)) return shipped.Conv2DBackpropInput!(args);

  const dx = backend.makeOutput([B, H, W, Ci], 'float32');
  const single = SH === 1 && SW === 1;
  if (!single) f32(backend, dx).fill(0);
  for (const [ry, py] of rows.entries()) {
    for (const [rx, px] of cols.entries()) {
      if (!py.count || !px.count || !py.taps || !px.taps) continue;
      // sub[jh, jw, co, ci] = W[ry + SH·(Kh − 1 − jh), rx + SW·(Kw − 1 − jw), ci, co]
      const Kh = py.taps, Kw = px.taps;
      const sub = backend.makeOutput([Kh, Kw, Co, Ci], 'float32');
      const w = f32(backend, filter), sv = f32(backend, sub);
      for (let jh = 0; jh < Kh; jh++) {
        for (let jw = 0; jw < Kw; jw++) {
          const src = ((ry + SH * (Kh - 1 - jh)) * FW + (rx + SW * (Kw - 1 - jw))) * Ci * Co;
          const dst = (jh * Kw + jw) * Co * Ci;
          for (let ci = 0; ci < Ci; ci++) for (let co = 0; co < Co; co++) sv[dst + co * Ci + ci] = w[src + ci * Co + co]!;
        }
      }
      // out[u] = Σ_j dy[u − (K − 1) + j] · sub[j]: pad K − 1 − u0 above, and below whatever makes `count` rows
      const pt = Kh - 1 - py.u0, pl = Kw - 1 - px.u0;
      const pb = py.count + Kh - 1 - OH - pt, pr = px.count + Kw - 1 - OW - pl;
      const c = call('Conv2D', backend, { x: dy, filter: sub }, {
        strides: [1, 1], dilations: [1, 1], dataFormat: 'NHWC',
        pad: [[0, 0], [pt, Math.max(0, pb)], [pl, Math.max(0, pr)], [0, 0]],
      });
      backend.disposeData(sub.dataId);
      const cw = c.shape[2]!, ch = c.shape[1]!;
      if (single && ch === H && cw === W) {
        backend.disposeData(dx.dataId);
        return c;
      }
      const cv = f32(backend, c), dv = f32(backend, dx);
      for (let b = 0; b < B; b++) {
        for (let i = 0; i < py.count; i++) {
          const y = py.first + SH * i;
          for (let j = 0; j < px.count; j++) {
            const from = ((b * ch + i) * cw + j) * Ci;
            dv.set(cv.subarray(from, from + Ci), ((b * H + y) * W + px.first + SW * j) * Ci);
          }
        }
      }
      backend.disposeData(c.dataId);
    }
  }
  return dx;
};

const tile: tf.KernelFunc = (args) => {
  const backend = args.backend as unknown as WasmBackend;
  const { x } = args.inputs as { x: tf.TensorInfo };
  const reps = (args.attrs as unknown as { reps: number[] }).reps;
  if (!['float32', 'int32', 'bool'].includes(x.dtype) || x.shape.length === 0) return shipped.Tile!(args);
  const shape = x.shape;
  const r = shape.length;
  const outShape = shape.map((d, i) => d * reps[i]!);
  const out = backend.makeOutput(outShape, x.dtype);
  const xv = backend.typedArrayFromHeap(x), ov = backend.typedArrayFromHeap(out);
  if (ov.length === 0) return out;
  // copy the input's innermost rows, each repeated along the last axis; then, from the innermost
  // axis outwards, repeat each finished block along its axis by copyWithin
  const row = shape[r - 1]!;
  const outRow = outShape[r - 1]!;
  const nRows = xv.length / row;
  for (let k = 0; k < nRows; k++) {
    // the input row k goes to the output row whose index along every outer axis is that of k
    let rem = k, dst = 0, stride = outRow;
    for (let ax = r - 2; ax >= 0; ax--) {
      const i = rem % shape[ax]!;
      rem = Math.floor(rem / shape[ax]!);
      dst += i * stride;
      stride *= outShape[ax]!;
    }
    const src = xv.subarray(k * row, (k + 1) * row);
    for (let t = 0; t < reps[r - 1]!; t++) ov.set(src, dst + t * row);
  }
  // block = one index along axes < ax of the output, with axes ≥ ax laid out as tiled
  let inner = outRow;
  for (let ax = r - 2; ax >= 0; ax--) {
    const blockIn = shape[ax]! * inner; // the filled first repetition along axis ax
    const outer = outShape.slice(0, ax).reduce((p, d) => p * d, 1);
    for (let o = 0; o < outer; o++) {
      const base = o * blockIn * reps[ax]!;
      for (let t = 1; t < reps[ax]!; t++) ov.copyWithin(base + t * blockIn, base, base + blockIn);
    }
    inner *= outShape[ax]!;
  }
  return out;
};

const maxPoolGrad: tf.KernelFunc = (args) => {
  const backend = args.backend as unknown as WasmBackend;
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const a = args.attrs as unknown as { filterSize: [number, number] | number; strides: [number, number] | number; pad: 'valid' | 'same' | number; dimRoundingMode?: 'floor' | 'round' | 'ceil' };
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW, dilationHeight: DH, dilationWidth: DW } = info;
  const { top, left } = info.padInfo;
  const dx = backend.makeOutput(input.shape, 'float32');
  const xv = f32(backend, input), gv = f32(backend, dy), dv = f32(backend, dx);
  dv.fill(0);
  // per window, all channels at once (contiguous in NHWC): the first maximum of each channel in
  // row-major window order, as tfjs-cpu's maxPoolPositions picks it
  const best = new Float32Array(C), at = new Int32Array(C);
  for (let b = 0; b < B; b++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        best.fill(-Infinity);
        at.fill(-1);
        for (let fh = 0; fh < FH; fh++) {
          const y = oy * SH - top + fh * DH;
          if (y < 0 || y >= H) continue;
          for (let fw = 0; fw < FW; fw++) {
            const x = ox * SW - left + fw * DW;
            if (x < 0 || x >= W) continue;
            const base = ((b * H + y) * W + x) * C;
            for (let c = 0; c < C; c++) {
              const v = xv[base + c]!;
              if (v > best[c]!) {
                best[c] = v;
                at[c] = base + c;
              }
            }
          }
        }
        const g = ((b * OH + oy) * OW + ox) * C;
        for (let c = 0; c < C; c++) {
          const i = at[c]!;
          if (i >= 0) dv[i] = dv[i]! + gv[g + c]!;
        }
      }
    }
  }
  return dx;
};

const batchMatMul: tf.KernelFunc = (args) => {
  const backend = args.backend as unknown as WasmBackend;
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA, transposeB } = args.attrs as unknown as { transposeA: boolean; transposeB: boolean };
  if (!transposeA && !transposeB) return shipped.BatchMatMul!(args);
  const swapLast = (t: tf.TensorInfo): tf.TensorInfo => {
    const perm = t.shape.map((_, i) => i);
    const n = perm.length;
    [perm[n - 2], perm[n - 1]] = [perm[n - 1]!, perm[n - 2]!];
    return call('Transpose', backend, { x: t }, { perm });
  };
  const at = transposeA ? swapLast(a) : a;
  const bt = transposeB ? swapLast(b) : b;
  const out = shipped.BatchMatMul!({ ...args, inputs: { a: at, b: bt }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
  if (transposeA) backend.disposeData(at.dataId);
  if (transposeB) backend.disposeData(bt.dataId);
  return out;
};

const REPLACEMENTS: Record<string, tf.KernelFunc> = {
  Conv2DBackpropFilter: conv2DBackpropFilter,
  Conv2DBackpropInput: conv2DBackpropInput,
  Tile: tile,
  MaxPoolGrad: maxPoolGrad,
  BatchMatMul: batchMatMul,
};

/**
 * Registers the kernels above on the `wasm` backend (once; tfjs-backend-wasm must have been
 * imported). The shipped kernels' setup functions (bound C entry points) are kept.
 */
export function registerWasmKernels(): void {
  if (Object.keys(shipped).length) return;
  for (const [name, kernelFunc] of Object.entries(REPLACEMENTS)) {
    const old = tf.getKernel(name, NAME);
    if (old) {
      shipped[name] = old.kernelFunc;
      tf.unregisterKernel(name, NAME);
    }
    tf.registerKernel({ kernelName: name, backendName: NAME, kernelFunc, setupFunc: old?.setupFunc, disposeFunc: old?.disposeFunc });
  }
}
