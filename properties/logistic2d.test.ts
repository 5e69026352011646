/**
 * theory/logistic2d.ts's solvers pinned on their own: DA's two paths (the float64 warm start and the
 * decimal bracketing of the reduced equation) give the same points; solveDA's options and ends
 * (α = 0, α at or past the fold); solve2d is the three solvers, cached; the float64 damped Newton
 * from far starts (its Armijo backtracking) against the decimal minimum; rootF64's contract.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { coefficientsF64, configProblem2d, continueDA, daFold, minimizeConvexF64, NonConvergenceError, rootF64, solve2d, solveConvex, solveDA, type Config2d, type Point2d } from '../theory/logistic2d.ts';
import { relDiff, setting2d, withAlpha } from './twoD-common.ts';
import { fcParams, seedTag } from './seed.ts';

const DIGITS = 30;
/** a matches b to `rel` relative to max(|b|, 1). */
const close = (a: Decimal, b: Decimal, rel = 1e-24): boolean => relDiff(a, b, 1) <= rel;
const samePoint = (p: Point2d, q: Point2d): boolean => close(p.w1, q.w1) && close(p.w2, q.w2) && p.kind === q.kind;

describe('theory/logistic2d: DA', () => {
  it(`for all settings and α at a fraction t ∈ (0, 1) of the fold (or of |F|/|R_ij| where that is lower), then the warm-started and the bracketed paths give the same minimum (kind min, right of x*) and saddle (kind saddle, left of x*) ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(
      fc.property(setting2d, fc.integer({ min: 1, max: 999 }), (s, k) => {
        const fold = daFold(s, DIGITS);
        // below the fold and inside the setting (α·|R_ij| ≤ |F|)
        const top = Decimal.min(fold.alpha, new Decimal(s.F).div(s.Rij));
        const alpha = top.times(k).div(1000).toSignificantDigits(6, Decimal.ROUND_DOWN);
        const c: Config2d = withAlpha(s, alpha);
        const warm = solveDA(c, DIGITS), cold = solveDA(c, DIGITS, { warmStart: false });
        expect(warm.minimum && cold.minimum && warm.saddle && cold.saddle).toBeTruthy();
        expect(samePoint(warm.minimum!, cold.minimum!), `minimum at ${JSON.stringify(c)}`).toBe(true);
        expect(samePoint(warm.saddle!, cold.saddle!), `saddle at ${JSON.stringify(c)}`).toBe(true);
        expect(warm.minimum!.kind).toBe('min');
        expect(warm.saddle!.kind).toBe('saddle');
        expect(warm.minimum!.x.gt(fold.x)).toBe(true);
        expect(warm.saddle!.x.lt(fold.x)).toBe(true);
        const noSaddle = solveDA(c, DIGITS, { saddle: false });
        expect(noSaddle.saddle).toBeNull();
        expect(samePoint(noSaddle.minimum!, warm.minimum!)).toBe(true);
        asserted++;
      }),
      fcParams({ quick: 12, full: 120 }),
    );
    expect(asserted).toBe(12);
  });
  it('α = 0 is L_R\'s minimum with no saddle; α at the fold and past it has neither', () => {
    const s = { R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3' };
    const zero = solveDA(withAlpha(s, 0), DIGITS);
    expect(samePoint(zero.minimum!, solveConvex('R', withAlpha(s, 0), DIGITS))).toBe(true);
    expect(zero.saddle).toBeNull();
    const fold = daFold(s, DIGITS);
    for (const a of [fold.alpha, new Decimal(fold.alpha).times(1.01)]) {
      const past = solveDA(withAlpha(s, a), DIGITS);
      expect([past.minimum, past.saddle]).toEqual([null, null]);
    }
  });
  it('solve2d is the three solvers at one configuration, cached (the same object the second time)', () => {
    const set = { R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3' };
    const c = withAlpha(set, new Decimal(daFold(set, DIGITS).alpha).div(2).toSignificantDigits(4));
    const s = solve2d(c, DIGITS);
    expect(samePoint(s.D, solveConvex('D', c, DIGITS))).toBe(true);
    expect(samePoint(s.R, solveConvex('R', c, DIGITS))).toBe(true);
    const da = solveDA(c, DIGITS);
    expect(samePoint(s.DA.minimum!, da.minimum!)).toBe(true);
    expect(samePoint(s.DA.saddle!, da.saddle!)).toBe(true);
    expect(solve2d(c, DIGITS)).toBe(s);
  });
});

describe('theory/logistic2d: float64 kernels', () => {
  it(`for all settings, α and starts in [−10, 40]² (far right a full Newton step overshoots: Armijo backtracks), then minimizeConvexF64 (damped Newton) reaches the decimal minimum of L_D and L_R to 1e−12 ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -10, max: 40, noNaN: true }), fc.double({ min: -10, max: 40, noNaN: true }), fc.boolean(), (s, t, w1, w2, onD) => {
        const c = withAlpha(s, new Decimal(t).times(s.F).div(s.Rij).toSignificantDigits(8, Decimal.ROUND_DOWN));
        const obj = onD ? 'D' : 'R';
        const got = minimizeConvexF64(coefficientsF64(obj, c), { w1, w2 });
        expect(got, `from (${w1}, ${w2}) on L_${obj} at ${JSON.stringify(c)}`).not.toBeNull();
        const want = solveConvex(obj, c, DIGITS);
        expect(Math.abs(got!.w1 - want.w1.toNumber())).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(want.w1.toNumber())));
        expect(Math.abs(got!.w2 - want.w2.toNumber())).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(want.w2.toNumber())));
      }),
      fcParams({ quick: 60, full: 600 }),
    );
  });
  it('minimizeConvexF64 refuses a non-convex objective (B < 0)', () => {
    expect(() => minimizeConvexF64({ A: 1, B: -1, eps: 0.3, lambda: 0.1 })).toThrow(/needs B ≥ 0/);
  });
  it(`rootF64: for all roots r = m·10^k and brackets around them (also with an infinite end), then the root is within 4 ulp of the bracket (a bracket 1e100 times the root exhausts the 300-step cap: NonConvergenceError); exact zeros at the ends are returned; no sign change or NaN throws ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -200, max: 200 }), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 3 }), (m, k, neg, decreasing, wide) => {
        const r = (neg ? -1 : 1) * m * 10 ** k;
        const f = (x: number) => (decreasing ? -1 : 1) * (Math.exp(Math.min(700, (x - r) / Math.abs(r))) - 1);
        const span = Math.abs(r) * [0.5, 10, 1e10, 1e100][wide]!;
        // 300 steps reach 4 ulp from a bracket 1e10 times the root, not from 1e100 times: there the cap throws
        if (wide === 3) expect(() => rootF64(f, r - span, r + span)).toThrow(/still wider than 4 ulp after 300 steps/);
        else expect(Math.abs(rootF64(f, r - span, r + span) - r)).toBeLessThanOrEqual(8 * Number.EPSILON * Math.abs(r));
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
    // the secant steps: a line is solved at once from a bracket 1e80 times its root, where bisection alone would need 318 steps
    expect(rootF64((x) => x - 3, -3e80, 3e80)).toBe(3);
    expect(rootF64((x) => x - 3, 3, 7)).toBe(3);
    expect(rootF64((x) => x - 7, 3, 7)).toBe(7);
    expect(rootF64((x) => (x < 1 ? -Infinity : x - 2), 0, 5)).toBeCloseTo(2, 14);
    expect(() => rootF64((x) => x + 10, 3, 7)).toThrow(NonConvergenceError);
    expect(() => rootF64((x) => x + 10, 3, 7)).toThrow('float64 root: no sign change on [3, 7]');
    expect(() => rootF64(() => NaN, 3, 7)).toThrow(NonConvergenceError);
    expect(() => rootF64((x) => (x > 5 ? NaN : -1), 3, 7)).toThrow(NonConvergenceError);
  });
});

describe('theory/logistic2d: the setting, the continuation and the fold', () => {
  const s = { R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3' };
  it.each([
    [{ R: '0' }, 'R must be a positive integer'], [{ F: '2.5' }, 'F must be a positive integer'], [{ Rij: '-1' }, 'Rij must be a positive integer'],
    [{ Rij: '101' }, '|R_ij| must not exceed |R|'], [{ alpha: '-0.1' }, 'α must be ≥ 0'], [{ alpha: '0.51' }, 'α·|R_ij| must not exceed |F|'],
    [{ lambda: '0' }, 'λ must be > 0'], [{ eps: '0' }, 'ε must lie in (0, 1)'], [{ eps: '1' }, 'ε must lie in (0, 1)'],
  ] as const)('a configuration with %j is refused: "%s"', (bad, why) => {
    const c = { ...withAlpha(s, '0.1'), ...bad };
    expect(configProblem2d(c)).toBe(why);
    expect(() => solveConvex('D', c, DIGITS)).toThrow(`2-D configuration: ${why}`);
  });
  it('the edges of the setting are accepted: α·|R_ij| = |F|, |R_ij| = |R|, α = 0', () => {
    for (const c of [withAlpha(s, '0.5'), { ...withAlpha(s, '0.1'), Rij: '100' }, withAlpha(s, 0)]) expect(configProblem2d(c)).toBeNull();
  });
  it('continueDA: the branch at ascending α below the fold is DA\'s decimal minimum to 1e−10, null at and past the fold; descending α is refused', () => {
    const fold = daFold(s, DIGITS);
    const top = Number(fold.alpha);
    const alphas = [top * 0.1, top * 0.5, top * 0.9, top * 0.999, top * 1.000001, top * 1.1];
    const run = continueDA(s, alphas);
    expect(run.steps).toBeGreaterThan(0);
    expect(run.foldAlpha).toBeCloseTo(top, 12);
    run.states.forEach((w, i) => {
      if (alphas[i]! > top) return expect(w).toBeNull();
      const want = solveDA(withAlpha(s, alphas[i]!), DIGITS, { saddle: false }).minimum!;
      expect(Math.abs(w!.w1 - want.w1.toNumber())).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(want.w1.toNumber())));
      expect(Math.abs(w!.w2 - want.w2.toNumber())).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(want.w2.toNumber())));
    });
    expect(() => continueDA(s, [top * 0.5, top * 0.1])).toThrow('continueDA needs ascending α');
  });
  it('next to the fold (α within 1e−24 of α_fold) minimum and saddle keep the requested digits: 30 digits agree with 60 to 1e−25', () => {
    const fold = daFold(s, 60);
    const a = new Decimal(fold.alpha).times(new Decimal(1).minus('1e-24')).toSignificantDigits(40);
    const at30 = solveDA(withAlpha(s, a), 30), at60 = solveDA(withAlpha(s, a), 60);
    for (const k of ['minimum', 'saddle'] as const) {
      expect(close(at30[k]!.w1, at60[k]!.w1, 1e-25), `${k} w1: ${at30[k]!.w1} vs ${at60[k]!.w1}`).toBe(true);
      expect(close(at30[k]!.w2, at60[k]!.w2, 1e-25), `${k} w2`).toBe(true);
    }
  });
});
