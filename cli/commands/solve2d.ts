/**
 * `ascent-verify solve2d --R n --F n --Rij n --alpha a --lambda l --eps e [--digits N] [--json]`
 * (or `--batch FILE` of JSON lines {R, F, Rij, alpha, lambda, eps}): the minima of L_D and L_R, DA's
 * stationary points (the minimum on the branch continued from α = 0, null at and past the fold, and
 * the saddle), each with x, y, w1, w2 and its Hessian kind; DA's fold; the paper's bounds and
 * α-thresholds at this configuration. Numbers travel as decimal strings, printed in full. A solve
 * that does not converge is never a point: the answer is one line `not converged: …` and exit 3
 * (in a batch, the array still comes out with {converged: false, reason} in its place).
 */
import { allowOnly, assertFinite, choice, decimalValue, digitsFlag, flagString, intValue, NotConvergedError, parseArgs, readJsonLines, requiring, UsageError, type Command } from '../args.ts';
import { DOMAINS } from '../domains.ts';
import { progressMeter } from '../progress.ts';
import { SPECS } from '../spec.ts';
import { jsonRowsCsv } from '../../reports/exports.ts';
import {
  NonConvergenceError,
  alphaDbeatsDA,
  alphaRbeatsD,
  lemma6,
  lemma7,
  lemma8,
  solveConvex,
  solveDA,
  type Config2d,
  type Point2d,
} from '../../theory/logistic2d.ts';

const FIELDS = ['R', 'F', 'Rij', 'alpha', 'lambda', 'eps'] as const;

/** Validates one parameter set; `where` prefixes the message (e.g. "--batch line 3: "). */
export function config2dFrom(get: (k: string) => string | undefined, where = ''): Config2d {
  const need = requiring(get, where);
  const R = intValue(need('R', DOMAINS.count.text), `${where}--R`, DOMAINS.count);
  const F = intValue(need('F', DOMAINS.count.text), `${where}--F`, DOMAINS.count);
  const Rij = intValue(need('Rij', `${DOMAINS.count.text}, ≤ |R|`), `${where}--Rij`, DOMAINS.count);
  if (Rij > R) throw new UsageError(`${where}--Rij must be a positive integer ≤ |R| = ${R}, got ${Rij}`);
  const alpha = decimalValue(need('alpha', DOMAINS.alpha.text), `${where}--alpha`, DOMAINS.alpha);
  if (alpha.times(Rij).gt(F)) throw new UsageError(`${where}--alpha must satisfy α·|R_ij| ≤ |F| (|F_ij| cannot exceed |F|), i.e. 0 ≤ α ≤ ${F}/${Rij}, got ${alpha.toString()}`);
  const lambda = decimalValue(need('lambda', DOMAINS.lambdaF64.text), `${where}--lambda`, DOMAINS.lambdaF64);
  const eps = decimalValue(need('eps', DOMAINS.eps.text), `${where}--eps`, DOMAINS.eps);
  return { R: String(R), F: String(F), Rij: String(Rij), alpha: alpha.toString(), lambda: lambda.toString(), eps: eps.toString() };
}

type Outcome = Record<string, unknown>;

const pointJson = (p: Point2d): Outcome => ({ x: p.x.toString(), y: p.y.toString(), w1: p.w1.toString(), w2: p.w2.toString(), kind: p.kind, detH: p.detH.toString(), newtonIterations: p.iterations });

/** Runs a solve; non-convergence becomes {converged: false, reason}. */
function tryJson<T>(f: () => T, toJson: (v: T) => Outcome | null): { json: Outcome | null; failed: boolean } {
  try {
    return { json: toJson(f()), failed: false };
  } catch (e) {
    if (e instanceof NonConvergenceError) return { json: { converged: false, reason: e.message }, failed: true };
    throw e;
  }
}

