/**
 * theory/appendixI.ts where AI.near-one's properties do not reach: the band of ε between the exact
 * DA problem's fold ε_c and Eq. 14's range 1 − λ|R|/√(8e), where DA has a minimum but Eq. 14's X is
 * below −1/e (so Eqs. 14–15 have no real value while the limit error does), and observedOrders on
 * missing, zero and negative errors. Written to kill what StrykerJS left alive.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendixIPoint, daExistenceThreshold, eq14Threshold, observedOrders } from '../theory/appendixI.ts';
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
