/** A simulation worker of cpu.ts's pool: runs each slice [from, to) of a shared batch it is sent, in place. */
import { parentPort } from 'node:worker_threads';
import { runRange } from './kernels.ts';

parentPort!.on('message', ({ batch, out, opts, from, to }) => {
  runRange(batch, opts, from, to, out);
  parentPort!.postMessage('done');
});
