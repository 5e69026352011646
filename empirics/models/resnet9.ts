/**
 * ResNet-9, the CIFAR-10 network of the KLoM benchmark (design.md, "Anchors"), layer for layer as
 * `ResNet9` in RoyRin/data-unlearning-bench (src/models.py) and `resnet9` in
 * easydub/EasyDUB-code (easydub/models.py), which trace back to KakaoBrain's torchskeleton:
 *
 *   conv_bn(3, 64, k3, p1)
 *   conv_bn(64, 128, k5, s2, p2)
 *   Residual(conv_bn(128, 128), conv_bn(128, 128))      x + f(x)
 *   conv_bn(128, 256, k3, p1)
 *   MaxPool2d(2)
 *   Residual(conv_bn(256, 256), conv_bn(256, 256))
 *   conv_bn(256, 128, k3, p0)
 *   AdaptiveMaxPool2d(1) → Flatten → Linear(128, numClasses, bias=False) → Mul(0.2)
 *
 * where conv_bn = Conv2d(bias=False) → BatchNorm2d → ReLU. The convolutions have no bias (BatchNorm's
 * β is the bias), which is what makes the count 2,274,880 trainable parameters (2.27 M; derivation
 * in tests/models.test.ts); BatchNorm's moving means and variances (2·1,344 = 2,688 values) are
 * buffers in PyTorch and non-trainable weights here. At 32×32 the feature maps are 32 → 16 (the
 * stride-2 conv) → 8 (the max-pool) → 6 (the unpadded conv) → 1 (global max).
 *
 * Matching PyTorch where tfjs differs: the 5×5 stride-2 conv pads 2 on every side as PyTorch's
 * padding=2 does, through an explicit zero-padding layer and a 'valid' conv (tfjs's 'same' would
 * pad 1 before and 2 after on a 32-pixel side, shifting the sampling grid); BatchNorm uses
 * PyTorch's ε = 1e−5 and momentum 0.1 (tfjs's momentum 0.9: the weight on the old moving value).
 * One difference remains: tfjs updates the moving variance with the biased batch variance, PyTorch
 * with the unbiased one (a factor n/(n−1), n = batch × height × width ≥ 2·6·6).
 */
import { tfl } from '../tf.ts';
import type { Init } from './index.ts';

type SymbolicTensor = ReturnType<typeof tfl.input>;

export function resnet9(inputShape: [number, number, number], numClasses: number, init: Init): tfl.LayersModel {
  let n = 0;
  const convBn = (x: SymbolicTensor, filters: number, kernelSize: number, opts: { stride?: number; pad?: number } = {}): SymbolicTensor => {
    const { stride = 1, pad = (kernelSize - 1) / 2 } = opts;
    const i = ++n;
    let y = x;
    // 'same' equals symmetric padding for odd kernels at stride 1; otherwise pad explicitly as PyTorch does
    const same = stride === 1 && pad === (kernelSize - 1) / 2;
    if (!same && pad > 0) y = tfl.layers.zeroPadding2d({ padding: pad, name: `pad${i}` }).apply(y) as SymbolicTensor;
    y = tfl.layers.conv2d({ filters, kernelSize, strides: stride, padding: same ? 'same' : 'valid', useBias: false, kernelInitializer: init.kernel(), name: `conv${i}` }).apply(y) as SymbolicTensor;
    y = tfl.layers.batchNormalization({ axis: -1, momentum: 0.9, epsilon: 1e-5, name: `bn${i}` }).apply(y) as SymbolicTensor;
    return tfl.layers.reLU({ name: `relu${i}` }).apply(y) as SymbolicTensor;
  };
  const residual = (x: SymbolicTensor, filters: number, name: string): SymbolicTensor =>
    tfl.layers.add({ name }).apply([x, convBn(convBn(x, filters, 3), filters, 3)]) as SymbolicTensor;

  const input = tfl.input({ shape: inputShape, name: 'image' });
  let x = convBn(input, 64, 3);
  x = convBn(x, 128, 5, { stride: 2, pad: 2 });
  x = residual(x, 128, 'residual1');
  x = convBn(x, 256, 3);
  x = tfl.layers.maxPooling2d({ poolSize: 2, strides: 2, name: 'pool' }).apply(x) as SymbolicTensor;
  x = residual(x, 256, 'residual2');
  x = convBn(x, 128, 3, { pad: 0 });
  x = tfl.layers.globalMaxPooling2d({ name: 'global_max' }).apply(x) as SymbolicTensor;
  x = tfl.layers.dense({ units: numClasses, useBias: false, kernelInitializer: init.kernel(), name: 'linear' }).apply(x) as SymbolicTensor;
  const logits = tfl.layers.rescaling({ scale: 0.2, offset: 0, name: 'mul' }).apply(x) as SymbolicTensor;
  return tfl.model({ inputs: input, outputs: logits, name: 'resnet9' });
}
