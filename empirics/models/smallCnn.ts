/**
 * The small CNN: conv 3×3, 16 filters, same padding, ReLU → max-pool 2×2 → flatten → dense
 * numClasses (logits). One convolution is enough to show the convolutional code path (and BatchNorm-free
 * training on it) at CPU speed on MNIST 14×14 / 28×28 and CIFAR-10 32×32; ResNet-9 is the model
 * the paper's numbers are about. 28×28×1 input: 3·3·1·16 + 16 + 14·14·16·10 + 10 = 31,530 parameters.
 */
import { tfl } from '../tf.ts';
import type { Init } from './index.ts';

export function smallCnn(inputShape: [number, number, number], numClasses: number, init: Init): tfl.LayersModel {
  return tfl.sequential({
    name: 'small_cnn',
    layers: [
      tfl.layers.conv2d({ inputShape, filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init.kernel(), biasInitializer: 'zeros', name: 'conv' }),
      tfl.layers.maxPooling2d({ poolSize: 2, strides: 2, name: 'pool' }),
      tfl.layers.flatten({ name: 'flatten' }),
      tfl.layers.dense({ units: numClasses, kernelInitializer: init.kernel(), biasInitializer: 'zeros', name: 'logits' }),
    ],
  });
}
