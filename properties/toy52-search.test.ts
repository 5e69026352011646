/**
 * theory/toy52's search for minima, in the pure pieces it is made of, each on inputs built by
 * construction: the kind of a stationary point from its eigenvalues (every region and each
 * boundary at ±tol), the grid scan's candidate cells (integer grids, so ties between neighbours
 * occur and strictness is tested), and the multi-start's starts (geometric rings, interleaved
 * angles), and a descent started on a saddle. The searches themselves are checked against each other
 * in toy52.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINKS, WEIGHTS, descendToMinimum, lowerThanNeighbours, multiStartPoints, newtonStationary, stationaryKind } from '../theory/toy52.ts';
import { fcParams, seedTag } from './seed.ts';

describe('theory/toy52: the kind of a stationary point', () => {
  it(`for all tol > 0 and eigenvalues e0 ≤ e1 drawn in each region, then the kind is min (both > tol), max (both < −tol), saddle (e0 < −tol < tol < e1) or degenerate (either within [−tol, tol]); at exactly ±tol an eigenvalue counts as zero ${seedTag}`, () => {
    let asserted = 0;
    // u, v ∈ (0, 1]: offsets in units of tol, so every value is built on its side of ±tol
    const unit = fc.double({ min: 1e-3, max: 1, noNaN: true });
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1, noNaN: true }), unit, unit, fc.double({ min: -1, max: 1, noNaN: true }), (tol, u, v, w) => {
      const above = (x: number) => tol * (1 + 10 * x), below = (x: number) => -above(x);
      const lo = Math.min(u, v), hi = Math.max(u, v);
      expect(stationaryKind([above(lo), above(hi)], tol)).toBe('min');
      expect(stationaryKind([below(hi), below(lo)], tol)).toBe('max');
      expect(stationaryKind([below(u), above(v)], tol)).toBe('saddle');
      const zero = tol * w; // within [−tol, tol]
      expect(stationaryKind([zero, above(u)], tol)).toBe('degenerate');
      expect(stationaryKind([below(u), zero], tol)).toBe('degenerate');
      expect(stationaryKind([zero, zero], tol)).toBe('degenerate');
      // the boundaries themselves
      expect(stationaryKind([tol, above(u)], tol)).toBe('degenerate');
      expect(stationaryKind([below(u), -tol], tol)).toBe('degenerate');
      expect(stationaryKind([-tol, above(u)], tol)).toBe('degenerate');
      expect(stationaryKind([below(u), tol], tol)).toBe('degenerate');
      expect(stationaryKind([-tol, tol], tol)).toBe('degenerate');
      asserted++;
    }), fcParams({ quick: 200, full: 2000 }));
    expect(asserted).toBe(fcParams({ quick: 200, full: 2000 }).numRuns);
  });
});

describe('theory/toy52: the grid scan\'s candidates', () => {
  it(`for all (n + 1) × (n + 1) grids of small integers (ties common), then the candidates are exactly the interior cells no neighbour of which is lower, in row order; a neighbour equal to the cell does not disqualify it ${seedTag}`, () => {
    let asserted = 0, found = 0;
    const grids = fc.integer({ min: 2, max: 9 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n + 1, maxLength: n + 1 }), { minLength: n + 1, maxLength: n + 1 }));
    fc.assert(fc.property(grids, (grid) => {
      const n = grid.length - 1;
      const want: [number, number][] = [];
      for (let i = 1; i < n; i++) for (let j = 1; j < n; j++) {
        const around = [-1, 0, 1].flatMap((di) => [-1, 0, 1].map((dj) => grid[i + di]![j + dj]!));
        if (Math.min(...around) === grid[i]![j]!) want.push([i, j]);
      }
      const got = lowerThanNeighbours(grid);
      expect(got).toEqual(want);
      found += got.length;
      asserted++;
    }), fcParams({ quick: 300, full: 3000 }));
    expect(asserted).toBe(fcParams({ quick: 300, full: 3000 }).numRuns);
    expect(found).toBeGreaterThan(asserted); // the draws do produce candidates, not only empty answers
  });
  it('a bowl (i − p)² + (j − q)² on a 5 × 5 grid: its minimum is the one candidate when (p, q) is interior, next to the edge included; on the edge there is none (every interior cell then has a lower neighbour)', () => {
    for (let p = 0; p <= 4; p++) for (let q = 0; q <= 4; q++) {
      const grid = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => (i - p) ** 2 + (j - q) ** 2));
      const interior = p > 0 && p < 4 && q > 0 && q < 4;
      expect(lowerThanNeighbours(grid), `minimum at (${p}, ${q})`).toEqual(interior ? [[p, q]] : []);
    }
  });
});

describe('theory/toy52: the multi-start\'s starts', () => {
  it(`for all radii ≥ 1, rings ≥ 2 and angles ≥ 1, then there are rings·angles starts, ring k at radius^(k/(rings − 1)) (1 first, radius last, a constant ratio between rings), angles 2π/angles apart within a ring, odd rings turned by half a step ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(fc.property(fc.double({ min: 1, max: 1e4, noNaN: true }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 40 }), (radius, rings, angles) => {
      const pts = multiStartPoints(radius, rings, angles);
      expect(pts).toHaveLength(rings * angles);
      const norm = (k: number) => Math.hypot(...pts[k * angles]!);
      expect(norm(0)).toBeCloseTo(1, 12);
      expect(norm(rings - 1) / radius).toBeCloseTo(1, 12);
      const ratio = radius ** (1 / (rings - 1));
      for (let k = 0; k < rings; k++) {
        if (k > 0) expect(norm(k) / norm(k - 1) / ratio).toBeCloseTo(1, 12);
        for (let j = 0; j < angles; j++) {
          const [x, y] = pts[k * angles + j]!;
          expect(Math.hypot(x, y) / norm(k)).toBeCloseTo(1, 12);
          // the angle, measured from the ring's own radius: 2π(j + ½(k mod 2))/angles
          const want = (2 * Math.PI * (j + (k % 2) / 2)) / angles;
          expect(Math.cos(want) * norm(k) - x).toBeCloseTo(0, 9);
          expect(Math.sin(want) * norm(k) - y).toBeCloseTo(0, 9);
        }
      }
      asserted++;
    }), fcParams({ quick: 100, full: 1000 }));
    expect(asserted).toBe(fcParams({ quick: 100, full: 1000 }).numRuns);
  });
  it('one ring: every start on the unit circle, whatever the radius', () => {
    for (const radius of [1, 7.5, 1e3]) for (const [x, y] of multiStartPoints(radius, 1, 8)) expect(Math.hypot(x, y)).toBeCloseTo(1, 14);
  });
});

describe('theory/toy52: descent that starts on a saddle', () => {
  it('the pretraining landscape\'s saddle (logistic reading, λ = 0.1, near (1.218, −0.495)): descent from the saddle itself has no gradient to follow, Newton stays on it, and descendToMinimum answers null rather than the saddle', () => {
    const p = { link: LINKS.logistic!, weights: WEIGHTS.pretrain, lambda: 0.1 };
    const saddle = newtonStationary(p, -0.5, 0)!;
    expect(saddle.kind).toBe('saddle');
    expect(saddle.a).toBeCloseTo(1.2175, 3);
    expect(saddle.b).toBeCloseTo(-0.4953, 3);
    expect(descendToMinimum(p, saddle.a, saddle.b)).toBeNull();
  });
});
