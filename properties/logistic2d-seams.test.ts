/**
 * theory/logistic2d.ts's failure paths, in process: the Hessian seam itself (what it scales, that it
 * restores), each NonConvergenceError a planted wrong Hessian reaches and the label it carries (a
 * reader of a failed verify run learns from the message which objective, configuration and point
 * failed), and the solution cache's keys. F4.harm-window's test plants the same seams in a child
 * process, where only "it throws, and within seconds" can be seen.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { coefficientsF64, continueDA, daFoldF64, gradHess2d, gradHessF64, NonConvergenceError, solve2d, solveConvex, solveDA, withHessianSeam, type GradHessF64, type HessianSeam } from '../theory/logistic2d.ts';

const s = { R: '1000', F: '200', Rij: '100', lambda: '0.01', eps: '0.5' };
const labelOf = (obj: string, c: object): string => `L_${obj} at ${JSON.stringify(c)}`;
/** The error `f` throws under `seam` (and the test fails if it returns). */
function thrownUnder(seam: HessianSeam, f: () => unknown): Error {
  try {
    withHessianSeam(seam, f);
  } catch (e) {
    expect(e).toBeInstanceOf(NonConvergenceError);
    return e as Error;
  }
  throw new Error(`returned under the seam ${JSON.stringify(seam)}`);
}

describe('theory/logistic2d: the Hessian seam', () => {
  const c = { ...s, alpha: '0.3' };
  // called inside the tests, never at collection: a mutant that makes it throw must fail a test, not the file's
  // collection (StrykerJS's vitest runner counts a file that fails to collect as no test run, i.e. a survivor)
  const kOf = () => coefficientsF64('D', c);
  it('scales each named Hessian entry by its factor (an unnamed one by 1) in float64 and in decimal, leaves ∇L alone, and returns f\'s value', () => {
    const plain = gradHessF64(kOf(), 0.4, -0.2), plainDec = gradHess2d('D', c, '0.4', '-0.2', 30);
    const seam = { h11: 2, h12: 3 };
    const [got, gotDec] = withHessianSeam(seam, () => [gradHessF64(kOf(), 0.4, -0.2), gradHess2d('D', c, '0.4', '-0.2', 30)] as const);
    const entries = ({ g1, g2, h11, h12, h22 }: GradHessF64) => ({ g1, g2, h11, h12, h22 });
    expect(entries(got)).toEqual({ ...entries(plain), h11: plain.h11 * 2, h12: plain.h12 * 3 });
    // det H and the Newton step follow the planted entries
    expect(got.det).toBe(got.h11 * got.h22 - got.h12 * got.h12);
    expect([got.d1, got.d2]).toEqual([-(got.h22 * got.g1 - got.h12 * got.g2) / got.det, -(got.h11 * got.g2 - got.h12 * got.g1) / got.det]);
    for (const key of ['g1', 'g2', 'h22'] as const) expect(gotDec[key].eq(plainDec[key]), key).toBe(true);
    expect(gotDec.h11.eq(plainDec.h11.times(2))).toBe(true);
    expect(gotDec.h12.eq(plainDec.h12.times(3))).toBe(true);
    const only22 = withHessianSeam({ h22: 5 }, () => [gradHessF64(kOf(), 0.4, -0.2), gradHess2d('D', c, '0.4', '-0.2', 30)] as const);
    expect(entries(only22[0])).toEqual({ ...entries(plain), h22: plain.h22 * 5 });
    expect(only22[1].h11.eq(plainDec.h11) && only22[1].h12.eq(plainDec.h12) && only22[1].h22.eq(plainDec.h22.times(5))).toBe(true);
  });
  it('restores the outer seam (or none) after f returns and after f throws', () => {
    const plain = gradHessF64(kOf(), 0.4, -0.2), plainDec = gradHess2d('D', c, '0.4', '-0.2', 30);
    const inner = withHessianSeam({ h11: 2 }, () => {
      const nested = withHessianSeam({ h11: 7 }, () => gradHessF64(kOf(), 0.4, -0.2).h11);
      return [nested, gradHessF64(kOf(), 0.4, -0.2).h11];
    });
    expect(inner).toEqual([plain.h11 * 7, plain.h11 * 2]);
    expect(() => withHessianSeam({ h11: 2 }, () => {
      throw new RangeError('planted');
    })).toThrow('planted');
    expect(gradHessF64(kOf(), 0.4, -0.2)).toEqual(plain);
    expect(gradHess2d('D', c, '0.4', '-0.2', 30).h11.eq(plainDec.h11)).toBe(true);
  });
});

