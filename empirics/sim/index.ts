/**
 * One entry point for batched simulations, `runSimulation(batch, options)`, and the backend
 * registry behind it. Backends in priority order:
 *   webgpu       float32 WGSL on a hardware GPU (webgpu.ts); a software adapter only on request
 *   cpu-workers  float64 kernels split across worker_threads (cpu.ts), for large batches on ≥ 2 threads
 *   cpu          float64 kernels on the calling thread
 * 'auto' takes the first available; naming a backend that is unavailable falls back down the list
 * with a visible message ("webgpu: no adapter found (…); falling back to cpu"), never an error.
 * Every result says which backend ran, on what, and why the others were skipped.
 */
import { runCpu, usableThreads } from './cpu.ts';
import { acquireWebgpu, runWebgpu } from './webgpu.ts';
import { batchSize, validate, type SimBatch, type SimOptions, type SimResult } from './types.ts';

export * from './types.ts';
export { sharedBatch } from './cpu.ts';
export { releaseWebgpu } from './webgpu.ts';

export const BACKENDS = ['auto', 'webgpu', 'cpu-workers', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

/** Below this many config-steps, starting worker threads costs more than it saves. */
export const WORKER_THRESHOLD = 1 << 24;

export interface RunOptions extends SimOptions {
  backend?: BackendChoice;
  /** threads for cpu-workers (default: all available) */
  workers?: number;
  /** allow a software WebGPU adapter (llvmpipe); default from ASCENT_WEBGPU_SOFTWARE=1 */
  software?: boolean;
  /** receives the backend messages as they are made (e.g. stderr in the CLI) */
  log?: (message: string) => void;
}

export async function runSimulation(batch: SimBatch, opts: RunOptions): Promise<SimResult> {
  validate(batch, opts);
  const messages: string[] = [];
  const say = (m: string): void => {
    messages.push(m);
    opts.log?.(m);
  };
  const want = opts.backend ?? 'auto';
  // what the kernels need, and nothing a worker thread could not receive (functions)
  const sim: SimOptions = { objective: opts.objective, loss: opts.loss, eta: opts.eta, steps: opts.steps, trajectoryEvery: opts.trajectoryEvery, bound: opts.bound };
  const n = batchSize(batch);
  const threads = Math.min(opts.workers ?? usableThreads(), n);

  if (want === 'auto' || want === 'webgpu') {
    const probe = await acquireWebgpu({ software: opts.software });
    if (probe.ok) {
      const t0 = performance.now();
      const r = await runWebgpu(probe.handle, batch, sim);
      const seconds = (performance.now() - t0) / 1000;
      say(`webgpu: running on ${probe.handle.description} (float32)`);
      return { ...r, backend: 'webgpu', device: probe.handle.description, precision: 'f32', seconds, messages };
    }
    say(`webgpu: no adapter found (${probe.reason}); falling back to cpu`);
  }
  const workersWanted = want === 'cpu-workers' || ((want === 'auto' || want === 'webgpu') && n * opts.steps >= WORKER_THRESHOLD);
  const useWorkers = workersWanted && threads >= 2;
  if (want === 'cpu-workers' && !useWorkers) say(`cpu-workers: only ${threads} thread(s) usable for ${n} configuration(s); running on the calling thread`);
  else if (workersWanted && !useWorkers) say(`cpu-workers: skipped, only ${threads} thread usable`);
  else if ((want === 'auto' || want === 'webgpu') && !workersWanted) say(`cpu-workers: skipped, ${n}×${opts.steps} config-steps is below the ${WORKER_THRESHOLD} where threads pay for their start-up`);
  const t0 = performance.now();
  const r = await runCpu(batch, sim, useWorkers ? threads : 1);
  const seconds = (performance.now() - t0) / 1000;
  const backend = useWorkers ? 'cpu-workers' : 'cpu';
  const device = useWorkers ? `cpu, ${threads} worker threads (float64)` : 'cpu, 1 thread (float64)';
  say(`${backend}: running on ${device}`);
  return { ...r, backend, device, precision: 'f64', seconds, messages };
}
