/**
 * `ascent-verify simulate --setting 1d --objective D|R|DA|DA-iterative --loss exponential|logistic
 *  --batch B --steps T --eta E [--backend cpu|webgpu] [--workers N] [--seed N] [--json]`:
 * batched gradient descent from the pretrained solution on configurations drawn from
 * assumptions.json's setting1d ranges, checked against the theory where it has a closed form.
 */
import { allowOnly, choice, decimalValue, flagString, parseArgs, positiveInt, required, UsageError, type Command } from '../args.ts';
import { loadAssumptions } from './verify.ts';
import { runCpu, sharedBatch } from '../../empirics/sim/cpu.ts';
import { STATUS, type SimLoss, type SimObjective } from '../../empirics/sim/kernels.ts';
import { lambertW0f64 } from '../../theory/lambertw.ts';
import { logisticDescentEnd, logisticMinimum } from '../../theory/logisticLoss1d.ts';
import { seededUniform, sizesFromUniforms } from '../../theory/sampling.ts';

export const simulateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  allowOnly(args, ['setting', 'objective', 'loss', 'batch', 'steps', 'eta', 'backend', 'workers', 'seed', 'assumptions', 'json']);
  const setting = choice(flagString(args, 'setting') ?? '1d', '--setting', ['1d', '2d'] as const);
  if (setting === '2d') throw new UsageError('--setting 2d is not implemented yet in the simulation engine (only 1d); the 2-D theory is in solve2d');
  const objective = choice(required(args, 'objective', 'D, R, DA or DA-iterative'), '--objective', ['D', 'R', 'DA', 'DA-iterative'] as const) as SimObjective;
  const loss = choice(flagString(args, 'loss') ?? 'exponential', '--loss', ['exponential', 'logistic'] as const) as SimLoss;
  const B = positiveInt(required(args, 'batch', 'a positive integer'), '--batch', 1 << 26);
  const T = positiveInt(required(args, 'steps', 'a positive integer'), '--steps', 1e9);
  const eta = decimalValue(required(args, 'eta', 'a number > 0'), '--eta', { gt: 0 }).toNumber();
  const backend = choice(flagString(args, 'backend') ?? 'cpu', '--backend', ['cpu', 'webgpu'] as const);
  const workers = positiveInt(flagString(args, 'workers') ?? '2', '--workers', 64);
  const seedRaw = flagString(args, 'seed') ?? '1';
  if (!/^-?\d+$/.test(seedRaw)) throw new UsageError(`--seed must be an integer, got "${seedRaw}"`);
  const { assumptions } = loadAssumptions(flagString(args, 'assumptions'));
  if (backend === 'webgpu') io.err('webgpu: the WGSL backend is not part of this build yet; falling back to cpu');
  const s1 = assumptions.setting1d;
  const u = seededUniform(Number(seedRaw) >>> 0);
  const b = sharedBatch(B);
  const theory = new Float64Array(B).fill(Number.NaN);
  for (let k = 0; k < B; k++) {
    const s = sizesFromUniforms([u(), u(), u(), u()], { R: s1.R, forgetFraction: s1.forgetFraction, lambda: s1.lambda, minFractionOfR: s1.Rj.minFractionOfR });
    const alpha = (u() * s.F) / s.Rj;
    const cD = ((1 + alpha) * s.Rj) / (s.R + s.F), cR = s.Rj / s.R, cF = (alpha * s.Rj) / s.F;
    const [cP, cN] = objective === 'D' ? [cD, 0] : objective === 'R' ? [cR, 0] : [cR, cF];
    b.cP[k] = cP;
    b.cN[k] = cN;
    b.lambda[k] = s.lambda;
    b.start[k] = loss === 'exponential' ? lambertW0f64(cD / s.lambda) : logisticMinimum(cD, s.lambda);
    // where the theory has a closed form (simultaneous objectives), keep it to score the run
    if (objective !== 'DA-iterative') {
      try {
        theory[k] = loss === 'exponential' ? lambertW0f64((cP - cN) / s.lambda) : logisticDescentEnd(cP - cN, s.lambda, b.start[k]!);
      } catch {
        theory[k] = Number.NaN; // no minimum (App. E case 3): a diverging run is the expected outcome
      }
    }
  }
  const t0 = performance.now();
  const r = await runCpu(b, { objective, loss, eta, steps: T, workers });
  const seconds = (performance.now() - t0) / 1000;
  const counts = Object.fromEntries(STATUS.map((st, i) => [st, r.status.filter((x) => x === i).length]));
  let maxErr: number | null = null;
  for (let k = 0; k < B; k++) {
    if (r.status[k] === 1 && Number.isFinite(theory[k]!)) maxErr = Math.max(maxErr ?? 0, Math.abs(r.w[k]! - theory[k]!) / (1 + Math.abs(theory[k]!)));
  }
  const out = { backend: 'cpu', device: `cpu, ${Math.min(workers, B)} thread(s)`, configs: B, steps: T, seconds, configStepsPerSecond: (B * T) / seconds, converged: counts.converged, diverged: counts.diverged, oscillating: counts.oscillating, running: counts.running, maxErrorVsTheory: maxErr };
  if (args.flags.has('json')) io.out(JSON.stringify(out));
  else io.out(`${B} configurations × ${T} steps on ${out.device} in ${seconds.toFixed(2)} s (${(out.configStepsPerSecond / 1e6).toFixed(1)} M config-steps/s, an upper bound when runs stop early): ${counts.converged} converged, ${counts.diverged} diverged, ${counts.oscillating} oscillating, ${counts.running} still running; largest relative error against theory ${maxErr === null ? '—' : maxErr.toExponential(2)}`);
  return 0;
};
