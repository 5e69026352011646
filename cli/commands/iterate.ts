/**
 * `ascent-verify iterate --R n --F n --Rj n --alpha a --lambda l --eta e [--steps N] [--json]`:
 * runs iterative descent-ascent from the pretrained solution w_D and reports
 * {fixedPoint, converged, steps, stable}, with every fixed point of the two-step map, where the
 * orbit must end (decided without iterating where T is monotone), the simultaneous-DA minimum and
 * the η → 0 limit W((c_R − c_F)/(2λ)). No attracting fixed point is an error (exit 2) naming the
 * cause: a step too large (with a step that works), or α too large for any step (c_F/c_R ≥ e^{√2}).
 */
import { Decimal } from 'decimal.js';
import { assertFinite, decimalValue, flagString, intValue, NotConvergedError, parseArgs, required, UsageError, type Command } from '../args.ts';
import { DOMAINS } from '../domains.ts';
import { SPECS } from '../spec.ts';
import { config1dFrom } from './solve1d.ts';
import { destinationFrom, fixedPoints, mapSlope, runIteration, searchInterval, STABILITY_RATIO, type IterativeParams } from '../../theory/iterative.ts';
import { lambertW0f64 } from '../../theory/lambertw.ts';

const DIGITS = 30;

function w0OrNull(z: number): number | null {
  return z >= -1 / Math.E ? lambertW0f64(z) : null;
}

/** min |T′| over a fine grid of the search interval: ≥ 1 means the map contracts nowhere there. */
function smallestMultiplier(p: IterativeParams): number {
  const [a, b] = searchInterval(p);
  let m = Infinity;
  for (let i = 0; i <= 4000; i++) m = Math.min(m, Math.abs(mapSlope(a + ((b - a) * i) / 4000, p)));
  return m;
}

function noAttractor(p: IterativeParams, alpha: string, points: ReturnType<typeof fixedPoints>['points']): UsageError {
  const list = points.map((x) => `w = ${x.w.toSignificantDigits(8)}: T′ = ${x.slope.toFixed(3)}`).join('; ');
  // halve η until a fixed point attracts: if one does, the step was the cause
  for (let k = 1, eta = p.eta / 2; k <= 40; k++, eta /= 2) {
    if (fixedPoints({ ...p, eta }, 20).points.some((x) => x.stable)) {
      const nowhere = smallestMultiplier(p) >= 1 ? ', and |T′| ≥ 1 on all of the search interval: the map contracts nowhere' : '';
      return new UsageError(`--eta ${p.eta} is too large: the two-step map has no stable fixed point (${list})${nowhere}; η = ${eta} works`);
    }
  }
  return new UsageError(`--alpha ${alpha} is too large: the two-step map has no stable fixed point for any small η (c_F/c_R = α|R|/|F| = ${(p.cF / p.cR).toPrecision(6)} ≥ e^{√2} ≈ ${STABILITY_RATIO.toPrecision(6)}; ${list}): the iteration oscillates or wanders instead of converging`);
}

export const iterateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.iterate!);
  const cfg = config1dFrom((k) => flagString(args, k), '', DOMAINS.lambdaF64);
  const eta = decimalValue(required(args, 'eta', DOMAINS.etaIterate.text), '--eta', DOMAINS.etaIterate).toNumber();
  const steps = intValue(flagString(args, 'steps') ?? '1000000', '--steps', DOMAINS.iterateSteps);
  const lambda = new Decimal(cfg.lambda).toNumber(), alpha = new Decimal(cfg.alpha).toNumber();
  if (eta * lambda >= 1) throw new UsageError(`--eta must satisfy η·λ < 1 (the ridge part of a step must not overshoot), i.e. η < ${1 / lambda}; got ${eta}`);
  const R = Number(cfg.R), F = Number(cfg.F), Rj = Number(cfg.Rj);
  const p: IterativeParams = { cR: Rj / R, cF: (alpha * Rj) / F, lambda, eta };
  let fp: ReturnType<typeof fixedPoints>;
  try {
    fp = fixedPoints(p, DIGITS);
  } catch (e) {
    // theory/iterative.ts: the search interval leaves float64's exponential range (a RangeError
    // naming η·c_R), or the enumeration of fixed points does not settle (a plain Error)
    if (e instanceof RangeError) throw new UsageError(`--eta ${eta} with this configuration: ${e.message}`);
    if (e instanceof Error && /did not settle|not finite/.test(e.message)) throw new NotConvergedError(e.message);
    throw e;
  }
  if (!fp.points.some((x) => x.stable)) throw noAttractor(p, String(cfg.alpha), fp.points);
  const wD = lambertW0f64(((1 + alpha) * Rj) / (lambda * (R + F)));
  const run = runIteration(wD, p, steps);
  const dest = destinationFrom(wD, p, fp.points, Math.min(steps, 200_000));
  const converged = run.status === 'converged';
  const out = {
    input: { ...cfg, eta: String(eta), steps },
    start: wD,
    fixedPoint: converged ? run.w : null,
    converged,
    status: run.status,
    steps: run.steps,
    stable: converged ? Math.abs(mapSlope(run.w, p)) < 1 : null,
    // a diverging orbit leaves float64's range: its last iterate is then null, never ±Infinity
    lastIterate: Number.isFinite(run.w) ? run.w : null,
    ...(run.status === 'oscillating' ? { period: run.period, cycle: run.cycle } : {}),
    destination: dest.point ? { w: dest.point.w.toString(), slope: dest.point.slope, decidedBy: dest.method } : null,
    allFixedPoints: fp.points.map((x) => ({ w: x.w.toString(), slope: x.slope, stable: x.stable })),
    unresolvedCells: fp.unresolved.map((x) => x.cell),
    simultaneousDA: w0OrNull((p.cR - p.cF) / lambda),
    doubledRidgeLimit: w0OrNull((p.cR - p.cF) / (2 * lambda)),
  };
  assertFinite(out, 'iterate');
  if (args.flags.has('json')) io.out(JSON.stringify(out));
  else {
    io.out(`iterative DA from w_D = ${wD}: ${run.status}${run.period ? ` (period ${run.period})` : ''} after ${run.steps} steps at w = ${Number.isFinite(run.w) ? run.w : '(beyond float64: the orbit diverged)'}`);
    if (!converged && dest.point) io.out(`  the orbit ends at w = ${dest.point.w.toSignificantDigits(15)} (decided by ${dest.method === 'monotone' ? 'monotonicity of T' : 'iterating every entry phase'}); --steps ${run.steps} was not enough to get there`);
    for (const x of out.allFixedPoints) io.out(`  fixed point w = ${new Decimal(x.w).toSignificantDigits(15)} (T′ = ${x.slope.toFixed(6)}, ${x.stable ? 'stable' : 'unstable'})`);
    io.out(`  simultaneous DA minimum W₀((c_R − c_F)/λ) = ${out.simultaneousDA ?? 'none (argument below −1/e)'}`);
    io.out(`  η → 0 limit W₀((c_R − c_F)/(2λ)) = ${out.doubledRidgeLimit ?? 'none (argument below −1/e)'}`);
  }
  return 0;
};
