/**
 * `ascent-verify figure4 --R n --F n --Rij n --lambda l [--eps-grid min:max:points] [--json]`:
 * per ε, the guaranteed window [α_{D>DA}, α_{R>D}], the exact α-set where the true solutions are
 * ordered R > D > DA (on a 200-point α-grid), and where DA's minimum exists (below the fold).
 */
import { allowOnly, decimalValue, flagString, parseArgs, positiveInt, requiring, UsageError, type Command } from '../args.ts';
import { figure4Row } from '../../theory/claims/twoD.ts';

export const figure4Command: Command = async (argv, io) => {
  const args = parseArgs(argv);
  allowOnly(args, ['R', 'F', 'Rij', 'lambda', 'eps-grid', 'json']);
  const need = requiring((k) => flagString(args, k));
  const R = positiveInt(need('R', 'a positive integer'), '--R'), F = positiveInt(need('F', 'a positive integer'), '--F'), Rij = positiveInt(need('Rij', 'a positive integer ≤ |R|'), '--Rij');
  if (Rij > R) throw new UsageError(`--Rij must be a positive integer ≤ |R| = ${R}, got ${Rij}`);
  const lambda = decimalValue(need('lambda', 'a number > 0'), '--lambda', { gt: 0 }).toNumber();
  const grid = (flagString(args, 'eps-grid') ?? '0.05:0.95:19').split(':');
  if (grid.length !== 3) throw new UsageError(`--eps-grid must be min:max:points with 0 < min ≤ max < 1, got "${grid.join(':')}"`);
  const lo = decimalValue(grid[0]!, '--eps-grid min', { gt: 0, lt: 1 }).toNumber(), hi = decimalValue(grid[1]!, '--eps-grid max', { gt: 0, lt: 1 }).toNumber();
  const n = positiveInt(grid[2]!, '--eps-grid points', 10000);
  if (lo > hi) throw new UsageError(`--eps-grid min must not exceed max, got ${lo} > ${hi}`);
  const rows = Array.from({ length: n }, (_, i) => (n === 1 ? lo : lo + ((hi - lo) * i) / (n - 1))).map((eps) => figure4Row({ R, F, Rij, lambda }, eps, 200));
  if (args.flags.has('json')) io.out(JSON.stringify({ input: { R, F, Rij, lambda }, rows: rows.map((r) => ({ eps: r.eps, guaranteedWindow: r.guaranteed, exactOrderingSet: r.exact, daMinimumUpTo: r.fold, guaranteedInsideExact: r.contained })) }));
  else for (const r of rows) io.out(`ε = ${r.eps.toFixed(4)}: guaranteed ${r.guaranteed ? `[${r.guaranteed[0].toPrecision(4)}, ${r.guaranteed[1].toPrecision(4)}]` : 'empty'}; exact ${r.exact.map(([a, b]) => `[${a.toPrecision(4)}, ${b.toPrecision(4)}]`).join(' ∪ ') || 'empty'}; DA minimum ${r.fold === null ? 'throughout' : `below α ≈ ${r.fold.toPrecision(6)}`}`);
  return 0;
};
