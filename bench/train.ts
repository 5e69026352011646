/**
 * `ascent-verify bench train [--quick]`: training throughput (images/s of forward + backward +
 * SGD step, softmax cross-entropy, float32) of the three networks of empirics/models on the tfjs
 * backend selectBackend picks (`auto`, or the one named by ASCENT_BACKEND=webgpu|tfjs-node|…),
 * beside a reference measured in the same run by bench/train_ref.py:
 *   mlp and small-cnn at 28×28×1 (MNIST), batch 64; resnet9 at 32×32×3 (CIFAR-10), batch 32.
 * Reference: PyTorch on the same shapes and batches, eager and torch.compile, on CUDA where torch
 * imports and sees a GPU; always, the MLP by hand-written numpy forward/backward on one BLAS thread
 * (tfjs's CPU backend runs on one thread), which is the only reference where torch is missing.
 * Inputs are seeded random normals with fixed labels: throughput does not depend on the data.
 *
 * Steps. A warm-up step (JIT, shader compilation, torch.compile) then a fixed number of timed
 * steps, read back once at the end (`await loss.data()`, which waits for the GPU queue). ResNet-9
 * on the CPU backend takes about 100 s a step at batch 32 on this project's 2-core machine, so it
 * runs 2 timed steps (1 with --quick) after a warm-up step at batch 2 (same kernels, JIT-warm).
 */
import { spawnSync } from 'node:child_process';
import { parseBackendChoice, releaseBackend, selectBackend, type BackendSelection } from '../empirics/backend.ts';
import { buildModel, countParams, type ModelKind } from '../empirics/models/index.ts';
import { tf } from '../empirics/tf.ts';

interface Case {
  model: ModelKind;
  shape: [number, number, number];
  batch: number;
  steps: number;
  /** warm-up steps, at warmBatch */
  warmup: number;
  warmBatch: number;
}

export interface TrainBench {
  backend: Pick<BackendSelection, 'name' | 'device' | 'skipped'>;
  cases: { model: ModelKind; shape: [number, number, number]; params: number; batch: number; steps: number; seconds: number; rate: number }[];
  /** reference rates (img/s) by model, then by implementation (numpy_1thread, torch_eager_cuda, …) */
  reference: Record<string, Record<string, number>>;
  referenceDevice: string;
  notes: string[];
}

function plan(quick: boolean, onCpu: boolean): Case[] {
  const mnist: [number, number, number] = [28, 28, 1];
  if (onCpu) {
    return [
      { model: 'mlp', shape: mnist, batch: 64, steps: quick ? 20 : 50, warmup: 3, warmBatch: 64 },
      { model: 'small-cnn', shape: mnist, batch: 64, steps: quick ? 4 : 10, warmup: 2, warmBatch: 64 },
      { model: 'resnet9', shape: [32, 32, 3], batch: 32, steps: quick ? 1 : 2, warmup: 1, warmBatch: 2 },
    ];
  }
  return [
    { model: 'mlp', shape: mnist, batch: 64, steps: quick ? 50 : 200, warmup: 5, warmBatch: 64 },
    { model: 'small-cnn', shape: mnist, batch: 64, steps: quick ? 30 : 100, warmup: 5, warmBatch: 64 },
    { model: 'resnet9', shape: [32, 32, 3], batch: 32, steps: quick ? 5 : 20, warmup: 3, warmBatch: 32 },
  ];
}

/** Seconds for `steps` SGD steps of `model` at `batch` (inputs and labels fixed, made outside the timing). */
async function timeSteps(model: ReturnType<typeof buildModel>, c: Case, batch: number, steps: number, opt: tf.Optimizer): Promise<number> {
  const x = tf.randomNormal([batch, ...c.shape], 0, 1, 'float32', 1);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: batch }, (_, i) => i % 10), 'int32'), 10);
  await x.data(); // materialised before the clock starts
  const loss = (): tf.Scalar => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
  const t0 = performance.now();
  let last: tf.Scalar | null = null;
  for (let s = 0; s < steps; s++) {
    last?.dispose();
    last = opt.minimize(loss, true);
  }
  const v = (await last!.data())[0]!;
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose([x, y, last!]);
  if (!Number.isFinite(v)) throw new Error(`bench train: ${c.model} produced a non-finite loss (${v})`);
  return seconds;
}

