/**
 * `ascent-verify iterate --R n --F n --Rj n --alpha a --lambda l --eta e [--steps N] [--json]`:
 * runs iterative descent-ascent from the pretrained solution w_D and reports
 * {fixedPoint, converged, steps, stable}, with every fixed point of the two-step map.
 */
import { Decimal } from 'decimal.js';
import { allowOnly, decimalValue, flagString, parseArgs, positiveInt, required, UsageError, type Command } from '../args.ts';
import { config1dFrom } from './solve1d.ts';
import { fixedPoints, mapSlope, runIteration } from '../../theory/iterative.ts';
import { lambertW0f64 } from '../../theory/lambertw.ts';

export const iterateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  allowOnly(args, ['R', 'F', 'Rj', 'alpha', 'lambda', 'eta', 'steps', 'json']);
  const cfg = config1dFrom((k) => flagString(args, k));
  const eta = decimalValue(required(args, 'eta', 'a number > 0'), '--eta', { gt: 0 }).toNumber();
  const steps = positiveInt(flagString(args, 'steps') ?? '1000000', '--steps', 1e9);
  const lambda = new Decimal(cfg.lambda).toNumber(), alpha = new Decimal(cfg.alpha).toNumber();
  if (eta * lambda >= 1) throw new UsageError(`--eta must satisfy η·λ < 1 (the ridge step alone must contract), i.e. η < ${1 / lambda}; got ${eta}`);
  const R = Number(cfg.R), F = Number(cfg.F), Rj = Number(cfg.Rj);
  const p = { cR: Rj / R, cF: (alpha * Rj) / F, lambda, eta };
  const fp = fixedPoints(p, 30);
  if (!fp.points.some((x) => x.stable)) {
    throw new UsageError(`--eta ${eta} is too large: the two-step map has no stable fixed point (|T′| ≥ 1 at ${fp.points.map((x) => `w = ${x.w.toSignificantDigits(8)}: T′ = ${x.slope.toFixed(3)}`).join('; ') || 'every point: it has none'}); try a smaller η`);
  }
  const wD = lambertW0f64(((1 + alpha) * Rj) / (lambda * (R + F)));
  const run = runIteration(wD, p, steps);
  const out = {
    input: { ...cfg, eta: String(eta), steps },
    start: wD,
    fixedPoint: run.status === 'converged' ? run.w : null,
    converged: run.status === 'converged',
    status: run.status,
    steps: run.steps,
    stable: run.status === 'converged' ? Math.abs(mapSlope(run.w, p)) < 1 : null,
    lastIterate: run.w,
    allFixedPoints: fp.points.map((x) => ({ w: x.w.toString(), slope: x.slope, stable: x.stable })),
    doubledRidgeLimit: (() => {
      try {
        return lambertW0f64((p.cR - p.cF) / (2 * lambda));
      } catch {
        return null;
      }
    })(),
  };
  if (args.flags.has('json')) io.out(JSON.stringify(out));
  else {
    io.out(`iterative DA from w_D = ${wD}: ${run.status} after ${run.steps} steps at w = ${run.w}`);
    for (const x of out.allFixedPoints) io.out(`  fixed point w = ${new Decimal(x.w).toSignificantDigits(15)} (T′ = ${x.slope.toFixed(6)}, ${x.stable ? 'stable' : 'unstable'})`);
    io.out(`  η → 0 limit W((c_R − c_F)/(2λ)) = ${out.doubledRidgeLimit ?? 'none (argument below −1/e)'}`);
  }
  return 0;
};
