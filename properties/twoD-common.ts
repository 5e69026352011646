/**
 * What the 2-D claims (Sec. 5.1.2, App. H–I) share: the setting in words, seeded settings drawn from
 * assumptions.setting2d (one stream per claim id), arbitraries that draw the setting by construction
 * (and small ones that shrink toward small integers and short decimals), the command that
 * reproduces a point, the comparison tolerance, and a solve that turns non-convergence into null.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { NonConvergenceError, type Config2d, type Setting2d } from '../theory/logistic2d.ts';
import { drawSizes, sizeRanges, sizesFromUniforms } from '../theory/sampling.ts';
import type { Range } from '../theory/assumptions.ts';
import { DEFAULTS, unit } from './arbitraries.ts';
import { claimSeed } from './common.ts';
import { smallestCounterexample } from './shrink.ts';
import type { CheckContext } from './types.ts';

export const SETTING_2D = [
  'retain group x = (1, ε) (|R_ij| samples, all in R), forget group x = (ε, 1) (α|R_ij| samples, all in F), labels +1, 0 < ε < 1',
  'exponential loss, ridge λ > 0; |R|, |F| independent parameters, α|R_ij| ≤ |F|, |R_ij| ≤ |R|',
  'configurations drawn from assumptions.setting2d',
];

const sig = (x: number, n = 6): string => String(Number(x.toPrecision(n)));

export interface Drawn2d {
  s: Setting2d & { R: string; F: string; Rij: string; lambda: string; eps: string };
  /** |F|/|R_ij|: the largest admissible α */
  alphaMax: Decimal;
  u: () => number;
}

/** Settings per 2-D claim in this profile: a third of assumptions.profiles[…].runs, at least 4 (each setting costs several decimal solves). */
export const runs2d = (ctx: Pick<CheckContext, 'assumptions' | 'profile'>): number => Math.max(4, Math.ceil(ctx.assumptions.profiles[ctx.profile].runs / 3));

/** `n` settings from assumptions.setting2d (|F|/|D| from `forgetFraction` when given), on claim `id`'s stream. */
export function drawSettings2d(ctx: CheckContext, id: string, n: number, forgetFraction?: Range): Drawn2d[] {
  const s2 = ctx.assumptions.setting2d;
  const ranges = sizeRanges({ ...s2, forgetFraction: forgetFraction ?? s2.forgetFraction }, s2.Rij.minFractionOfR);
  return drawSizes(claimSeed(ctx, id), ranges, n).map(({ sizes, u }) => {
    const eps = sig(s2.eps.min + u() * (s2.eps.max - s2.eps.min));
    const s = { R: String(sizes.R), F: String(sizes.F), Rij: String(sizes.Rj), lambda: sig(sizes.lambda), eps };
    return { s, alphaMax: new Decimal(sizes.F).div(sizes.Rj), u };
  });
}

export const withAlpha = (s: Setting2d, alpha: Decimal.Value): Config2d => ({ R: String(s.R), F: String(s.F), Rij: String(s.Rij), alpha: new Decimal(alpha).toString(), lambda: String(s.lambda), eps: String(s.eps) });

export function reproduce2d(c: Config2d): string {
  return `ascent-verify solve2d --R ${c.R} --F ${c.F} --Rij ${c.Rij} --alpha ${c.alpha} --lambda ${c.lambda} --eps ${c.eps} --json`;
}

/** A counterexample record: the configuration as exact strings, what was measured there, and its reproduce command. */
export function counterexample2d(c: Config2d, extra: Record<string, unknown>): Record<string, unknown> {
  return { R: String(c.R), F: String(c.F), Rij: String(c.Rij), alpha: String(c.alpha), lambda: String(c.lambda), eps: String(c.eps), ...extra, reproduce: reproduce2d(c) };
}

/** Relative tolerance for values solved at `digits`: five digits below the working precision (the solutions' accuracy). */
export const tolerance2d = (digits: number): Decimal => new Decimal(10).pow(-(digits - 5));
/** a ≤ b up to `tol`, relative to the larger magnitude. */
export const leq = (a: Decimal, b: Decimal, tol: Decimal): boolean => a.lte(b.plus(tol.times(Decimal.max(a.abs(), b.abs(), 1e-300))));

/** Runs a solve; NonConvergenceError becomes null (the caller counts it: never a pass). */
export function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof NonConvergenceError) return null;
    throw e;
  }
}

/** |R|, |F|, |R_ij|, λ, ε from assumptions.setting2d, from uniforms (never by rejection), as exact decimal strings. */
export const setting2d: fc.Arbitrary<Setting2d> = fc.tuple(unit, unit, unit, unit, unit).map(([a, b, c, d, e]) => {
  const s2 = DEFAULTS.setting2d;
  const z = sizesFromUniforms([a, b, c, d], { ...s2, minFractionOfR: s2.Rij.minFractionOfR });
  return { R: String(z.R), F: String(z.F), Rij: String(z.Rj), lambda: sig(z.lambda), eps: sig(s2.eps.min + e * (s2.eps.max - s2.eps.min)) };
});

/**
 * Settings that shrink toward small ones (design.md: small integers for sizes, short decimals for
 * λ and ε): |R| in [1, 999], |F| = |R|·(forget ratio) rounded (at least 1), |R_ij| in [1, |R|],
 * λ = n/100, ε = m/100. `fRatio` is |F|/|R|'s range.
 */
