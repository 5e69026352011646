/**
 * `ascent-verify simulate --setting 1d|2d --objective D|R|DA|DA-iterative --loss exponential|logistic
 *  --batch B --steps T --eta E [--backend auto|cpu|cpu-workers|webgpu] [--workers N] [--trajectory K]
 *  [--seed N] [--assumptions FILE] [--json]`: batched gradient descent from the pretrained model on
 * configurations drawn from assumptions.json (empirics/sim/configs.ts), scored against the theory
 * where it gives an endpoint. The backend registry (empirics/sim/index.ts) explains its choice on
 * stderr; an unavailable webgpu falls back to the CPU with a message, not an error.
 */
import { assertFinite, choice, decimalValue, flagString, intValue, parseArgs, required, UsageError, type Command } from '../args.ts';
import { DOMAINS, intDomain } from '../domains.ts';
import { SPECS } from '../spec.ts';
import { loadAssumptions } from './verify.ts';
import { BACKENDS, LOSSES, OBJECTIVES, releaseWebgpu, runSimulation, SETTINGS, statusCounts } from '../../empirics/sim/index.ts';
import { drawBatch } from '../../empirics/sim/configs.ts';

/** The iterative map's theory endpoint is costly (decimal fixed points): score at most this many configurations. */
const THEORY_LIMIT = 256;

export const simulateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.simulate!);
  const setting = choice(flagString(args, 'setting') ?? '1d', '--setting', SETTINGS);
  const objective = choice(required(args, 'objective', OBJECTIVES.join(', ')), '--objective', OBJECTIVES);
  const loss = choice(flagString(args, 'loss') ?? 'exponential', '--loss', LOSSES);
  const B = intValue(required(args, 'batch', DOMAINS.simulateBatch.text), '--batch', DOMAINS.simulateBatch);
  const T = intValue(required(args, 'steps', DOMAINS.simulateSteps.text), '--steps', DOMAINS.simulateSteps);
  const eta = decimalValue(required(args, 'eta', DOMAINS.etaSimulate.text), '--eta', DOMAINS.etaSimulate).toNumber();
  const backend = choice(flagString(args, 'backend') ?? 'auto', '--backend', BACKENDS);
  const workersRaw = flagString(args, 'workers');
  const workers = workersRaw === undefined ? undefined : intValue(workersRaw, '--workers', DOMAINS.simulateWorkers);
  const trajRaw = flagString(args, 'trajectory');
  const trajectoryEvery = trajRaw === undefined ? 0 : intValue(trajRaw, '--trajectory', intDomain(1, T));
  const seed = intValue(flagString(args, 'seed') ?? '1', '--seed', DOMAINS.seedSimulate);
  if (setting === '2d' && loss !== 'exponential') throw new UsageError('--setting 2d needs --loss exponential: the 2-D theory (theory/logistic2d.ts) gives the pretrained start only for the exponential loss');
  const { assumptions } = loadAssumptions(flagString(args, 'assumptions'));

  const drawn = drawBatch({ setting, objective, loss, n: B, seed, eta, assumptions, theoryLimit: objective === 'DA-iterative' ? THEORY_LIMIT : undefined });
  let r;
  // the engines report no per-step progress: a heartbeat while worker threads or the GPU run
  // (the single-thread cpu backend blocks the timer; its start and end lines still come)
  const t0 = performance.now();
  io.progress?.(`simulate: ${B} configurations × ${T} steps (${setting}, ${objective}) started`);
  const beat = setInterval(() => io.progress?.(`simulate: running, ${((performance.now() - t0) / 1000).toFixed(0)} s elapsed`), 5000);
  try {
    r = await runSimulation(drawn.batch, { objective, loss, eta, steps: T, backend, workers, trajectoryEvery, log: (m) => io.progress?.(m) });
  } finally {
    clearInterval(beat);
    await releaseWebgpu();
  }
  io.progress?.(`simulate: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const counts = statusCounts(r.status);
  let maxErr: number | null = null, compared = 0, divergedNoMin = 0, noMin = 0;
  for (let k = 0; k < B; k++) {
    if (drawn.noMinimum[k]) {
      noMin++;
      if (r.status[k] === 2) divergedNoMin++;
    }
    if (r.status[k] !== 1 || !Number.isFinite(drawn.theory[k]!)) continue;
    compared++;
    let e = Math.abs(r.w[k]! - drawn.theory[k]!) / (1 + Math.abs(drawn.theory[k]!));
    if (drawn.theory2) e = Math.max(e, Math.abs(r.w2![k]! - drawn.theory2[k]!) / (1 + Math.abs(drawn.theory2[k]!)));
    maxErr = Math.max(maxErr ?? 0, e);
  }
  const out = {
    setting, objective, loss, eta,
    backend: r.backend, device: r.device, precision: r.precision,
    configs: B, steps: T, seconds: r.seconds, configStepsPerSecond: (B * T) / r.seconds,
    converged: counts.converged, diverged: counts.diverged, oscillating: counts.oscillating, running: counts.running,
    maxErrorVsTheory: maxErr, theoryCompared: compared, theoryAvailable: drawn.theoryCount, theoryNote: drawn.theoryNote,
    noMinimum: noMin, divergedWhereNoMinimum: divergedNoMin,
    messages: r.messages,
    ...(trajectoryEvery ? { trajectoryEvery, trajectorySamples: r.trajectorySamples, firstTrajectory: Array.from(r.trajectory!.subarray(0, r.trajectorySamples!), (v) => (Number.isFinite(v) ? v : null)) } : {}),
  };
  assertFinite(out, 'simulate');
  if (args.flags.has('json')) io.out(JSON.stringify(out));
  else {
    io.out(`${B} configurations × ${T} steps (${setting}, ${objective}, ${loss} loss, η = ${eta}) on ${r.device} in ${r.seconds.toFixed(2)} s: ${(out.configStepsPerSecond / 1e6).toFixed(1)} M config-steps/s (an upper bound when runs stop early)`);
    io.out(`status: ${counts.converged} converged, ${counts.diverged} diverged, ${counts.oscillating} oscillating, ${counts.running} still running`);
    io.out(`against the theory: ${maxErr === null ? 'nothing to compare' : `largest relative error ${maxErr.toExponential(2)} over ${compared} converged runs`}${noMin ? `; ${divergedNoMin} of the ${noMin} runs without a minimum to reach diverged` : ''}${drawn.theoryNote ? ` (${drawn.theoryNote})` : ''}`);
  }
  return 0;
};
