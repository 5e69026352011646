/**
 * theory/figure4's probe of the guaranteed window: with a grid of one cell (α = 0 and α just below
 * the top of DA's range), the ordering fails at both grid points on the drawn configurations, so
 * the exact set, one interval strictly inside (0, top), can only be found from the point figure4Row
 * adds in the middle of the window's part below the top. This pins that point (a window narrower
 * than a cell is the reason it exists) and that bisection from it reaches both ends of the set; and
 * that a window wholly past the top gets no probe (one there would put an end of the exact set
 * beyond DA's range).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figure4Row } from '../theory/figure4.ts';
import { windowConfig } from './F4.harm-window.ts';
import { fcParams, seedTag } from './seed.ts';

describe('theory/figure4: the window probe', () => {
  it(`for all configurations drawn so that the guaranteed window is non-empty, then a one-cell grid still finds the exact set, one interval strictly inside DA's range, containing the window's part below the top ${seedTag}`, () => {
    const runs = fcParams({ quick: 15, full: 200 });
    let asserted = 0;
    fc.assert(fc.property(windowConfig, ({ s, eps }) => {
      const row = figure4Row(s, eps, 1, 20);
      const g = row.guaranteed!;
      const top = row.daRange.to;
      if (!(Math.min(g.to, top) > g.from)) return; // the window lies past the fold: nothing below the top to probe
      expect(row.exact).toHaveLength(1);
      const [iv] = row.exact as [{ from: number; to: number }];
      expect(iv.from, JSON.stringify({ ...s, eps })).toBeGreaterThan(0);
      expect(iv.to, JSON.stringify({ ...s, eps })).toBeLessThan(top * (1 - 1e-7));
      expect(row.contained).toBe(true);
      asserted++;
    }), runs);
    // the construction puts the window below the top in every draw measured (40 of 40 at seed 1)
    expect(asserted).toBeGreaterThanOrEqual(Math.ceil(0.9 * runs.numRuns!));
  });
  it('a window wholly past the top (|R| = 10, |F| = 100, |R_ij| = 5, λ = 0.3, ε = 0.5: window (5.95, 6.59), DA\'s minimum gone at 5.43) gets no probe: the exact set stays inside DA\'s range and ends at its top; the empty part below the top is contained', () => {
    const row = figure4Row({ R: '10', F: '100', Rij: '5', lambda: '0.3' }, 0.5, 8, 20);
    const top = row.daRange.to;
    expect(row.guaranteed!.from).toBeGreaterThan(top);
    expect(row.exact.length).toBeGreaterThan(0);
    for (const iv of row.exact) {
      expect(iv.from).toBeGreaterThanOrEqual(0);
      expect(iv.to).toBeLessThanOrEqual(top);
    }
    expect(row.exact.at(-1)!.to).toBe(top);
    expect(row.guaranteedPastFold).toBe(true);
    expect(row.contained).toBe(true);
  });
});
