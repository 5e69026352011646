/**
 * theory/logistic1d.ts's numerical helpers, which every 1-D claim rests on: the tolerance, the
 * configuration checks, App. E's case decision at its edges, the stationary points at the branch
 * point, and bisectRoot's contract (bracket, both orientations, exact ends, tiny roots, Newton
 * inside the bracket, the no-sign-change refusal). Written to kill what StrykerJS left alive.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { NonConvergenceError } from '../theory/errors.ts';
import { decimalAt, inverseEAt } from '../theory/lambertw.ts';
import { bisectRoot, configProblem, gradientZerosByBisection, daCase, daPlacement, GUARD, objectiveValue, solve1d, stationaryPoints, tolerance, type Config1d } from '../theory/logistic1d.ts';
import { fcParams, seedTag } from './seed.ts';

const ok: Config1d = { R: '100', F: '10', Rj: '20', alpha: '0.3', lambda: '0.01' };

describe('theory/logistic1d numerics', () => {
  it(`tolerance(d) is exactly 10^−(d−5) for all d ∈ [10, 1000], and GUARD is 10 ${seedTag}`, () => {
    expect(GUARD).toBe(10);
    fc.assert(fc.property(fc.integer({ min: 10, max: 1000 }), (d) => tolerance(d).eq(new Decimal(10).pow(-(d - 5)))), fcParams({ quick: 50, full: 500 }));
  });

  it('configProblem accepts the edges of each domain and names the field it refuses', () => {
    expect(configProblem(ok)).toBeNull();
    expect(configProblem({ ...ok, R: '1', Rj: '1' })).toBeNull();
    expect(configProblem({ ...ok, F: '1' })).toBeNull();
    expect(configProblem({ ...ok, Rj: '100' })).toBeNull();
    expect(configProblem({ ...ok, alpha: '0' })).toBeNull();
    expect(configProblem({ ...ok, lambda: '1e-300' })).toBeNull();
    const cases: [Partial<Config1d>, RegExp][] = [
      [{ R: '0' }, /^\|R\| must be a positive integer, got 0$/], [{ R: '2.5' }, /^\|R\| must be a positive integer/],
      [{ F: '0' }, /^\|F\| must be a positive integer, got 0$/], [{ F: '1.5' }, /^\|F\| must be a positive integer/],
      [{ Rj: '0' }, /^\|R_j\| must be a positive integer, got 0$/], [{ Rj: '0.5' }, /^\|R_j\| must be a positive integer/],
      [{ Rj: '101' }, /^\|R_j\| must not exceed \|R\| \(100\), got 101$/],
      [{ alpha: '-1e-30' }, /^α must be ≥ 0, got -1e-30$/],
      [{ lambda: '0' }, /^λ must be > 0, got 0$/], [{ lambda: '-1' }, /^λ must be > 0/],
    ];
    for (const [bad, msg] of cases) expect(configProblem({ ...ok, ...bad })).toMatch(msg);
  });

  it('daCase: |z| ≤ tolerance·z_R is the boundary, just beyond it case 1 or 2, z = −1/e is case 2 and just below it case 3', () => {
    const d = 30, zR = new Decimal(2), t = tolerance(d).times(zR);
    expect(daCase(t, zR, d)).toBe('boundary');
    expect(daCase(t.neg(), zR, d)).toBe('boundary');
    expect(daCase(t.times(1.01), zR, d)).toBe(1);
    expect(daCase(t.times(-1.01), zR, d)).toBe(2);
    const e1 = inverseEAt(d + GUARD).neg();
    expect(daCase(e1, zR, d)).toBe(2);
    expect(daCase(e1.minus(new Decimal(10).pow(-(d + 5))), zR, d)).toBe(3);
  });

  it('stationaryPoints: at z = −1/e exactly one inflection at w = −1; below −1/e beyond the tolerance none; inside it the inflection; above two of opposite kinds', () => {
    const d = 40, D = decimalAt(d + GUARD), lam = new D('0.5'), e1 = inverseEAt(d + GUARD);
    const at = stationaryPoints(e1.neg().times(lam), lam, d);
    expect(at).toHaveLength(1);
    expect(at[0]!.kind).toBe('inflection');
    expect(at[0]!.w.eq(-1)).toBe(true);
    expect(stationaryPoints(e1.neg().times(lam).times(new D(1).plus('1e-20')), lam, d)).toEqual([]);
    const inside = stationaryPoints(e1.neg().times(lam).times(new D(1).plus('1e-60')), lam, d);
    expect(inside.map((p) => p.kind)).toEqual(['inflection']);
    const two = stationaryPoints(e1.neg().times(lam).times('0.9'), lam, d);
    expect(two.map((p) => [p.branch, p.kind])).toEqual([[0, 'min'], [-1, 'max']]);
    const one = stationaryPoints(new Decimal(3), lam, d);
    expect(one.map((p) => [p.branch, p.kind])).toEqual([[0, 'min']]);
    expect(objectiveValue(new Decimal(2), 4, new Decimal(0)).eq(2)).toBe(true);
    expect(objectiveValue(new Decimal(0), 4, new Decimal(3)).eq(18)).toBe(true);
  });

  it(`bisectRoot: for all roots r = m·10^k (|k| ≤ 40) and brackets around them, either orientation, with or without Newton, then the result is r to the tolerance ${seedTag}`, () => {
    // the caller's arithmetic carries digits + GUARD, as the 1-D solvers' does
    const d = 30, tol = tolerance(d), D = decimalAt(d + GUARD);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -40, max: 40 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (m, k, decreasing, newton, below, above) => {
        const r = new D(m).times(new D(10).pow(k));
        const s = decreasing ? -1 : 1;
        const g = (w: Decimal) => w.minus(r).times(s).times(w.abs().plus(1));
        const slope = (w: Decimal): [Decimal, Decimal] => [g(w), w.abs().plus(1).plus(w.minus(r).times(w.s)).times(s)];
        const lo = r.minus(r.abs().times(below / 10)), hi = r.plus(r.abs().times(above / 10));
        const got = bisectRoot(g, lo, hi, d, newton ? slope : undefined);
        expect(got.minus(r).abs().lte(tol.times(r.abs()).times(4))).toBe(true);
      }),
      fcParams({ quick: 150, full: 2000 }),
    );
  });

  it('bisectRoot returns an end that is an exact zero, and refuses a bracket without a sign change with NonConvergenceError', () => {
    // at the working precision (the global Decimal's 20 digits would round a midpoint next to 2 onto 2)
    const D = decimalAt(30 + GUARD);
    const g = (w: Decimal) => w.minus(2);
    expect(bisectRoot(g, new D(2), new D(5), 30).eq(2)).toBe(true);
    expect(bisectRoot(g, new D(-1), new D(2), 30).eq(2)).toBe(true);
    expect(() => bisectRoot(g, new Decimal(3), new Decimal(5), 30)).toThrow(NonConvergenceError);
    expect(() => bisectRoot(g, new Decimal(3), new Decimal(5), 30)).toThrow(/^bisection: no sign change on \[3, 5\]$/);
    // a root hit exactly at a midpoint ends the search there
    expect(bisectRoot((w) => w.minus(1), new Decimal(0), new Decimal(2), 30).eq(1)).toBe(true);
  });

  it('bisectRoot\'s two phases: at 100 digits Newton (after bisecting to 1e−3) needs under 60 evaluations where bisection alone needs over 300, and both reach the root', () => {
    const D = decimalAt(100 + GUARD), r = new D(2).sqrt();
    let calls = 0;
    const g = (w: Decimal) => { calls++; return w.times(w).minus(2); };
    const slope = (w: Decimal): [Decimal, Decimal] => { calls++; return [w.times(w).minus(2), w.times(2)]; };
    const newton = bisectRoot(g, new D(0), new D(10), 100, slope);
    expect(calls).toBeLessThan(60);
    expect(newton.minus(r).abs().lte(tolerance(100).times(4))).toBe(true);
    calls = 0;
    const plain = bisectRoot(g, new D(0), new D(10), 100);
    expect(calls).toBeGreaterThan(300);
    expect(plain.minus(r).abs().lte(tolerance(100).times(4))).toBe(true);
  });
  it('bisectRoot keeps Newton inside the bracket: on atan(w − 10⁴), where Newton from 10 away overshoots to the other side and beyond, it still converges to 10⁴', () => {
    const D = decimalAt(40 + GUARD), r = new D(1e4);
    const g = (w: Decimal) => w.minus(r).atan();
    const slope = (w: Decimal): [Decimal, Decimal] => [g(w), new D(1).div(w.minus(r).pow(2).plus(1))];
    for (const [lo, hi] of [[0, 2e4 + 13], [-7e3, 1.5e4], [1e4 - 0.5, 3e4]] as const) {
      const got = bisectRoot(g, new D(lo), new D(hi), 40, slope);
      expect(got.minus(r).abs().lte(tolerance(40).times(r).times(4)), `[${lo}, ${hi}] → ${got}`).toBe(true);
    }
  });
  it('solve1d refuses an invalid configuration with configProblem\'s reason; gradientZerosByBisection(0) is [0]', () => {
    expect(() => solve1d({ ...ok, Rj: '200' }, 30)).toThrow(new RangeError('|R_j| must not exceed |R| (100), got 200'));
    expect(() => solve1d({ ...ok, lambda: '0' }, 30)).toThrow(RangeError);
    const z = gradientZerosByBisection(new Decimal(0), '0.5', 30);
    expect(z).toHaveLength(1);
    expect(z[0]!.isZero()).toBe(true);
  });

  it(`daPlacement: for all w_D, w_R and an offset t of DA along the line through them, then the placement is the one t's interval names (opposite, towards, overshoot closer or farther), and null is no-minimum ${seedTag}`, () => {
    expect(daPlacement(1, 2, null)).toBe('no-minimum');
    // w_DA = w_D + t·(w_R − w_D): t ≤ 0 opposite, 0 < t ≤ 1 towards, 1 < t < 2 overshoot-closer, t ≥ 2 overshoot-farther
    expect(daPlacement(1, 2, 1)).toBe('opposite');
    expect(daPlacement(1, 2, 2)).toBe('towards');
    expect(daPlacement(1, 2, 3)).toBe('overshoot-farther');
    expect(daPlacement(2, 1, 0)).toBe('overshoot-farther');
    expect(daPlacement(2, 1, 0.5)).toBe('overshoot-closer');
    // w_D = w_R: the product (w_DA − w_D)(w_D − w_R) is 0, so every w_DA (below, at or above) is 'opposite'
    for (const wDA of [5, 1, 0.5]) expect(daPlacement(1, 1, wDA)).toBe('opposite');
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), fc.integer({ min: -40, max: 60 }), (base, gap, up, t10) => {
        const wD = base / 4, wR = wD + (up ? gap : -gap) / 4, t = t10 / 10 + 0.05;
        const wDA = wD + t * (wR - wD);
        const want = t <= 0 ? 'opposite' : t <= 1 ? 'towards' : t < 2 ? 'overshoot-closer' : 'overshoot-farther';
        expect(daPlacement(wD, wR, wDA)).toBe(want);
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
  });

  it(`solve1d's lemma3: for all sizes and α on a grid of multiples of |F|/|R| (0 and exactly |F|/|R| included), then lemma3 is the ordering w_DA ≤ w_D ≤ w_R or its mirror read from the solution itself (a difference within the tolerance counts as 0; without DA's minimum, w_D ≤ w_R), and every W−1 stationary point solves w·e^w = z to the working digits ${seedTag}`, () => {
    const d = 30;
    let asserted = 0, atSplit = 0, holds = 0, fails = 0;
    fc.assert(fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 16 }), fc.constantFrom('0.001', '0.05', '1'), (R, F, rj, k, lambda) => {
      const Rj = Math.min(R, rj);
      // α = (k/4)·|F|/|R|, written to 45 digits (exactly |F|/|R| at k = 4 up to the input's rounding)
      const alpha = new Decimal(F).div(R).times(k).div(4).toSignificantDigits(45).toString();
      const s = solve1d({ R: String(R), F: String(F), Rj: String(Rj), alpha, lambda }, d);
      const sign = (a: Decimal, b: Decimal): number => (a.minus(b).abs().lte(tolerance(d).times(Decimal.max(a.abs(), b.abs()))) ? 0 : a.minus(b).s);
      const want = s.wDA ? sign(s.wDA, s.wD) * sign(s.wD, s.wR) >= 0 : sign(s.wD, s.wR) <= 0;
      expect(s.lemma3, `R=${R} F=${F} Rj=${Rj} α=${alpha} λ=${lambda}`).toBe(want);
      for (const p of s.stationaryDA.filter((x) => x.branch === -1)) {
        const D = decimalAt(d + GUARD), w = new D(p.w), zz = new D(s.z);
        expect(w.times(w.exp()).minus(zz).abs().lte(tolerance(d).times(zz.abs())), `W−1 point at z = ${zz}`).toBe(true);
      }
      if (k === 4) atSplit++;
      if (s.lemma3) holds++;
      else fails++;
      asserted++;
    }), fcParams({ quick: 80, full: 800 }));
    // the grid reaches the split itself and both outcomes
    expect(asserted).toBe(80);
    expect(atSplit).toBeGreaterThan(0);
    expect(holds).toBeGreaterThan(0);
    expect(fails).toBeGreaterThan(0);
  });
});