function reference(cases: Case[]): { reference: TrainBench['reference']; device: string; notes: string[] } {
  const spec = JSON.stringify(cases.map(({ model, shape, batch, steps, warmup }) => ({ model, shape, batch, steps, warmup })));
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const py = spawnSync('python3', [new URL('./train_ref.py', import.meta.url).pathname, spec], { encoding: 'utf8', timeout: 1_800_000, env });
  if (py.status !== 0) return { reference: {}, device: '', notes: [`python3 reference skipped: ${py.error?.message ?? py.stderr.trim().split('\n').pop() ?? 'failed'}`] };
  const r = JSON.parse(py.stdout.trim().split('\n').pop()!) as {
    numpy: Record<string, number>;
    torch: Record<string, Record<string, number> | string>;
    torch_note?: string;
    numpy_note?: string;
  };
  const reference: TrainBench['reference'] = {};
  for (const [m, v] of Object.entries(r.numpy)) (reference[m] ??= {}).numpy_1thread = v;
  const dev = typeof r.torch.device === 'string' ? r.torch.device : '';
  const where = dev === 'cpu' ? 'cpu_1thread' : 'cuda';
  for (const [m, v] of Object.entries(r.torch)) {
    if (typeof v === 'string') continue;
    for (const [mode, rate] of Object.entries(v)) (reference[m] ??= {})[`torch_${mode}_${where}`] = rate;
  }
  const notes = [r.numpy_note, r.torch_note].filter((s): s is string => typeof s === 'string');
  return { reference, device: dev ? `torch ${typeof r.torch.version === 'string' ? r.torch.version : ''} on ${dev}` : '', notes };
}

export async function benchTrain(opts: { quick: boolean; log: (m: string) => void }): Promise<TrainBench> {
  const requested = parseBackendChoice(process.env.ASCENT_BACKEND ?? 'auto');
  const sel = await selectBackend(requested, (l) => opts.log(`bench train: ${l}`));
  const cases = plan(opts.quick, sel.tfBackend === 'cpu' || sel.device.includes('software')); // llvmpipe is no faster than the cpu backend
  const out: TrainBench['cases'] = [];
  try {
    for (const c of cases) {
      const model = buildModel(c.model, { inputShape: c.shape, numClasses: 10, seed: 1 });
      const opt = tf.train.sgd(0.01);
      opts.log(`bench train: ${c.model} on ${sel.name}, ${c.shape.join('×')}, batch ${c.batch}: ${c.warmup} warm-up step(s)${c.warmBatch !== c.batch ? ` at batch ${c.warmBatch}` : ''}, then ${c.steps} timed…`);
      await timeSteps(model, c, c.warmBatch, c.warmup, opt);
      const seconds = await timeSteps(model, c, c.batch, c.steps, opt);
      out.push({ model: c.model, shape: c.shape, params: countParams(model), batch: c.batch, steps: c.steps, seconds, rate: (c.batch * c.steps) / seconds });
      opt.dispose();
      model.dispose();
    }
  } finally {
    await releaseBackend();
  }
  opts.log('bench train: the reference in the same run: python3 bench/train_ref.py (PyTorch if importable, numpy MLP)…');
  const ref = reference(cases);
  const notes = [...ref.notes];
  if (!Object.keys(ref.reference).some((m) => Object.keys(ref.reference[m]!).some((k) => k.includes('cuda')))) {
    notes.push('No PyTorch GPU figures in this run: they need a machine with a GPU and torch (see bench/NOTES.md, "train").');
  }
  return { backend: { name: sel.name, device: sel.device, skipped: sel.skipped }, cases: out, reference: ref.reference, referenceDevice: ref.device, notes };
}

export function formatTrainBench(b: TrainBench): string {
  const r = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 1 ? x.toFixed(1) : x.toFixed(3));
  const lines = [
    `Training throughput, images/s (forward + backward + SGD step, float32); ours on ${b.backend.name}: ${b.backend.device}`,
    ...b.backend.skipped.map((s) => `  (${s.name} passed over: ${s.why})`),
    '',
  ];
  for (const c of b.cases) {
    lines.push(`${c.model} ${c.shape.join('×')}, batch ${c.batch}, ${c.params.toLocaleString('en-US')} parameters, ${c.steps} timed step(s) in ${c.seconds.toFixed(2)} s`);
    lines.push(`  ${`ours, tfjs ${b.backend.name}`.padEnd(30)} ${r(c.rate).padStart(10)} img/s`);
    for (const [k, v] of Object.entries(b.reference[c.model] ?? {})) lines.push(`  ${k.padEnd(30)} ${r(v).padStart(10)} img/s   ours/this ${(c.rate / v).toPrecision(3)}`);
    if (!b.reference[c.model]) lines.push('  (no reference measured for this model in this run)');
  }
  if (b.referenceDevice) lines.push(`reference: ${b.referenceDevice}`);
  lines.push(...b.notes);
  return lines.join('\n');
}