export function solve2dJson(c: Config2d, digits: number): { json: Record<string, unknown>; failed: boolean } {
  const D = tryJson(() => solveConvex('D', c, digits), pointJson);
  const R = tryJson(() => solveConvex('R', c, digits), pointJson);
  let daMinimumExists: boolean | null = null, foldAlpha: string | null = null, fold: Outcome | null = null, saddle: Outcome | null = null;
  const DA = tryJson(() => solveDA(c, digits), (s) => {
    daMinimumExists = s.minimum !== null;
    foldAlpha = s.fold.alpha.toString();
    fold = { alpha: s.fold.alpha.toString(), x: s.fold.x.toString(), y: s.fold.y.toString(), w1: s.fold.w1.toString(), w2: s.fold.w2.toString(), relDetH: s.fold.relDetH.toString() };
    saddle = s.saddle && pointJson(s.saddle);
    return s.minimum && pointJson(s.minimum);
  });
  const l7 = lemma7(c, digits), l8 = lemma8(c, digits), l6 = lemma6(c, digits), a9 = alphaDbeatsDA(c, digits), a10 = alphaRbeatsD(c, digits);
  const sd = (x: { toSignificantDigits(n: number): { toString(): string } } | null): string | null => (x === null ? null : x.toSignificantDigits(digits).toString());
  const json = {
    input: c,
    digits,
    D: D.json,
    R: R.json,
    DA: DA.json,
    daMinimumExists,
    foldAlpha,
    daSaddle: saddle,
    fold,
    paper: {
      lemma6: { x: sd(l6.x), y: sd(l6.y) },
      lemma7: { xLo: sd(l7.xLo), xHi: sd(l7.xHi), yLo: sd(l7.yLo), yHi: sd(l7.yHi) },
      lemma8: { xHi: sd(l8.xHi), yHi: sd(l8.yHi), xArgument: sd(l8.xArg), yArgument: sd(l8.yArg) },
      alphaDbeatsDA: sd(a9.alpha),
      alphaRbeatsD: { alphaX: sd(a10.alphaX), alphaY: sd(a10.alphaY), alpha: sd(a10.alpha) },
    },
  };
  return { json, failed: D.failed || R.failed || DA.failed };
}

function text(o: Record<string, unknown>): string {
  const f = (p: unknown): string => {
    if (p === null || p === undefined) return 'none';
    const q = p as Record<string, string>;
    if ('converged' in q) return `NOT CONVERGED (${q.reason})`;
    return `x = ${q.x}, y = ${q.y} (${q.kind})`;
  };
  const lines = [`original D:  ${f(o.D)}`, `oracle R:    ${f(o.R)}`, `DA minimum:  ${f(o.DA)}`, `DA saddle:   ${f(o.daSaddle)}`];
  if (o.foldAlpha) lines.push(`DA's minimum exists for α < α_fold = ${String(o.foldAlpha)}${o.daMinimumExists ? '' : ' (not at this α: no stationary point, descent diverges)'}`);
  return lines.join('\n');
}

/** Which of D, R, DA did not converge, and why, in one line. */
function failures(json: Record<string, unknown>): string {
  return (['D', 'R', 'DA'] as const)
    .filter((k) => (json[k] as { converged?: boolean } | null)?.converged === false)
    .map((k) => `L_${k}: ${(json[k] as { reason: string }).reason}`)
    .join('; ');
}

export const solve2dCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.solve2d!);
  const batch = flagString(args, 'batch');
  if (batch === undefined && args.flags.has('format')) throw new UsageError('--format applies to --batch only (one configuration prints text, or JSON with --json)');
  if (batch !== undefined) {
    allowOnly(args, ['batch', 'digits', 'json', 'format']);
    const format = choice(flagString(args, 'format') ?? 'json', '--format', ['json', 'csv']);
    if (format === 'csv' && args.flags.has('json')) throw new UsageError('--format csv and --json ask for two different outputs: give one');
    const digits = digitsFlag(args, DOMAINS.digitsGuarded);
    const items = readJsonLines(batch, FIELDS).map(({ get, where }) => ({ c: config2dFrom(get, where), where }));
    const meter = progressMeter(io, 'solve2d --batch', items.length);
    const out = items.map(({ c }, i) => {
      const o = solve2dJson(c, digits);
      meter(i + 1);
      return o;
    });
    out.forEach((o, i) => assertFinite(o.json, `solve2d ${items[i]!.where}`));
    io.out(format === 'csv' ? jsonRowsCsv(out.map((o) => o.json)).trimEnd() : JSON.stringify(out.map((o) => o.json)));
    const bad = out.findIndex((o) => o.failed);
    if (bad >= 0) throw new NotConvergedError(`${out.filter((o) => o.failed).length} of ${out.length} batch entries; the first, ${items[bad]!.where}${failures(out[bad]!.json)}`);
    return 0;
  }
  const c = config2dFrom((k) => flagString(args, k));
  const { json, failed } = solve2dJson(c, digitsFlag(args, DOMAINS.digitsGuarded));
  if (failed) throw new NotConvergedError(failures(json));
  assertFinite(json, 'solve2d');
  io.out(args.flags.has('json') ? JSON.stringify(json) : text(json));
  return 0;
};
