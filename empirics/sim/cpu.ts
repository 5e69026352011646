/**
 * The CPU backend: float64 kernels (kernels.ts) on the calling thread, or split across
 * worker_threads for large batches. Inputs and outputs live in SharedArrayBuffers, so workers
 * write results in place; every configuration runs the same code whichever thread runs it, so
 * single-thread and worker results are bitwise identical.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { runRange, type Batch, type BatchResult, type SimLoss, type SimObjective } from './kernels.ts';

export interface SimOptions {
  objective: SimObjective;
  loss: SimLoss;
  eta: number;
  steps: number;
  /** threads to use; 1 runs on the calling thread */
  workers?: number;
}

const f64 = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(n * 8) as unknown as ArrayBuffer);

/** A batch whose arrays are shared, so workers can read them without copying. */
export function sharedBatch(n: number, perConfigEta = false): Batch {
  return { cP: f64(n), cN: f64(n), lambda: f64(n), start: f64(n), ...(perConfigEta ? { eta: f64(n) } : {}) };
}

export function emptyResult(n: number): BatchResult {
  return { w: f64(n), status: new Uint8Array(new SharedArrayBuffer(n) as unknown as ArrayBuffer), at: new Uint32Array(new SharedArrayBuffer(n * 4) as unknown as ArrayBuffer) };
}

export async function runCpu(batch: Batch, opts: SimOptions): Promise<BatchResult> {
  const n = batch.cP.length;
  const out = emptyResult(n);
  const workers = Math.max(1, Math.min(opts.workers ?? 1, availableParallelism(), n));
  if (workers === 1) {
    runRange(batch, opts.objective, opts.loss, opts.eta, opts.steps, 0, n, out);
    return out;
  }
  const chunk = Math.ceil(n / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const from = i * chunk, to = Math.min(n, from + chunk);
      return new Promise<void>((resolve, reject) => {
        // the worker is TypeScript: worker.mjs registers tsx's loader first, as bin/ascent-verify.js does
        const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { batch, out, opts, from, to } });
        w.once('message', () => resolve());
        w.once('error', reject);
        w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`simulation worker exited with code ${code}`))));
      });
    }),
  );
  return out;
}
