/**
 * The CPU backends: the float64 kernels (kernels.ts) on the calling thread ('cpu'), or the batch
 * split into contiguous slices across a pool of worker_threads ('cpu-workers'). Inputs and outputs live in
 * SharedArrayBuffers, so workers read the batch and write results in place with no copying; every
 * configuration runs the same code whichever thread runs it, so the two are bitwise identical.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { runRange } from './kernels.ts';
import { batchSize, trajectorySamples, validate, type SimArrays, type SimBatch, type SimOptions, type SimSetting } from './types.ts';

const shared64 = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(Math.max(n, 0) * 8) as unknown as ArrayBuffer);

/** A batch of n configurations whose arrays are shared, so workers read them without copying. */
export function sharedBatch(n: number, setting: SimSetting = '1d', perConfigEta = false): SimBatch {
  return {
    setting,
    cP: shared64(n),
    cN: shared64(n),
    lambda: shared64(n),
    start: shared64(n),
    ...(setting === '2d' ? { eps: shared64(n), start2: shared64(n) } : {}),
    ...(perConfigEta ? { eta: shared64(n) } : {}),
  };
}

/** Result arrays for n configurations (shared), trajectories included when the options ask. */
export function emptyArrays(n: number, setting: SimSetting, o: SimOptions): SimArrays {
  const S = trajectorySamples(o);
  return {
    w: shared64(n),
    ...(setting === '2d' ? { w2: shared64(n) } : {}),
    status: new Uint8Array(new SharedArrayBuffer(n) as unknown as ArrayBuffer),
    at: new Uint32Array(new SharedArrayBuffer(n * 4) as unknown as ArrayBuffer),
    ...(S ? { trajectory: shared64(n * S), trajectorySamples: S, ...(setting === '2d' ? { trajectory2: shared64(n * S) } : {}) } : {}),
  };
}

/** A copy of `b` in shared memory (a no-op for arrays already shared). */
function toShared(b: SimBatch): SimBatch {
  const share = (a: Float64Array | undefined): Float64Array | undefined => {
    if (!a || a.buffer instanceof SharedArrayBuffer) return a;
    const s = shared64(a.length);
    s.set(a);
    return s;
  };
  return { setting: b.setting, cP: share(b.cP)!, cN: share(b.cN)!, lambda: share(b.lambda)!, start: share(b.start)!, eps: share(b.eps), start2: share(b.start2), eta: share(b.eta) };
}

export function usableThreads(): number {
  return availableParallelism();
}

/**
 * A pool of worker threads kept for the life of the process (starting one costs tsx's loader,
 * a few hundred ms, more than many batches take), unref'd so an idle pool never keeps Node alive.
 */
interface PoolWorker {
  worker: Worker;
  busy: boolean;
}
const pool: PoolWorker[] = [];

function poolWorker(): PoolWorker {
  let p = pool.find((x) => !x.busy);
  if (!p) {
    // the worker is TypeScript: worker.mjs registers tsx's loader first, as bin/ascent-verify.js does
    p = { worker: new Worker(new URL('./worker.mjs', import.meta.url)), busy: false };
    p.worker.unref();
    pool.push(p);
  }
  p.busy = true;
  return p;
}

function runOnWorker(job: { batch: SimBatch; out: SimArrays; opts: SimOptions; from: number; to: number }): Promise<void> {
  const p = poolWorker();
  return new Promise<void>((resolve, reject) => {
    const done = (): void => {
      p.worker.off('message', onMessage);
      p.worker.off('error', onError);
      p.worker.off('exit', onExit);
    };
    const onMessage = (): void => {
      done();
      p.busy = false;
      resolve();
    };
    const onError = (e: Error): void => {
      done();
      pool.splice(pool.indexOf(p), 1);
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      pool.splice(pool.indexOf(p), 1);
      reject(new Error(`simulation worker exited with code ${code}`));
    };
    p.worker.on('message', onMessage);
    p.worker.once('error', onError);
    p.worker.once('exit', onExit);
    p.worker.postMessage(job);
  });
}

/** Runs the batch on `workers` threads (1: the calling thread). */
export async function runCpu(batch: SimBatch, opts: SimOptions, workers = 1): Promise<SimArrays> {
  validate(batch, opts);
  const n = batchSize(batch);
  const threads = Math.max(1, Math.min(Math.floor(workers), n));
  if (threads === 1) {
    const out = emptyArrays(n, batch.setting, opts);
    runRange(batch, opts, 0, n, out);
    return out;
  }
  const b = toShared(batch);
  const out = emptyArrays(n, batch.setting, opts);
  const chunk = Math.ceil(n / threads);
  const o: SimOptions = { objective: opts.objective, loss: opts.loss, eta: opts.eta, steps: opts.steps, trajectoryEvery: opts.trajectoryEvery, bound: opts.bound };
  await Promise.all(Array.from({ length: threads }, (_, i) => runOnWorker({ batch: b, out, opts: o, from: i * chunk, to: Math.min(n, (i + 1) * chunk) })));
  return out;
}
