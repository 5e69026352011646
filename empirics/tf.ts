/**
 * The one place that imports TensorFlow.js (design.md, "Layout": tfjs lives in empirics/ only).
 * Everything else imports `tf` (tfjs-core with the CPU backend registered) and `tfl`
 * (tfjs-layers) from here, so that every module sees one tfjs instance, one set of flags and the
 * same kernels. Faster backends (WebGPU on Dawn, the native tfjs-node ones) are registered on
 * demand by backend.ts.
 *
 * Quiet import. tfjs-backend-cpu prints a "Hi, looks like you are running TensorFlow.js in
 * Node.js … install our node backend" banner (through console.warn) the first time it stores a
 * tensor, whenever the flag IS_NODE is true. In tfjs-core and -cpu 4.22 IS_NODE is read in two places:
 * by tfjs-core when it is imported, to install its Node platform (fetch, TextEncoder, timers;
 * that has happened by the time the line below runs), and by that banner. So the flag is turned
 * off once, here; console itself is never touched. One more reader came with
 * @tensorflow/tfjs-backend-wasm (loaded by backend.ts): its WASM_HAS_MULTITHREAD_SUPPORT flag is
 * true wherever IS_NODE is false, and the threaded build it then loads fails in Node, so backend.ts
 * sets that flag to false before starting it (tests/wasm-kernels.test.ts shows both). Warnings that carry
 * information (a backend that fails to initialise, a slow synchronous read on WebGPU) still print.
 *
 * One CPU kernel replaced: Conv2DBackpropFilter (the gradient of a convolution with respect to
 * its kernel). tfjs-backend-cpu 4.22 computes it with a TensorBuffer.get(b, r, c, d) call per
 * multiply-add, ~190 ns each on this project's machine, 50–100× its own forward convolution: one
 * ResNet-9 training step on 32 images took over half an hour, 96% of it in that kernel. The
 * replacement below visits the same products in the same order and accumulates each weight's sum
 * in float64 as the original does, so its results are bitwise identical (tests/models.test.ts
 * checks this against `stockCpuKernels.Conv2DBackpropFilter`); it indexes the typed arrays directly
 * instead. Channels-first data still goes to the original.
 *
 * Style. In this build chained tensor methods (x.slice(), x.add()) are not registered (they come
 * with the full @tensorflow/tfjs bundle only): use the function forms, tf.slice(x, …), tf.add(a, b).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';

tf.env().set('IS_NODE', false);

interface CpuBackendLike {
  data: { get(id: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

const stockFilterGrad = tf.getKernel('Conv2DBackpropFilter', 'cpu');

/** The CPU kernels this module replaced, as tfjs-backend-cpu ships them (for comparison in tests). */
export const stockCpuKernels = { Conv2DBackpropFilter: stockFilterGrad.kernelFunc };

const conv2DBackpropFilter: tf.KernelFunc = (args) => {
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  const fmt = tf.backend_util.convertConv2DDataFormat(dataFormat);
  if (fmt !== 'channelsLast' || x.dtype !== 'float32' || dy.dtype !== 'float32') return stockFilterGrad.kernelFunc(args);
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, fmt);
  const backend = args.backend as unknown as CpuBackendLike;
  const xv = backend.data.get(x.dataId).values;
  const dyv = backend.data.get(dy.dataId).values;
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: Ci, outHeight: OH, outWidth: OW, outChannels: Co } = info;
  const { filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const acc = new Float64Array(FH * FW * Ci * Co);
  // for every weight, the products arrive in (b, yR, yC) order, as in the original's loop
  for (let b = 0; b < B; b++) {
    for (let yR = 0; yR < OH; yR++) {
      for (let yC = 0; yC < OW; yC++) {
        const dyOff = ((b * OH + yR) * OW + yC) * Co;
        for (let wR = 0; wR < FH; wR++) {
          const xR = wR + yR * SH - top;
          if (xR < 0 || xR >= H) continue;
          for (let wC = 0; wC < FW; wC++) {
            const xC = wC + yC * SW - left;
            if (xC < 0 || xC >= W) continue;
            const xOff = ((b * H + xR) * W + xC) * Ci;
            let wOff = (wR * FW + wC) * Ci * Co;
            for (let d1 = 0; d1 < Ci; d1++, wOff += Co) {
              const xi = xv[xOff + d1]!;
              for (let d2 = 0; d2 < Co; d2++) acc[wOff + d2] = acc[wOff + d2]! + xi * dyv[dyOff + d2]!;
            }
          }
        }
      }
    }
  }
  return backend.makeTensorInfo([FH, FW, Ci, Co], 'float32', Float32Array.from(acc));
};

tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'cpu', kernelFunc: conv2DBackpropFilter });

export { tf, tfl };
