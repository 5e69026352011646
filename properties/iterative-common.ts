/**
 * What C3.first-order and C3.stabilisation share: the two-step map's coefficients for a 1-D
 * configuration, the usable η of the ladder, the command that reproduces a (configuration, η), and
 * a shrinking arbitrary over small configurations (sizes shrink toward small integers, λ and α
 * toward short decimals) for their smallest counterexamples.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { IterativeParams } from '../theory/iterative.ts';
import type { SizesConfig } from '../theory/sampling.ts';

/** Distances down to ~1e−8 are compared: 30 digits leave a wide margin. */
export const DIGITS_ITER = 30;

export interface IterConfig {
  R: number;
  F: number;
  Rj: number;
  lambda: number;
  /** α as the exact decimal that was measured */
  alpha: string;
}

export const iterConfig = (s: SizesConfig, alpha: Decimal.Value): IterConfig => ({ R: s.R, F: s.F, Rj: s.Rj, lambda: s.lambda, alpha: new Decimal(alpha).toString() });

/** c_R = |R_j|/|R|, c_F = α|R_j|/|F| (App. C.3). */
export function coefficients(c: IterConfig): { cR: number; cF: number } {
  return { cR: c.Rj / c.R, cF: new Decimal(c.alpha).times(c.Rj).div(c.F).toNumber() };
}

export const params = (c: IterConfig, eta: number): IterativeParams => ({ ...coefficients(c), lambda: c.lambda, eta });

/** The ladder's usable step sizes, largest first: the ridge step must contract (ηλ < 1). */
export function etasFor(etas: readonly number[], lambda: number): number[] {
  return etas.filter((e) => e * lambda < 1).sort((a, b) => b - a);
}

export function reproduceIterate(c: IterConfig, eta: number): string {
  return `ascent-verify iterate --R ${c.R} --F ${c.F} --Rj ${c.Rj} --alpha ${c.alpha} --lambda ${new Decimal(c.lambda).toString()} --eta ${eta} --json`;
}

/** α ∈ (lo, hi) from u ∈ (0, 1), rounded up to 3 significant digits when that stays inside (a short decimal to print). */
export function shortAlpha(lo: Decimal, hi: Decimal, u: number): Decimal {
  const x = lo.plus(hi.minus(lo).times(u));
  const short = x.toSignificantDigits(3, Decimal.ROUND_UP);
  return short.gt(lo) && short.lt(hi) ? short : x.toSignificantDigits(15);
}

/**
 * Small configurations: |R| ∈ [10, 999], |F| ≤ |R| (forget fraction ≤ 1/2), |R_j| ≤ |R|, λ = m·10^k
 * with m ∈ 1..9, k ∈ −6..0, α = shortAlpha over the claim's range (null when it is empty for these
 * sizes), η from the ladder. Shrinking moves sizes toward 10, 1, 1, λ toward 1, α toward the low end.
 */
export function smallIterConfig(range: (s: SizesConfig) => [Decimal, Decimal] | null, etas: readonly number[]): fc.Arbitrary<{ cfg: IterConfig; eta: number } | null> {
  return fc
    .tuple(fc.integer({ min: 10, max: 999 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: -6, max: 0 }), fc.integer({ min: 1, max: 999 }), fc.nat({ max: Math.max(0, etas.length - 1) }))
    .map(([R, F, Rj, m, k, u, i]) => {
      const s: SizesConfig = { R, F: Math.min(F, R), Rj: Math.min(Rj, R), lambda: Number(`${m}e${k}`) };
      const r = range(s);
      const usable = etasFor(etas, s.lambda);
      if (r === null || !r[1].gt(r[0]) || usable.length === 0) return null;
      return { cfg: iterConfig(s, shortAlpha(r[0], r[1], u / 1000)), eta: usable[Math.min(i, usable.length - 1)]! };
    });
}

/** Least squares y = a + b·x: the slope b with its standard error (needs ≥ 3 points for the error). */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): { slope: number; se: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx;
  const rss = xs.reduce((a, x, i) => a + (ys[i]! - my - slope * (x - mx)) ** 2, 0);
  return { slope, se: n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : Number.NaN };
}
