/**
 * A training worker: selects its tfjs backend, rebuilds the run's data once, then runs jobs
 * (jobs.ts) as the runner sends them and answers each with done or error.
 */
import { parentPort } from 'node:worker_threads';
import { selectBackend, type BackendChoice } from '../backend.ts';
import { JobContext } from './jobs.ts';
import type { Job, JobContextInit } from './jobTypes.ts';

export type ToWorker = { init: JobContextInit; backend: BackendChoice } | { forgetSets: Record<string, number[]> } | { job: Job; id: number };
export type FromWorker = { ready: string } | { done: number; seconds: number } | { error: string; id: number };

let ctx: JobContext | undefined;
const post = (m: FromWorker): void => parentPort!.postMessage(m);

parentPort!.on('message', async (m: ToWorker) => {
  try {
    if ('init' in m) {
      const chosen = await selectBackend(m.backend, () => {});
      ctx = new JobContext(m.init);
      post({ ready: `${chosen.name} (${chosen.device})` });
    } else if ('forgetSets' in m) {
      ctx!.setForgetSets(m.forgetSets);
    } else {
      const t0 = performance.now();
      await ctx!.run(m.job);
      post({ done: m.id, seconds: (performance.now() - t0) / 1000 });
    }
  } catch (e) {
    post({ error: (e as Error).stack ?? String(e), id: 'job' in m ? m.id : -1 });
  }
});
