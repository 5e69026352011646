/**
 * Pretraining, oracle retraining and the three unlearning methods, as design.md's Anchors state
 * them (after Georgiev et al. 2024 and Kurmanji et al. 2023):
 *  - pretrain / oracle: SGD with momentum, weight decay, a triangular learning rate (0 → peak at
 *    `peakEpoch` → 0, changed every step), on D (pretrained) or R = D \ F (oracle).
 *  - GA: plain SGD (no momentum) ascending the cross-entropy on F, batch `batch`.
 *  - GDA: per epoch, an ascent pass over F (only in the first `ascentEpochs` epochs, batch
 *    `forgetBatch`), then a descent pass over R (batch `batch`); separate steps, no momentum.
 *  - SCRUB: the teacher is the pretrained model, frozen, in inference mode; per epoch, "max" steps
 *    on F (first `ascentEpochs` epochs) minimise −KL_T, then "min" steps on R minimise
 *    0.99·CE + 0.1·KL_T, with KL_T = T²·KL(softmax(t/T) ‖ softmax(s/T)), T = 4, averaged over the
 *    batch: Kurmanji et al.'s DistillKL (F.kl_div(log p_s, p_t)·T²/batch), which is the KL from the
 *    teacher's distribution to the student's. Only the student's variables are optimised (one
 *    public SCRUB port optimises the teacher by mistake). Plain SGD like GA and GDA, so the three
 *    differ only in their losses.
 * Each unlearning method calls `snapshot(epoch)` after every epoch listed in `snapshots`: the runs
 * that stop there are those prefixes (design: stopping epochs are snapshots of the longest run).
 */
import { tf, tfl } from '../tf.ts';
import { crossEntropy, forward, l2, sgdPass, stepsPerPass, trainableVars, type TensorSet } from './train.ts';
import type { EmpiricsPlan, PretrainRecipe, RunConfig } from './profiles.ts';

/** Triangular learning rate at (fractional) epoch t of `epochs`. */
export function triangularLr(r: PretrainRecipe, t: number): number {
  return t <= r.peakEpoch ? (r.peakLr * t) / r.peakEpoch : (r.peakLr * (r.epochs - t)) / (r.epochs - r.peakEpoch);
}

export async function pretrain(m: tfl.LayersModel, data: TensorSet, r: PretrainRecipe, uniform: () => number): Promise<number> {
  const opt = tf.train.momentum(r.peakLr, r.momentum);
  const vars = trainableVars(m);
  const perEpoch = stepsPerPass(data.n, r.batch);
  let loss = NaN;
  for (let e = 0; e < r.epochs; e++) {
    loss = await sgdPass(opt, vars, data, r.batch, uniform,
      (xb, yb) => tf.add(crossEntropy(forward(m, xb, true), yb), l2(vars, r.weightDecay)) as tf.Scalar,
      // the step's lr is the schedule at the step's midpoint, never exactly 0
      (k) => opt.setLearningRate(triangularLr(r, e + (k + 0.5) / perEpoch)));
  }
  opt.dispose();
  return loss;
}

const ascentCE = (m: tfl.LayersModel) => (xb: tf.Tensor4D, yb: tf.Tensor2D): tf.Scalar => tf.neg(crossEntropy(forward(m, xb, true), yb)) as tf.Scalar;
const descentCE = (m: tfl.LayersModel) => (xb: tf.Tensor4D, yb: tf.Tensor2D): tf.Scalar => crossEntropy(forward(m, xb, true), yb);

/** T²·KL(softmax(t/T) ‖ softmax(s/T)), mean over the batch. */
export function distillKL(student: tf.Tensor2D, teacher: tf.Tensor2D, T: number): tf.Scalar {
  return tf.tidy(() => {
    const logPs = tf.logSoftmax(tf.div(student, T));
    const logPt = tf.logSoftmax(tf.div(teacher, T));
    const kl = tf.sum(tf.mul(tf.exp(logPt), tf.sub(logPt, logPs)), 1);
    return tf.mul(T * T, tf.mean(kl)) as tf.Scalar;
  });
}

export interface UnlearnData {
  forget: TensorSet;
  retain: TensorSet;
}

/**
 * Runs one grid configuration on `m` (a fresh copy of a pretrained model), calling `snapshot(e)`
 * after each epoch e in run.snapshots. `teacher` (SCRUB only) is another copy, never updated.
 */
export async function unlearn(m: tfl.LayersModel, run: RunConfig, data: UnlearnData, p: EmpiricsPlan, uniform: () => number,
  snapshot: (epoch: number) => Promise<void>, teacher?: tfl.LayersModel): Promise<void> {
  const opt = tf.train.sgd(run.lr);
  const vars = trainableVars(m);
  const want = new Set(run.snapshots);
  const T = p.scrub.temperature;
  // the teacher's variables are not in `vars`, so no gradient reaches them (tfjs has no stopGradient)
  const teacherLogits = (xb: tf.Tensor4D): tf.Tensor2D => forward(teacher!, xb, false);
  for (let e = 1; e <= run.epochs; e++) {
    if (run.method === 'GA') {
      await sgdPass(opt, vars, data.forget, p.batch, uniform, ascentCE(m));
    } else if (run.method === 'GDA') {
      if (e <= run.ascentEpochs!) await sgdPass(opt, vars, data.forget, run.forgetBatch!, uniform, ascentCE(m));
      await sgdPass(opt, vars, data.retain, p.batch, uniform, descentCE(m));
    } else {
      if (!teacher) throw new Error('SCRUB needs the teacher (the pretrained model)');
      if (e <= run.ascentEpochs!) {
        await sgdPass(opt, vars, data.forget, run.forgetBatch!, uniform,
          (xb) => tf.neg(distillKL(forward(m, xb, true), teacherLogits(xb), T)) as tf.Scalar);
      }
      await sgdPass(opt, vars, data.retain, p.batch, uniform, (xb, yb) => {
        const s = forward(m, xb, true);
        return tf.add(tf.mul(p.scrub.ceWeight, crossEntropy(s, yb)), tf.mul(p.scrub.klWeight, distillKL(s, teacherLogits(xb), T))) as tf.Scalar;
      });
    }
    if (want.has(e)) await snapshot(e);
  }
  opt.dispose();
}
