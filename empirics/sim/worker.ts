/** A simulation worker: runs its slice of a shared batch in place (see cpu.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { runRange } from './kernels.ts';

const { batch, out, opts, from, to } = workerData;
runRange(batch, opts.objective, opts.loss, opts.eta, opts.steps, from, to, out);
parentPort?.postMessage('done');
