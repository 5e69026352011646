/**
 * The domain of every numeric flag and batch field, declared once. A value is read as an exact
 * decimal (never through float64 first, so 1e-400 is not silently 0 and 1e400 not Infinity) and
 * refused with one line naming the argument and its range when it falls outside.
 *
 * Where the limits come from (measured on this code, Nov 2026):
 *  - counts |R|, |F|, |R_j|, |R_ij|: integers in [1, 10^12], the range assumptions.json allows;
 *    the float64 paths (iterate, figure4, solve2d's starts) form ratios of them exactly enough there.
 *  - λ in the decimal 1-D solve: |log10 λ| ≤ 1000 (W and e^{−w} stay far inside decimal.js's
 *    exponent range, ±9e15); in the float64-started 2-D solve, figure4 and iterate: [1e−12, 1e12]:
 *    below 1e−15 the float64 damped Newton that starts L_D and L_R fails (swept at |D| = 1100).
 *  - ε: [1e−9, 1 − 1e−12]: the float64 starts need 1 − ε² representable to ~4 digits; inside this
 *    range, configurations whose starts still fail get the exit-3 `not converged` answer.
 *  - digits: lambertw takes [10, 1000] (theory/lambertw.ts); solve1d and solve2d carry GUARD = 10
 *    guard digits into W, so they take [10, 1000 − GUARD].
 */
import { Decimal } from 'decimal.js';
import { UsageError } from './errors.ts';

export interface Domain {
  /** the range in words, as printed in messages and help */
  text: string;
  integer?: boolean;
  gt?: Decimal.Value;
  ge?: Decimal.Value;
  lt?: Decimal.Value;
  le?: Decimal.Value;
  /** nonzero values must have |x| ≥ this (underflow of the arithmetic that consumes them) */
  minAbs?: Decimal.Value;
}

/** One-line refusal for `name` outside `d`. */
const refuse = (name: string, d: Domain, raw: string): UsageError => new UsageError(`${name} must be ${d.text}, got ${JSON.stringify(raw)}`);

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads `raw` as an exact decimal inside `d`; a one-line UsageError otherwise. */
export function inDomain(raw: string, name: string, d: Domain): Decimal {
  const s = raw.trim();
  if (!NUMERIC.test(s)) throw refuse(name, d, raw);
  // decimal.js's own exponent range is ±9e15: a value beyond it would become 0 or Infinity
  const exp = /e([+-]?\d+)$/i.exec(s);
  if (exp && Math.abs(Number(exp[1])) > 1e12) throw refuse(name, d, raw);
  const x = new Decimal(s);
  if (!x.isFinite()) throw refuse(name, d, raw);
  if (d.integer && !x.isInteger()) throw refuse(name, d, raw);
  if (d.gt !== undefined && !x.gt(d.gt)) throw refuse(name, d, raw);
  if (d.ge !== undefined && !x.gte(d.ge)) throw refuse(name, d, raw);
  if (d.lt !== undefined && !x.lt(d.lt)) throw refuse(name, d, raw);
  if (d.le !== undefined && !x.lte(d.le)) throw refuse(name, d, raw);
  if (d.minAbs !== undefined && !x.isZero() && x.abs().lt(d.minAbs)) throw refuse(name, d, raw);
  // −0 is 0: keep the sign out of every output
  return x.isZero() ? new Decimal(0) : x;
}

export const intDomain = (lo: number, hi: number): Domain => ({ text: `an integer in [${lo}, ${hi}]`, integer: true, ge: lo, le: hi });

/** Maximum digits of the commands that carry logistic1d's GUARD digits into W (capped at 1000). */
export const GUARDED_MAX_DIGITS = 990;

export const DOMAINS = {
  count: { text: "a positive integer ≤ 1e12", integer: true, ge: 1, le: "1e12" },
  /** α ≥ 0; the joint limit α·|R_j| ≤ |F| is checked where both are known */
  alpha: { text: 'a number in {0} ∪ [1e-300, 1e12]', ge: 0, le: '1e12', minAbs: '1e-300' },
  lambda1d: { text: 'a number in [1e-1000, 1e1000]', ge: '1e-1000', le: '1e1000' },
  lambdaF64: { text: 'a number in [1e-12, 1e12]', ge: '1e-12', le: '1e12' },
  eps: { text: 'a number in [1e-9, 1 − 1e-12]', ge: '1e-9', le: '0.999999999999' },
  /** iterate's η (also η·λ < 1, checked with λ) */
  etaIterate: { text: 'a number in [1e-12, 1e12] with η·λ < 1', ge: '1e-12', le: '1e12' },
  etaSimulate: { text: 'a number in [1e-12, 1e12]', ge: '1e-12', le: '1e12' },
  digitsW: intDomain(10, 1000),
  digitsGuarded: intDomain(10, GUARDED_MAX_DIGITS),
  /** lambertw's z: any decimal with |z| in {0} ∪ [1e-1000000, 1e1000000] (W's own domain is checked by W) */
  z: { text: 'a finite decimal number with |z| in {0} ∪ [1e-1000000, 1e1000000]', ge: '-1e1000000', le: '1e1000000', minAbs: '1e-1000000' },
  seedVerify: intDomain(-2147483647, 2147483647),
  seedSimulate: intDomain(-2147483647, 2147483647),
  seedEmpirics: intDomain(0, 2147483647),
  iterateSteps: intDomain(1, 1e8),
  simulateBatch: intDomain(1, 1 << 26),
  simulateSteps: intDomain(1, 2 ** 32 - 1),
  simulateWorkers: intDomain(1, 256),
  empiricsWorkers: intDomain(1, 64),
  alphaGrid: intDomain(1, 100000),
  epsGridPoints: intDomain(1, 10000),
  rho: { text: 'a number in [0, 1]', ge: 0, le: 1 },
} satisfies Record<string, Domain>;

/** An integer flag inside `d`, as a number. */
export function intIn(raw: string, name: string, d: Domain): number {
  return inDomain(raw, name, d).toNumber();
}