describe('theory/logistic2d: a planted wrong Hessian fails loudly, naming what failed', () => {
  // inside the tests, never at collection (as above)
  const foldOf = () => daFoldF64(s);
  const halfOf = () => ({ ...s, alpha: String(foldOf().alpha / 2) });
  it('L_D with H₁₂ × 1.5: the decimal Newton stops at its 40-iteration cap', () => {
    const c = { ...s, alpha: '0.5' };
    expect(thrownUnder({ h12: 1.5 }, () => solveConvex('D', c, 50)).message).toBe(`${labelOf('D', c)}: Newton did not converge in 40 iterations`);
  });
  it('L_R with a zero Hessian: the float64 damped Newton gives up, and solveConvex says so', () => {
    const c = { ...s, alpha: '0.5' };
    expect(thrownUnder({ h11: 0, h12: 0, h22: 0 }, () => solveConvex('R', c, 30)).message).toBe(`${labelOf('R', c)}: float64 damped Newton did not converge`);
  });
  it('DA with a zero Hessian: both paths meet a singular Hessian at the branch minimum, and the label says which point', () => {
    for (const warmStart of [true, false]) {
      expect(thrownUnder({ h11: 0, h12: 0, h22: 0 }, () => solveDA(halfOf(), 30, { warmStart })).message).toBe(`${labelOf('DA', halfOf())} (branch minimum): singular Hessian at iteration 1`);
    }
  });
  it('DA with the Hessian negated: the branch minimum is classified a maximum, which is refused as off its side of the fold', () => {
    const m = thrownUnder({ h11: -1, h12: -1, h22: -1 }, () => solveDA(halfOf(), 30)).message;
    expect(m).toMatch(new RegExp(`^${labelOf('DA', halfOf()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(branch minimum\\): converged to a max at x = 1\\.775440109866723\\d+, not on the expected side of x\\* = 1\\.436597117550183\\d+$`));
  });
  it('continueDA under H₂₂ × 0.7 stops at its corrector cap, and with no Hessian at all at L_R\'s start', () => {
    expect(thrownUnder({ h22: 0.7 }, () => continueDA(s, [foldOf().alpha * 0.9])).message).toMatch(
      new RegExp(`^continuation: 20000 corrector solves without reaching α = ${foldOf().alpha * 0.9} \\(at [0-9.e-]+, fold ${foldOf().alpha}\\): ${JSON.stringify(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    expect(thrownUnder({ h11: 0, h12: 0, h22: 0 }, () => continueDA(s, [foldOf().alpha * 0.9])).message).toBe(`L_R's minimum did not converge (float64): ${JSON.stringify(s)}`);
  });
});

describe('theory/logistic2d: the solution cache', () => {
  it('is keyed by α as well as the setting: two α give two solutions, each returned again from the cache', () => {
    const c1 = { ...s, alpha: '0.01' }, c2 = { ...s, alpha: '0.02' };
    const a = solve2d(c1, 30), b = solve2d(c2, 30);
    expect(a.DA.minimum!.w1.eq(b.DA.minimum!.w1)).toBe(false);
    expect(a.D.w1.eq(b.D.w1)).toBe(false);
    expect(solve2d(c1, 30)).toBe(a);
    expect(solve2d(c2, 30)).toBe(b);
    expect(new Decimal(a.R.w1).eq(b.R.w1)).toBe(true);
  });
});
