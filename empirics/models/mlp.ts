/**
 * The MLP: flatten → dense 64, ReLU → dense numClasses (logits). The cheapest model that still
 * learns MNIST (≈ 97% at 28×28): it lets the empirics run whole grids of unlearning runs, with
 * their retrained oracles, on a laptop's CPU. 28×28×1 input: 784·64 + 64 + 64·10 + 10 = 50,890
 * parameters.
 */
import { tfl } from '../tf.ts';
import type { Init } from './index.ts';

export function mlp(inputShape: [number, number, number], numClasses: number, init: Init): tfl.LayersModel {
  return tfl.sequential({
    name: 'mlp',
    layers: [
      tfl.layers.flatten({ inputShape, name: 'flatten' }),
      tfl.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init.kernel(), biasInitializer: 'zeros', name: 'dense1' }),
      tfl.layers.dense({ units: numClasses, kernelInitializer: init.kernel(), biasInitializer: 'zeros', name: 'logits' }),
    ],
  });
}
