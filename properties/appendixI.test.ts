/**
 * theory/appendixI.ts where AI.near-one's properties do not reach: the band of ε between the exact
 * DA problem's fold ε_c and Eq. 14's range 1 − λ|R|/√(8e), where DA has a minimum but Eq. 14's X is
 * below −1/e (so Eqs. 14–15 have no real value while the limit error does), and observedOrders on
 * missing, zero and negative errors. Written to kill what StrykerJS left alive.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { appendixIPoint, daConfig, daExistenceThreshold, eq14Threshold, observedOrders, retrainConfig } from '../theory/appendixI.ts';
import { decimalAt, lambertW } from '../theory/lambertw.ts';
import { solveConvex, solveDA } from '../theory/logistic2d.ts';
import { fcParams, seedTag } from './seed.ts';

describe(`theory/appendixI ${seedTag}`, () => {
  it('for all λ|R| in [0.1, 2] (|R| = 10), then DA\'s minimum appears before Eq. 14 becomes real (ε_c < 1 − λ|R|/√(8e)), and halfway between them a point has DA\'s minimum, the limit error, and no Eq. 14 or 15 value (X < −1/e)', () => {
    let asserted = 0;
    fc.assert(fc.property(fc.integer({ min: 10, max: 200 }), (k) => {
      const lambda = (k / 1000).toString(), c = { lambda, R: '10', D: '20' };
      const epsC = daExistenceThreshold(c), t14 = eq14Threshold(c);
      expect(epsC).not.toBeNull();
      expect(epsC!).toBeLessThan(t14);
      const p = appendixIPoint(c, String((epsC! + t14) / 2), 30);
      expect(p.X).toBeLessThan(-1 / Math.E);
      expect(p.daMinimumExists).toBe(true);
      expect(p.limitError).not.toBeNull();
      expect(p.eq14RelError).toBeNull();
      expect(p.eq15RelError).toBeNull();
      asserted++;
    }), fcParams({ quick: 8, full: 60 }));
    expect(asserted).toBe(fcParams({ quick: 8, full: 60 }).numRuns);
  });

  it('observedOrders: log10 of the error ratio per decade of δ; null next to a missing, zero or negative error', () => {
    const d = [1e-1, 1e-2, 1e-3];
    expect(observedOrders(d, [1e-2, 1e-4, 1e-6])).toEqual([2, 2].map((x) => expect.closeTo(x, 12)));
    expect(observedOrders(d, [null, 1e-4, 1e-5])).toEqual([null, expect.closeTo(1, 12)]);
    expect(observedOrders(d, [1e-2, null, 1e-5])).toEqual([null, null]);
    expect(observedOrders(d, [0, 1e-4, 1e-5])).toEqual([null, expect.closeTo(1, 12)]);
    expect(observedOrders(d, [1e-3, 0, 1e-5])).toEqual([null, null]);
    expect(observedOrders(d, [-1e-3, 1e-4, -1e-5])).toEqual([null, null]);
    expect(observedOrders([1], [1])).toEqual([]);
  });
});

describe('theory/appendixI: the error measures', () => {
  it('an App. I point\'s Eq. 12 error is the larger coordinate error of L_R\'s minimum against (W(k/(λ|R|))/k, ε·W(k/(λ|R|))/k), and its Eq. 14 error the larger coordinate error of DA\'s minimum against ((W(X) ± √(−2W(X)))/4), relative to its larger coordinate', () => {
    const c = { lambda: '0.05', R: '10', D: '20' };
    let asserted = 0;
    for (const eps of ['0.9', '0.95', '0.99']) {
      const p = appendixIPoint(c, eps, 30);
      const D = decimalAt(60);
      const e = new D(eps), k = e.times(e).plus(1);
      const pR = solveConvex('R', retrainConfig(c, eps), 30);
      const w12 = lambertW(k.div(new D(c.lambda).times(c.R)), 0, 40).div(k);
      const errs12 = [pR.w1.minus(w12).abs(), pR.w2.minus(e.times(w12)).abs()];
      const [hi12, lo12] = [Decimal.max(...errs12).toNumber(), Decimal.min(...errs12).toNumber()];
      // the two coordinate errors are noise at the 30th digit: they must differ enough to tell max from min
      expect(lo12, 'the two coordinate errors differ').toBeLessThan(0.9 * hi12);
      expect(Math.abs(p.eq12Error - hi12)).toBeLessThanOrEqual(1e-2 * hi12);
      if (p.eq14RelError === null) continue;
      const da = solveDA(daConfig(c, eps), 30, { saddle: false }).minimum!;
      const WX = lambertW(new D(p.X === 0 ? 0 : new D(1).minus(e).pow(2).times(-8).div(new D(c.lambda).times(c.R).pow(2))), 0, 40);
      const root = WX.times(-2).sqrt();
      const [w1, w2] = [WX.plus(root).div(4), WX.minus(root).div(4)];
      const errs14 = [da.w1.minus(w1).abs(), da.w2.minus(w2).abs()];
      const want = Decimal.max(...errs14).div(Decimal.max(da.w1.abs(), da.w2.abs())).toNumber();
      expect(Math.abs(p.eq14RelError - want)).toBeLessThanOrEqual(1e-2 * want);
      // max and min of the errors differ enough to be told apart (the coordinates differ by ~8%, past the 1% above)
      expect(Decimal.min(...errs14).toNumber()).toBeLessThan(0.9 * Decimal.max(...errs14).toNumber());
      asserted++;
    }
    expect(asserted).toBeGreaterThan(0);
  });
});
