/**
 * Computes Figure 4's rows off the main thread, posting each as it is done, so that `figure4` can
 * report progress and bound the time of a row: theory/logistic2d.ts's continuation in α can creep
 * for hours with a step near 1e−12 of α_fold (found by tests/cli-fuzz.test.ts at |R| = |F| = 1e12,
 * |R_ij| = 4.81e11, λ = 1e−12, ε = 1 − 1e−12); the command then answers `not converged` (exit 3).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { figure4Row, type Figure4Setting } from '../theory/figure4.ts';

const { setting, epss, alphaGrid } = workerData as { setting: Figure4Setting; epss: number[]; alphaGrid: number };
for (const eps of epss) {
  try {
    parentPort!.postMessage({ row: figure4Row(setting, eps, alphaGrid) });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    parentPort!.postMessage({ error: { name: err.name, message: err.message, stack: err.stack }, eps });
    break;
  }
}
