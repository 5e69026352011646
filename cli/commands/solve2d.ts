/**
 * `ascent-verify solve2d --R n --F n --Rij n --alpha a --lambda l --eps e [--digits N] [--json]`
 * (or `--batch FILE` of JSON lines): the minima of L_D and L_R and DA's minimum continued from
 * α = 0 (null past the fold), each with x, y, w1, w2 and its Hessian kind.
 */
import { allowOnly, decimalValue, digitsFlag, flagString, parseArgs, positiveInt, readJsonLines, requiring, UsageError, type Command } from '../args.ts';
import { solveConvex, solveDA, type Config2d, type Point2d } from '../../theory/logistic2d.ts';

export function config2dFrom(get: (k: string) => string | undefined, where = ''): Config2d {
  const need = requiring(get, where);
  const R = positiveInt(need('R', 'a positive integer'), `${where}--R`);
  const F = positiveInt(need('F', 'a positive integer'), `${where}--F`);
  const Rij = positiveInt(need('Rij', 'a positive integer ≤ |R|'), `${where}--Rij`);
  if (Rij > R) throw new UsageError(`${where}--Rij must be a positive integer ≤ |R| = ${R}, got ${Rij}`);
  const alpha = decimalValue(need('alpha', 'a number ≥ 0'), `${where}--alpha`, { ge: 0 }).toNumber();
  if (alpha * Rij > F) throw new UsageError(`${where}--alpha must satisfy α·|R_ij| ≤ |F|, i.e. 0 ≤ α ≤ ${F}/${Rij}, got ${alpha}`);
  const lambda = decimalValue(need('lambda', 'a number > 0'), `${where}--lambda`, { gt: 0 }).toNumber();
  const eps = decimalValue(need('eps', 'a number in (0, 1)'), `${where}--eps`, { gt: 0, lt: 1 }).toNumber();
  return { R, F, Rij, alpha, lambda, eps };
}

const pointJson = (p: Point2d | null) => (p ? { x: p.x.toString(), y: p.y.toString(), w1: p.w1.toString(), w2: p.w2.toString(), kind: p.kind } : null);

export function solve2dJson(c: Config2d, digits: number): Record<string, unknown> {
  const D = solveConvex('D', c, digits), R = solveConvex('R', c, digits);
  if (!D || !R) throw new Error(`Newton did not converge for ${!D ? 'L_D' : 'L_R'} (inputs ${JSON.stringify(c)}): no solution is reported`);
  const da = solveDA(c, digits);
  return { input: c, digits, D: pointJson(D), R: pointJson(R), DA: pointJson(da.point), daMinimumExists: da.point !== null, foldAlpha: da.foldAlpha };
}

export const solve2dCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  const batch = flagString(args, 'batch');
  if (batch !== undefined) {
    allowOnly(args, ['batch', 'json']);
    const items = readJsonLines(batch, ['R', 'F', 'Rij', 'alpha', 'lambda', 'eps']).map(({ get, where }) => config2dFrom(get, where));
    io.out(JSON.stringify(items.map((c) => solve2dJson(c, 50))));
    return 0;
  }
  allowOnly(args, ['R', 'F', 'Rij', 'alpha', 'lambda', 'eps', 'digits', 'json', 'batch']);
  const c = config2dFrom((k) => flagString(args, k));
  const out = solve2dJson(c, digitsFlag(args));
  if (args.flags.has('json')) io.out(JSON.stringify(out));
  else {
    const f = (p: unknown): string => (p ? `x = ${(p as { x: string }).x.slice(0, 22)}, y = ${(p as { y: string }).y.slice(0, 22)} (${(p as { kind: string }).kind})` : 'none');
    io.out(`original D: ${f(out.D)}\noracle R:   ${f(out.R)}\nDA:         ${f(out.DA)}${out.foldAlpha !== null ? `\nDA's minimum ends at α ≈ ${out.foldAlpha} (fold)` : ''}`);
  }
  return 0;
};
