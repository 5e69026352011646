/**
 * The units of work of an empirics run, each deterministic in (plan, seed, job) and each ending in
 * whole files in the run directory: pretrain model i, retrain oracle i on D \ F, run one grid
 * configuration from pretrained model i. Jobs run in worker threads (runner.ts) or in-process.
 */
import { tf, tfl } from '../tf.ts';
import { buildModel } from '../models/index.ts';
import { seededUniform } from '../../theory/sampling.ts';
import { prepareData, evalLabels, type RunData } from './prepare.ts';
import { disposeSet, forward, imagesNHWC, margins, setWeightsFromBytes, tensorSet, weightsToBytes, NonFiniteError, type TensorSet } from './train.ts';
import { pretrain, unlearn } from './methods.ts';
import { jobSeed, paths, RunStore } from './store.ts';
import { runKey } from './profiles.ts';
import { retainPositions } from './forgetSets.ts';
import type { Job, JobContextInit } from './jobTypes.ts';
import type { InfluenceFactors } from './influencePCs.ts';
import { bootFile, bootstrapTarget } from './bootstrap.ts';

/** What a job needs that is costly to rebuild: the data as tensors, built once per worker. */
export class JobContext {
  readonly store: RunStore;
  readonly data: RunData;
  readonly labels: Uint8Array;
  readonly nEval: number;
  private evalSet?: TensorSet;
  private trainSet?: TensorSet;
  private readonly bySet = new Map<string, { forget: TensorSet; retain: TensorSet }>();

  constructor(readonly init: JobContextInit) {
    this.store = new RunStore(init.dir);
    this.data = prepareData(init.plan, init.seed, init.source);
    this.labels = evalLabels(this.data);
    this.nEval = this.labels.length;
  }

  setForgetSets(sets: Record<string, number[]>): void {
    this.init.forgetSets = sets;
  }

  private evalTensors(): TensorSet {
    if (!this.evalSet) {
      const { train, val } = this.data;
      const parts = [imagesNHWC(train), imagesNHWC(val)];
      this.evalSet = { x: tf.concat(parts) as tf.Tensor4D, y: tf.zeros([1, 1]) as tf.Tensor2D, n: this.nEval };
      tf.dispose(parts);
    }
    return this.evalSet;
  }

  private train(): TensorSet {
    return (this.trainSet ??= tensorSet(this.data.train));
  }

  private split(set: string): { forget: TensorSet; retain: TensorSet } {
    let s = this.bySet.get(set);
    if (!s) {
      const f = this.init.forgetSets[set];
      if (!f) throw new Error(`unknown forget set ${set}`);
      s = { forget: tensorSet(this.data.train, f), retain: tensorSet(this.data.train, retainPositions(this.data.train.n, f)) };
      this.bySet.set(set, s);
    }
    return s;
  }

  model(seed: number): tfl.LayersModel {
    const d = this.data.train;
    return buildModel(this.init.plan.model, { inputShape: [d.height, d.width, d.channels], numClasses: d.classes, seed });
  }

  evalMargins(m: tfl.LayersModel): Promise<Float32Array> {
    return margins(m, this.evalTensors(), this.labels, this.data.train.classes);
  }

