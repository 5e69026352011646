/**
 * `ascent-verify figure4 --R n --F n --Rij n --lambda l [--eps-grid min:max:points] [--alpha-grid N] [--json]`:
 * per ε, (a) the window the paper guarantees, (α_{D>DA}, min(α_{R>D}, |F|/|R_ij|)); (b) the exact
 * set of α where the true solutions are ordered R > D > DA (grid of N α, boundaries bisected);
 * (c) the α-range where DA's minimum exists (below its fold). Numbers as decimal strings.
 */
import { allowOnly, decimalValue, flagString, parseArgs, positiveInt, requiring, UsageError, type Command } from '../args.ts';
import { epsGrid, figure4Row } from '../../theory/figure4.ts';

export const figure4Command: Command = async (argv, io) => {
  const args = parseArgs(argv);
  allowOnly(args, ['R', 'F', 'Rij', 'lambda', 'eps-grid', 'alpha-grid', 'json']);
  const need = requiring((k) => flagString(args, k));
  const R = positiveInt(need('R', 'a positive integer'), '--R'), F = positiveInt(need('F', 'a positive integer'), '--F'), Rij = positiveInt(need('Rij', 'a positive integer ≤ |R|'), '--Rij');
  if (Rij > R) throw new UsageError(`--Rij must be a positive integer ≤ |R| = ${R}, got ${Rij}`);
  const lambda = decimalValue(need('lambda', 'a number > 0'), '--lambda', { gt: 0 }).toString();
  const grid = (flagString(args, 'eps-grid') ?? '0.05:0.95:19').split(':');
  if (grid.length !== 3) throw new UsageError(`--eps-grid must be min:max:points with 0 < min ≤ max < 1, got "${grid.join(':')}"`);
  const min = decimalValue(grid[0]!, '--eps-grid min', { gt: 0, lt: 1 }).toNumber(), max = decimalValue(grid[1]!, '--eps-grid max', { gt: 0, lt: 1 }).toNumber();
  const points = positiveInt(grid[2]!, '--eps-grid points', 10000);
  if (min > max) throw new UsageError(`--eps-grid min must not exceed max, got ${min} > ${max}`);
  const alphaGrid = positiveInt(flagString(args, 'alpha-grid') ?? '200', '--alpha-grid', 100000);
  const s = { R: String(R), F: String(F), Rij: String(Rij), lambda };
  const rows = epsGrid({ min, max, points }).map((eps) => figure4Row(s, eps, alphaGrid));
  if (args.flags.has('json')) {
    io.out(JSON.stringify({
      input: s,
      alphaGrid,
      rows: rows.map((r) => ({
        eps: String(r.eps),
        alphaMax: String(r.alphaMax),
        alphaDbeatsDA: String(r.alphaDbeatsDA),
        alphaX: String(r.alphaX),
        alphaY: String(r.alphaY),
        guaranteedWindow: r.guaranteedExact,
        exactOrderingSet: r.exact.map((i) => ({ from: String(i.from), to: String(i.to) })),
        daMinimumRange: { from: '0', to: String(r.daRange.to) },
        foldAlpha: String(r.fold),
        guaranteedPastFold: r.guaranteedPastFold,
        guaranteedInsideExact: r.contained,
      })),
    }));
  } else {
    const p = (x: number): string => x.toPrecision(4);
    for (const r of rows) {
      io.out(`ε = ${r.eps.toFixed(4)}: guaranteed ${r.guaranteed ? `(${p(r.guaranteed.from)}, ${p(r.guaranteed.to)})` : 'empty'}; exact ordering ${r.exact.map((i) => `[${p(i.from)}, ${p(i.to)}]`).join(' ∪ ') || 'nowhere'}; DA minimum for α < ${p(r.daRange.to)}${r.fold > r.alphaMax ? ' (all admissible α)' : ' (fold)'}${r.contained === false ? '; WINDOW NOT INSIDE THE EXACT SET' : ''}`);
    }
  }
  return 0;
};
