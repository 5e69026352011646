/**
 * theory/logistic1d at the fold itself (z = −1/e to the working precision): DA's two stationary
 * points have merged into the inflection w = −1 (f″ = 0 there, f‴ ≠ 0), which is not a minimum, so
 * solve1d must report none. α_fold = |F|/|R| + λ|F|/(e|Rj|) is irrational; rounded to the solver's
 * digits and a few beyond, it lands within the solver's tolerance of the fold. The same merger seen by
 * the Lambert-W-free bisection: f′ touching 0 at its minimum is one zero, not two.
 */
import { describe, expect, it } from 'vitest';
import { gradientZerosByBisection, solve1d, thresholds } from '../theory/logistic1d.ts';
import { inverseEAt } from '../theory/lambertw.ts';

describe('theory/logistic1d: at the fold', () => {
  it('for α = α_fold rounded to digits + 0, 2 or 8 significant digits (digits = 20, 30), then DA has one stationary point, the inflection at w = −1, and no minimum (wDA null, Δ(R, DA) infinite)', () => {
    const sizes = { R: 1000, F: 250, Rj: 40, lambda: 0.05 };
    let asserted = 0;
    for (const digits of [20, 30]) {
      const fold = thresholds({ ...sizes, alpha: 0 }, digits).alphaFold;
      for (const extra of [0, 2, 8]) {
        const s = solve1d({ ...sizes, alpha: fold.toSignificantDigits(digits + extra) }, digits);
        expect(s.stationaryDA.map((p) => [p.kind, p.w.toNumber()])).toEqual([['inflection', -1]]);
        expect(s.wDA).toBeNull();
        expect(s.deltaRDA.isFinite()).toBe(false);
        asserted++;
      }
    }
    expect(asserted).toBe(6);
  });
  it('for c = −1/e to digits + 12 significant digits and λ = 1 (digits = 20, 30, 40), then f′ = λw − c·e^{−w} has a double zero at its minimum w_m = ln(−c/λ) = −1 to the working precision, and the bisection reports it once', () => {
    for (const digits of [20, 30, 40]) {
      const zeros = gradientZerosByBisection(inverseEAt(digits + 12).neg(), 1, digits);
      expect(zeros.map(String), `digits = ${digits}`).toEqual(['-1']);
    }
  });
});
