/**
 * `ascent-verify figure4 --R n --F n --Rij n --lambda l [--eps-grid min:max:points] [--alpha-grid N] [--json]`:
 * per ε, (a) the window the paper guarantees, (α_{D>DA}, min(α_{R>D}, |F|/|R_ij|)); (b) the exact
 * set of α where the true solutions are ordered R > D > DA (grid of N α, boundaries bisected);
 * (c) the α-range where DA's minimum exists (below its fold). Numbers as decimal strings.
 */
import { assertFinite, decimalValue, flagString, intValue, NotConvergedError, parseArgs, requiring, UsageError, type Command } from '../args.ts';
import { DOMAINS } from '../domains.ts';
import { progressMeter } from '../progress.ts';
import { SPECS } from '../spec.ts';
import { Worker } from 'node:worker_threads';
import { epsGrid, type Figure4Row, type Figure4Setting } from '../../theory/figure4.ts';

/** A row may take this long plus 1 ms per α grid point before the answer is `not converged`. */
const ROW_DEADLINE_MS = 15_000;

/**
 * The rows, computed in a worker (cli/figure4-worker.ts) one ε at a time; a row past its deadline
 * stops the worker and answers exit 3. Errors of the theory come back by name and message: a
 * failed minimisation ("did not converge") or NonConvergenceError is `not converged` as well.
 */
function rowsWithDeadline(setting: Figure4Setting, epss: number[], alphaGrid: number, io: Parameters<Command>[1]): Promise<Figure4Row[]> {
  const meter = progressMeter(io, 'figure4', epss.length);
  const deadline = ROW_DEADLINE_MS + alphaGrid;
  return new Promise((resolveRows, reject) => {
    const rows: Figure4Row[] = [];
    const worker = new Worker(new URL('../figure4-worker.mjs', import.meta.url), { workerData: { setting, epss, alphaGrid } });
    let timer: NodeJS.Timeout;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(new NotConvergedError(`the row at ε = ${epss[rows.length]} did not finish within ${(deadline / 1000).toFixed(0)} s (the continuation in α along DA's branch stalls)`));
      }, deadline);
    };
    const finish = (f: () => void): void => {
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    arm();
    worker.on('message', (m: { row?: Figure4Row; error?: { name: string; message: string; stack?: string }; eps?: number }) => {
      if (m.error) {
        const e = m.error;
        if (e.name === 'NonConvergenceError' || /did not converge|no sign change|no bracket/.test(e.message)) return finish(() => reject(new NotConvergedError(`at ε = ${m.eps}: ${e.message}`)));
        const err = new Error(e.message);
        err.name = e.name;
        err.stack = e.stack;
        return finish(() => reject(err));
      }
      rows.push(m.row!);
      meter(rows.length, 'ε rows');
      if (rows.length === epss.length) finish(() => resolveRows(rows));
      else arm();
    });
    worker.on('error', (e) => finish(() => reject(e)));
  });
}

export const figure4Command: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.figure4!);
  const need = requiring((k) => flagString(args, k));
  const R = intValue(need('R', DOMAINS.count.text), '--R', DOMAINS.count), F = intValue(need('F', DOMAINS.count.text), '--F', DOMAINS.count), Rij = intValue(need('Rij', `${DOMAINS.count.text}, ≤ |R|`), '--Rij', DOMAINS.count);
  if (Rij > R) throw new UsageError(`--Rij must be a positive integer ≤ |R| = ${R}, got ${Rij}`);
  const lambda = decimalValue(need('lambda', DOMAINS.lambdaF64.text), '--lambda', DOMAINS.lambdaF64).toString();
  const grid = (flagString(args, 'eps-grid') ?? '0.05:0.95:19').split(':');
  if (grid.length !== 3) throw new UsageError(`--eps-grid must be min:max:points with min ≤ max, each ${DOMAINS.eps.text}, got "${grid.join(':')}"`);
  const min = decimalValue(grid[0]!, '--eps-grid min', DOMAINS.eps).toNumber(), max = decimalValue(grid[1]!, '--eps-grid max', DOMAINS.eps).toNumber();
  const points = intValue(grid[2]!, '--eps-grid points', DOMAINS.epsGridPoints);
  if (min > max) throw new UsageError(`--eps-grid min must not exceed max, got ${min} > ${max}`);
  const alphaGrid = intValue(flagString(args, 'alpha-grid') ?? '200', '--alpha-grid', DOMAINS.alphaGrid);
  const s = { R: String(R), F: String(F), Rij: String(Rij), lambda };
  const epss = epsGrid({ min, max, points });
  const rows = await rowsWithDeadline(s, epss, alphaGrid, io);
  const doc = {
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
  };
  assertFinite(doc, 'figure4');
  if (args.flags.has('json')) io.out(JSON.stringify(doc));
  else {
    // every number in full (shortest round-trip float64): no text output cuts a number
    const p = (x: number): string => String(x);
    for (const r of rows) {
      io.out(`ε = ${r.eps}: guaranteed ${r.guaranteed ? `(${p(r.guaranteed.from)}, ${p(r.guaranteed.to)})` : 'empty'}; exact ordering ${r.exact.map((i) => `[${p(i.from)}, ${p(i.to)}]`).join(' ∪ ') || 'nowhere'}; DA minimum for α < ${p(r.daRange.to)}${r.fold > r.alphaMax ? ' (all admissible α)' : ' (fold)'}${r.contained === false ? '; WINDOW NOT INSIDE THE EXACT SET' : ''}`);
    }
  }
  return 0;
};
