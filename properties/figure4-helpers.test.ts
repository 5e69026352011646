/**
 * theory/figure4.ts's two pure decisions, on inputs built by construction (each end, each strict
 * inequality and each tolerance made decisive on purpose): Figure 4's ordering at one α, and whether
 * the guaranteed window lies inside the exact set. figure4Row's drawn geometries rarely make any
 * single one of them decisive, which is why StrykerJS found them unguarded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figure4Row, ordered, windowContained } from '../theory/figure4.ts';
import { NonConvergenceError, withHessianSeam } from '../theory/logistic2d.ts';
import { fcParams, seedTag } from './seed.ts';

const small = fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true });

describe(`theory/figure4 decisions ${seedTag}`, () => {
  it('for all ε ∈ (0, 1) and solutions w_D, w_DA and a retraining point, then ordered is x_R > x_D > x_DA ∧ y_R > y_D > y_DA with x = w1 + ε·w2, y = ε·w1 + w2; an equality in any one of the four breaks it; no DA minimum is false', () => {
    let asserted = 0;
    fc.assert(fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), small, small, small, small, fc.array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 4 }),
      (eps, d1, d2, a1, a2, gaps, tie) => {
        const d = { w1: d1, w2: d2 }, da = { w1: a1, w2: a2 };
        const xD = d1 + eps * d2, yD = eps * d1 + d2, xDA = a1 + eps * a2, yDA = eps * a1 + a2;
        // retraining above D by the first two gaps: ordered exactly when D is above DA on both axes
        const xR = xD + gaps[0]!, yR = yD + gaps[1]!;
        expect(ordered(xR, yR, d, da, eps)).toBe(xD > xDA && yD > yDA);
        // DA placed below D on both axes by construction: ordered, unless one of the four gaps is made 0
        const below = { w1: 0, w2: 0 };
        // solve w1 + ε·w2 = xD − g3, ε·w1 + w2 = yD − g4 (a 2×2 system with determinant 1 − ε² > 0)
        const X = xD - gaps[2]!, Y = yD - gaps[3]!;
        below.w1 = (X - eps * Y) / (1 - eps * eps);
        below.w2 = (Y - eps * X) / (1 - eps * eps);
        const xB = below.w1 + eps * below.w2, yB = eps * below.w1 + below.w2;
        expect(ordered(xR, yR, d, below, eps)).toBe(xD > xB && yD > yB);
        // retraining level with D on one axis
        const ties = [[xD, yR], [xR, yD]] as const;
        expect(ordered(ties[tie % 2]![0], ties[tie % 2]![1], d, below, eps)).toBe(false);
        // D equal to DA on both axes
        expect(ordered(xR, yR, d, { ...d }, eps)).toBe(false);
        expect(ordered(xR, yR, d, null, eps)).toBe(false);
        asserted++;
      }), fcParams({ quick: 200, full: 2000 }));
    expect(asserted).toBe(fcParams({ quick: 200, full: 2000 }).numRuns);
  });

  it('ordered: DA above D on one axis only, or a tie on one axis only (exact in float64), breaks it', () => {
    const eps = 0.5, d = { w1: 1, w2: 1 }; // x_D = y_D = 1.5
    expect(ordered(2, 2, d, { w1: 0, w2: 0 }, eps)).toBe(true);
    // x_DA = 1.6 > x_D, y_DA = 0.8 + 0.2 = 1.0 < y_D
    expect(ordered(2, 2, d, { w1: 1.6, w2: 0 }, eps)).toBe(false);
    // x_DA = 0.8 < x_D, y_DA = 1.6 > y_D
    expect(ordered(2, 2, d, { w1: 0, w2: 1.6 }, eps)).toBe(false);
    // exact ties on one axis only, in arithmetic that is exact in float64 (ε = 1/2, integers): w_D = (1, 2), x_D = 2, y_D = 2.5
    const e = { w1: 1, w2: 2 };
    expect(ordered(3, 3, e, { w1: 0, w2: 0 }, eps)).toBe(true);
    expect(ordered(3, 3, e, { w1: 2, w2: 0 }, eps)).toBe(false); // x_DA = 2 = x_D, y_DA = 1
    expect(ordered(3, 3, e, { w1: -1, w2: 3 }, eps)).toBe(false); // y_DA = 2.5 = y_D, x_DA = 0.5
    expect(ordered(2, 3, e, { w1: 0, w2: 0 }, eps)).toBe(false); // x_R = x_D
    expect(ordered(3, 2.5, e, { w1: 0, w2: 0 }, eps)).toBe(false); // y_R = y_D
  });

  it('for all exact sets of disjoint intervals and windows placed inside, across a gap, or sticking out by more or less than the tolerance, then windowContained says so; an empty window (to ≤ from, or from ≥ top) is contained', () => {
    let asserted = 0;
    // four distinct ends in hundredths of top (so every gap is ≥ top/100), two fractions of an interval
    fc.assert(fc.property(fc.integer({ min: -3, max: 3 }).map((k) => 10 ** k), fc.uniqueArray(fc.integer({ min: 5, max: 95 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 5, max: 95 }), fc.integer({ min: 5, max: 95 }),
      (top, ks, k1, k2) => {
        const [a, b, c, e] = [...ks].sort((x, y) => x - y).map((k) => (k * top) / 100) as [number, number, number, number];
        const t1 = k1 / 100, t2 = k2 / 100;
        const exact = [{ from: a, to: b }, { from: c, to: e }];
        const tol = 1e-9 * top;
        const lo = Math.min(t1, t2), hi = Math.max(t1, t2);
        const inside = { from: a + (b - a) * lo * 0.99, to: a + (b - a) * hi };
        expect(windowContained(inside, exact, top)).toBe(true);
        expect(windowContained({ from: c + (e - c) * lo, to: c + (e - c) * hi }, exact, top)).toBe(true);
        // across the gap between the two intervals
        expect(windowContained({ from: a + (b - a) * lo, to: c + (e - c) * hi }, exact, top)).toBe(false);
        // sticking out below the first interval by 10 tolerances, and by half of one
        expect(windowContained({ from: a - 10 * tol, to: b }, exact, top)).toBe(false);
        expect(windowContained({ from: a - tol / 2, to: b }, exact, top)).toBe(true);
        expect(windowContained({ from: a, to: b + 10 * tol }, exact, top)).toBe(false);
        expect(windowContained({ from: a, to: b + tol / 2 }, exact, top)).toBe(true);
        // only the part below top counts: a window past top is cut there
        expect(windowContained({ from: c + (e - c) * lo, to: 2 * top }, [{ from: c, to: top }], top)).toBe(true);
        expect(windowContained({ from: c + (e - c) * lo, to: 2 * top }, exact, top)).toBe(false);
        // empty windows
        expect(windowContained({ from: b, to: a }, exact, top)).toBe(true);
        expect(windowContained({ from: top, to: 2 * top }, [], top)).toBe(true);
        expect(windowContained({ from: a, to: b }, [], top)).toBe(false);
        asserted++;
      }), fcParams({ quick: 200, full: 2000 }));
    expect(asserted).toBe(fcParams({ quick: 200, full: 2000 }).numRuns);
  });
});

describe('theory/figure4: a row that cannot be computed says why', () => {
  it('with a planted zero Hessian (the logistic2d seam) L_R\'s float64 minimum fails and figure4Row throws NonConvergenceError naming it, not a TypeError from a missing point', () => {
    const s = { R: '100', F: '10', Rij: '20', lambda: '0.01' };
    let message = '';
    try {
      withHessianSeam({ h11: 0, h12: 0, h22: 0 }, () => figure4Row(s, 0.3, 8));
    } catch (e) {
      expect(e).toBeInstanceOf(NonConvergenceError);
      message = (e as Error).message;
    }
    expect(message).toBe(`L_R's minimum did not converge (float64): ${JSON.stringify({ ...s, eps: '0.3' })}`);
  });
});

describe('theory/figure4: the window past the fold', () => {
  it('|R| = 10, |F| = 100, |R_ij| = 5, λ = 0.1, ε = 0.7: the guaranteed window [5.068, 5.852] reaches past DA\'s fold at 5.694, and the row says so; at ε = 0.3 it does not', () => {
    const s = { R: '10', F: '100', Rij: '5', lambda: '0.1' };
    const past = figure4Row(s, 0.7, 8);
    expect(past.guaranteed!.to).toBeGreaterThan(past.fold);
    expect(past.guaranteedPastFold).toBe(true);
    const inside = figure4Row(s, 0.3, 8);
    expect(!inside.guaranteed || inside.guaranteed.to <= inside.fold).toBe(true);
    expect(inside.guaranteedPastFold).toBe(false);
  });
});