  async run(job: Job): Promise<void> {
    const { plan, seed } = this.init;
    if (job.type === 'pretrain') {
      const m = this.model(jobSeed(seed, 'init', 'pretrained', job.i));
      await pretrain(m, this.train(), plan.pretrain, seededUniform(jobSeed(seed, 'order', 'pretrained', job.i)));
      // weights last: their presence marks the job done for the unlearning jobs that load them
      this.store.writeF32(paths.pretrainedMargins(job.i), await this.evalMargins(m));
      const infl = await selfInfluence(m, this.train(), plan.forgetSets.some((f) => f.kind === 'pc2'));
      this.store.writeF32(paths.pretrainedScores(job.i), infl.scores);
      if (infl.factors) this.store.writeF32(paths.pretrainedFactors(job.i), infl.factors.rows);
      this.store.writeF32(paths.pretrainedWeights(job.i), await weightsToBytes(m));
      m.dispose();
    } else if (job.type === 'oracle') {
      const m = this.model(jobSeed(seed, 'init', 'oracle', job.set, job.i));
      await pretrain(m, this.split(job.set).retain, plan.pretrain, seededUniform(jobSeed(seed, 'order', 'oracle', job.set, job.i)));
      this.store.writeF32(paths.oracleMargins(job.set, job.i), await this.evalMargins(m));
      m.dispose();
    } else if (job.type === 'bootstrap') {
      const bc = { store: this.store, plan, seed, nD: this.data.train.n, nVal: this.data.val.n, forgetSets: this.init.forgetSets };
      this.store.writeF32(bootFile(job.target), bootstrapTarget(bc, job.target));
    } else {
      const m = this.model(0), teacher = job.run.method === 'SCRUB' ? this.model(0) : undefined;
      const w = this.store.readF32(paths.pretrainedWeights(job.i), m.getWeights().reduce((n, t) => n + t.size, 0));
      setWeightsFromBytes(m, w);
      if (teacher) setWeightsFromBytes(teacher, w);
      const snaps = job.run.snapshots;
      const out = new Float32Array(snaps.length * this.nEval).fill(NaN);
      try {
        await unlearn(m, job.run, this.split(job.set), plan, seededUniform(jobSeed(seed, 'order', job.set, runKey(job.run), job.i)),
          async (epoch) => out.set(await this.evalMargins(m), snaps.indexOf(epoch) * this.nEval), teacher);
      } catch (e) {
        // a blown-up model: the snapshots it did not reach stay NaN ("broken"), not an error of the run
        if (!(e instanceof NonFiniteError)) throw e;
      }
      this.store.writeF32(paths.unlearnedMargins(job.set, runKey(job.run), job.i), out);
      m.dispose();
      teacher?.dispose();
    }
  }

  dispose(): void {
    for (const s of [this.evalSet, this.trainSet, ...[...this.bySet.values()].flatMap((v) => [v.forget, v.retain])]) if (s) disposeSet(s);
  }
}

/**
 * Last-layer TracIn self-influence of each example (forgetSets.ts explains the choice):
 * ‖softmax(z) − y‖²·(‖h‖² + [the last dense layer has a bias]), h the input of the last dense layer;
 * with `withFactors`, also the factors e = softmax(z) − y and b = [h; bias] of every example, from
 * which influencePCs.ts builds the whole influence matrix (the PC2 stand-in).
 */
export async function selfInfluence(m: tfl.LayersModel, set: TensorSet, withFactors = false): Promise<{ scores: Float32Array; factors?: InfluenceFactors }> {
  const dense = [...m.layers].reverse().find((l) => l.getClassName() === 'Dense');
  if (!dense) throw new Error('self-influence needs a model whose logits come from a Dense layer');
  const hasBias = (dense.getConfig() as { useBias?: boolean }).useBias !== false;
  const features = tfl.model({ inputs: m.inputs, outputs: dense.input as tfl.SymbolicTensor });
  const out = new Float32Array(set.n);
  let factors: InfluenceFactors | undefined;
  const B = 256;
  for (let at = 0; at < set.n; at += B) {
    const k = Math.min(B, set.n - at);
    const [s, e, h] = tf.tidy(() => {
      const xb = tf.slice(set.x, [at, 0, 0, 0], [k, -1, -1, -1]);
      const yb = tf.slice(set.y, [at, 0], [k, -1]);
      const h = tf.reshape(features.apply(xb, { training: false }) as tf.Tensor, [k, -1]);
      const e = tf.sub(tf.softmax(forward(m, xb, false)), yb);
      const g = tf.sum(tf.square(e), 1);
      return [tf.mul(g, tf.add(tf.sum(tf.square(h), 1), hasBias ? 1 : 0)), e, h];
    });
    out.set((await s!.data()) as Float32Array, at);
    if (withFactors) {
      const C = e!.shape[1]!, H = h!.shape[1]!, width = H + (hasBias ? 1 : 0), stride = C + width;
      factors ??= { n: set.n, classes: C, width, rows: new Float32Array(set.n * stride) };
      const ev = (await e!.data()) as Float32Array, hv = (await h!.data()) as Float32Array;
      for (let r = 0; r < k; r++) {
        const o = (at + r) * stride;
        factors.rows.set(ev.subarray(r * C, (r + 1) * C), o);
        factors.rows.set(hv.subarray(r * H, (r + 1) * H), o + C);
        if (hasBias) factors.rows[o + C + H] = 1;
      }
    }
    tf.dispose([s!, e!, h!]);
  }
  return { scores: out, factors };
}