export function smallSetting2d(fRatio: { min: number; max: number }): fc.Arbitrary<Setting2d> {
  return fc.record({ R: fc.integer({ min: 1, max: 999 }), f: fc.integer({ min: 0, max: 100 }), rij: fc.integer({ min: 1, max: 999 }), lam: fc.integer({ min: 1, max: 1000 }), eps: fc.integer({ min: 1, max: 99 }) }).map(({ R, f, rij, lam, eps }) => ({
    R: String(R),
    F: String(Math.max(1, Math.round(R * (fRatio.min + ((fRatio.max - fRatio.min) * f) / 100)))),
    Rij: String(Math.min(rij, R)),
    lambda: new Decimal(lam).div(100).toString(),
    eps: new Decimal(eps).div(100).toString(),
  }));
}

/**
 * α as a short decimal: `top`·k/1000 rounded down to 3 significant digits (so it stays below `top`).
 * Unlike oneD-common's shortDecimalIn (the shortest decimal anywhere inside the range) it keeps α
 * within 0.1% of its point along the range: the 2-D failures (L10's probe) live in a thin band
 * just below the top of the range, which the shortest decimal would step out of.
 */
export function shortAlphaBelow(top: Decimal, k: number): Decimal {
  return top.times(k).div(1000).toSignificantDigits(3, Decimal.ROUND_DOWN);
}

/** The smallest failing configuration fast-check's shrinking finds, as a counterexample record; null when none fails. */
export function shrunk2d<T>(arb: fc.Arbitrary<T>, fails: (x: T) => Config2d | null, seed: number, describe: (x: T, c: Config2d) => Record<string, unknown>, numRuns = 200): Record<string, unknown> | null {
  const found = smallestCounterexample(arb, (x) => fails(x) !== null, seed, numRuns);
  if (!found) return null;
  const c = fails(found.value)!;
  return { ...counterexample2d(c, describe(found.value, c)), shrinks: found.shrinks, fastCheck: { seed: found.seed, path: found.path } };
}

export interface Vector2d extends Config2d {
  R: string;
  F: string;
  Rij: string;
  alpha: string;
  lambda: string;
  eps: string;
  foldAlpha: string;
  minD: { w1: string; w2: string };
  minR: { w1: string; w2: string };
  minDA: { w1: string; w2: string };
  saddleDA: { w1: string; w2: string };
  lemma6: { x: string; y: string };
  lemma7: { xLo: string; xHi: string; yLo: string; yHi: string };
  lemma8: { xArg: string; yArg: string; xHi: string | null; yHi: string | null };
  alphaDbeatsDA: { fromX: string; fromY: string };
  alphaRbeatsD: { alphaX: string; alphaY: string };
}

/** The mpmath reference vectors (scripts/gen-logistic2d-vectors.py → tests/vectors/logistic2d.json). */
export const VECTORS_2D: Vector2d[] = (JSON.parse(readFileSync(new URL('../tests/vectors/logistic2d.json', import.meta.url), 'utf8')) as { cases: Vector2d[] }).cases;

/** |a − b| relative to max(|b|, floor): how far a computed value is from a reference string. */
export const relDiff = (a: Decimal, b: Decimal.Value, floor = 1e-30): number => a.minus(b).abs().div(Decimal.max(new Decimal(b).abs(), floor)).toNumber();

/** The observed order of a gap that should vanish like h^p: log(gap(h1)/gap(h2)) / log(h1/h2). */
export const observedOrder = (h1: number, g1: number, h2: number, g2: number): number => Math.log(g1 / g2) / Math.log(h1 / h2);

/**
 * The setting with λ chosen so that c = (1+ε²)|R_ij|/(λ|R|) (x_R = W(c), Lemma 6) takes the given
 * value: small c is the regime of large λ, where DA's fold lies far out and the paper's α-windows
 * are non-empty. λ is rounded to 6 significant digits (exact decimal string).
 */
export function withC(s: Setting2d, c: number): Setting2d {
  const e = Number(s.eps);
  return { ...s, lambda: sig(((1 + e * e) * Number(s.Rij)) / (c * Number(s.R))) };
}

/** |F|/|R| for a forget fraction |F|/|D| = f: f/(1 − f), over a range. */
export const ratioOfForgetFraction = (r: { min: number; max: number }): { min: number; max: number } => ({ min: r.min / (1 - r.min), max: r.max / (1 - r.max) });

/**
 * Small settings (smallSetting2d, |F|/|R| in `ratio`) with a short α strictly inside (lo(s), hi(s)),
 * for shrinking a claim's counterexample within its scope; c is null where that interval is empty.
 */
export function smallCaseIn(ratio: { min: number; max: number }, lo: (s: Setting2d) => Decimal, hi: (s: Setting2d) => Decimal): fc.Arbitrary<{ s: Setting2d; c: Config2d | null }> {
  return fc.tuple(smallSetting2d(ratio), fc.integer({ min: 1, max: 999 })).map(([s, k]) => {
    const a = lo(s), b = hi(s);
    const alpha = a.plus(shortAlphaBelow(b.minus(a), k));
    return { s, c: b.gt(a) && alpha.gt(a) && alpha.lt(b) ? withAlpha(s, alpha) : null };
  });
}
