/**
 * theory/logistic2d.ts's solvers pinned on their own: DA's two paths (the float64 warm start and the
 * decimal bracketing of the reduced equation) give the same points; solveDA's options and ends
 * (α = 0, α at or past the fold); solve2d is the three solvers, cached; the float64 damped Newton
 * from far starts (its Armijo backtracking) against the decimal minimum; rootF64's contract.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { coefficientsF64, configProblem2d, continueDA, daFold, daFoldF64, daPointF64, daTangentF64, gradHess2d, gradHessF64, lemma8, minimizeConvexF64, newtonF64, wFromXY, NonConvergenceError, rootF64, solve2d, solveConvex, solveDA, type Config2d, type Point2d, type Setting2d } from '../theory/logistic2d.ts';
import { relDiff, setting2d, withAlpha } from './twoD-common.ts';
import { decimalAt } from '../theory/lambertw.ts';
import { fcParams, seedTag } from './seed.ts';

const DIGITS = 30;
/** a matches b to `rel` relative to max(|b|, 1). */
const close = (a: Decimal, b: Decimal, rel = 1e-24): boolean => relDiff(a, b, 1) <= rel;
const samePoint = (p: Point2d, q: Point2d): boolean => close(p.w1, q.w1) && close(p.w2, q.w2) && p.kind === q.kind;
/** The top of DA's α range in the setting: the fold, or |F|/|R_ij| (α·|R_ij| ≤ |F|) where that is lower. */
const admissibleBelowFold = (s: Setting2d, fold: { alpha: Decimal }): Decimal => Decimal.min(fold.alpha, new Decimal(s.F).div(s.Rij));

describe('theory/logistic2d: DA', () => {
  it(`for all settings and α at a fraction t ∈ (0, 1) of the fold (or of |F|/|R_ij| where that is lower), then the warm-started and the bracketed paths give the same minimum (kind min, right of x*) and saddle (kind saddle, left of x*) ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(
      fc.property(setting2d, fc.integer({ min: 1, max: 999 }), (s, k) => {
        const fold = daFold(s, DIGITS);
        // below the fold and inside the setting (α·|R_ij| ≤ |F|)
        const top = admissibleBelowFold(s, fold);
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
    expect(asserted).toBe(fcParams({ quick: 12, full: 120 }).numRuns);
  });
  it(`for all settings with ε ∈ [0.5, 0.99] and α = α_fold·10^−k (k = 3 … 30), then both paths give the same saddle, also where it lies more than 1 left of x* (the bracketed path widens its first bracket [x* − 1, x*] by doubling: at least a third of the draws) ${seedTag}`, () => {
    let far = 0;
    fc.assert(
      fc.property(setting2d, fc.integer({ min: 50, max: 99 }), fc.integer({ min: 3, max: 30 }), (drawn, e, k) => {
        const s = { ...drawn, eps: `0.${e}` };
        const fold = daFold(s, DIGITS);
        const c = withAlpha(s, new Decimal(fold.alpha).times(new Decimal(10).pow(-k)).toSignificantDigits(6, Decimal.ROUND_DOWN));
        const warm = solveDA(c, DIGITS), cold = solveDA(c, DIGITS, { warmStart: false });
        expect(warm.saddle!.kind).toBe('saddle');
        expect(samePoint(warm.saddle!, cold.saddle!), `saddle at ${JSON.stringify(c)}`).toBe(true);
        if (fold.x.minus(warm.saddle!.x).gt(1)) far++;
      }),
      fcParams({ quick: 9, full: 90 }),
    );
    expect(far).toBeGreaterThanOrEqual(fcParams({ quick: 9, full: 90 }).numRuns! / 3);
  });
  it('lemma8: a bound whose W argument lies below −1/e is null (not undefined, not a throw)', () => {
    const b = lemma8({ R: '100', F: '10', Rij: '10', lambda: '0.01', eps: '0.5', alpha: '1' }, 30);
    expect(b.xArg.lt(-1 / Math.E) && b.yArg.lt(-1 / Math.E)).toBe(true);
    expect(b.xHi).toBeNull();
    expect(b.yHi).toBeNull();
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
  it(`for all settings and α at a fraction t ∈ (0, 1) of the fold, then newtonF64 (continueDA's corrector) from 1e−3 off DA's branch minimum returns it within 4 iterations, from its saddle returns null (H indefinite there), and from a start where e^{−x} overflows returns null ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.integer({ min: 1, max: 999 }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (s, k, u, v) => {
        const fold = daFoldF64(s);
        const alpha = (fold.alpha * k) / 1000;
        const c = withAlpha(s, alpha);
        const K = coefficientsF64('DA', c);
        const min = daPointF64(s, alpha, 'min', fold)!, saddle = daPointF64(s, alpha, 'saddle', fold)!;
        const at = `at ${JSON.stringify(c)}`;
        const got = newtonF64(K, { w1: min.w1 + 1e-3 * u, w2: min.w2 + 1e-3 * v });
        expect(got, `from near the minimum ${at}`).not.toBeNull();
        expect(got!.iterations).toBeLessThanOrEqual(4);
        for (const [g, w] of [[got!.w.w1, min.w1], [got!.w.w2, min.w2]] as const) expect(Math.abs(g - w), at).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(w)));
        expect(newtonF64(K, saddle), `from the saddle ${at}`).toBeNull();
        expect(newtonF64(K, { w1: -800, w2: 0 }), `from (−800, 0) ${at}`).toBeNull();
      }),
      fcParams({ quick: 60, full: 600 }),
    );
  });
  it(`for all settings and ε ∈ {1e−12, 1e−15, 2e−16}, then continueDA reaches α_fold·(1 − ε) (its corrector certifies every step up to the fold) at daPointF64's branch minimum ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.constantFrom(1e-12, 1e-15, 2e-16), (s, eps) => {
        const fold = daFoldF64(s);
        const alpha = fold.alpha * (1 - eps);
        const run = continueDA(s, [alpha], fold);
        const want = daPointF64(s, alpha, 'min', fold)!;
        // next to the fold w moves like √(α_fold − α): float64 resolves it to ~1e−8 there
        for (const [g, w] of [[run.states[0]!.w1, want.w1], [run.states[0]!.w2, want.w2]] as const) expect(Math.abs(g - w), `${JSON.stringify(s)} at 1 − ${eps} of the fold`).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(w)));
      }),
      fcParams({ quick: 30, full: 300 }),
    );
  });
  it('coefficientsF64 and the decimal solvers refuse an objective outside D, R, DA (a cast must not fall through to DA\'s coefficients)', () => {
    const c = { R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3', alpha: '0.1' };
    expect(() => coefficientsF64('X' as never, c)).toThrow(`unknown 2-D objective "X" (allowed: 'D', 'R', 'DA')`);
    expect(() => gradHess2d('' as never, c, 0, 0, 30)).toThrow(`unknown 2-D objective "" (allowed: 'D', 'R', 'DA')`);
  });
  it(`for all settings, α and starts with x = w1 + εw2 and y = εw1 + w2 in [−150, 400]² (far left e^{−x} ~ 1e65 and h11h22 − h12² formed from the entries keeps no correct digit; far right a full Newton step overshoots: Armijo backtracks), then minimizeConvexF64 (damped Newton) reaches the decimal minimum of L_D and L_R to 1e−12 ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -150, max: 400, noNaN: true }), fc.double({ min: -150, max: 400, noNaN: true }), fc.boolean(), (s, t, x, y, onD) => {
        const c = withAlpha(s, new Decimal(t).times(s.F).div(s.Rij).toSignificantDigits(8, Decimal.ROUND_DOWN));
        const obj = onD ? 'D' : 'R';
        const k = coefficientsF64(obj, c);
        const start = wFromXY(x, y, k.eps);
        const got = minimizeConvexF64(k, start);
        expect(got, `from (${start.w1}, ${start.w2}) on L_${obj} at ${JSON.stringify(c)}`).not.toBeNull();
        const want = solveConvex(obj, c, DIGITS);
        // the last Newton step is taken after the stop test: the result is the minimum to rounding (measured
        // worst 0.84 ulp of 1 + |w| over 3,000 draws), where stopping before it would leave up to 1e−13
        for (const [g, w] of [[got!.w1, want.w1], [got!.w2, want.w2]] as const) expect(Math.abs(g - w.toNumber()), `${g} vs ${w}`).toBeLessThanOrEqual(4 * Number.EPSILON * (1 + Math.abs(w.toNumber())));
      }),
      fcParams({ quick: 100, full: 1000 }),
    );
  });
  it('minimizeConvexF64 from (−300, 300) at λ = 1e−4, ε = 0.9 (e^{−x} ~ 1e13): the minimum, where h11h22 − h12² from the entries gave an ascent direction that Armijo accepted', () => {
    const c = { R: '10', F: '10', Rij: '10', lambda: '0.0001', eps: '0.9', alpha: '0' };
    const got = minimizeConvexF64(coefficientsF64('R', c), { w1: -300, w2: 300 });
    const want = solveConvex('R', c, DIGITS);
    expect(got).not.toBeNull();
    expect(Math.abs(got!.w1 - want.w1.toNumber())).toBeLessThanOrEqual(1e-12 * Math.abs(want.w1.toNumber()));
    expect(Math.abs(got!.w2 - want.w2.toNumber())).toBeLessThanOrEqual(1e-12 * Math.abs(want.w2.toNumber()));
  });
  it(`for all settings and points, then gradHessF64's det H and Newton step (expanded so that the a², b² terms cancel symbolically) are the decimal ones at 120 digits to 1e−12 ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('D', 'R', 'DA' as const), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), (s, t, obj, x, y) => {
        const c = withAlpha(s, new Decimal(t).times(s.F).div(s.Rij).toSignificantDigits(8, Decimal.ROUND_DOWN));
        const k = coefficientsF64(obj, c);
        const w = wFromXY(x, y, k.eps);
        // h11h22 − h12² loses up to ~50 digits here (a ~ 1e43, λ ~ 1e−6): the reference needs 120
        const f = gradHessF64(k, w.w1, w.w2), d = gradHess2d(obj, c, w.w1, w.w2, 120);
        const det = d.h11.times(d.h22).minus(d.h12.pow(2));
        const n1 = d.h22.times(d.g1).minus(d.h12.times(d.g2)).div(det).neg(), n2 = d.h11.times(d.g2).minus(d.h12.times(d.g1)).div(det).neg();
        const at = `at (${w.w1}, ${w.w2}) on L_${obj} of ${JSON.stringify(c)}`;
        expect(relDiff(new Decimal(f.det), det), `det H ${at}: ${f.det} vs ${det}`).toBeLessThanOrEqual(1e-12);
        const scale = Decimal.max(n1.abs(), n2.abs(), 1);
        expect(new Decimal(f.d1).minus(n1).abs().div(scale).toNumber(), `d1 ${at}: ${f.d1} vs ${n1}`).toBeLessThanOrEqual(1e-12);
        expect(new Decimal(f.d2).minus(n2).abs().div(scale).toNumber(), `d2 ${at}: ${f.d2} vs ${n2}`).toBeLessThanOrEqual(1e-12);
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
  });
  it('minimizeConvexF64\'s 200-iteration cap: far left, where e^{−x} dominates, each Newton step moves x by about 1, so from x = −190 it converges and from x = −200 it gives up (null) (with no cap it converges from there too)', () => {
    const k = coefficientsF64('R', { R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3', alpha: '0.1' });
    const want = minimizeConvexF64(k)!;
    expect(minimizeConvexF64(k, wFromXY(-190, 0, k.eps))).toEqual(want);
    expect(minimizeConvexF64(k, wFromXY(-200, 0, k.eps))).toBeNull();
  });
  it('minimizeConvexF64 refuses a non-convex objective (B < 0)', () => {
    expect(() => minimizeConvexF64({ A: 1, B: -1, eps: 0.3, lambda: 0.1 })).toThrow(/needs B ≥ 0/);
  });
  it(`rootF64's secant steps make it superlinear: for all roots r = m·10^k of e^{(x−r)/|r|} − 1, then from a bracket 0.5, 10 or 1e10 times |r| wide it evaluates f at most 6, 20 or 70 times (bisection alone needs ~53, ~57 and ~90 to reach 4 ulp) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -200, max: 200 }), fc.boolean(), fc.constantFrom(0, 1, 2), (m, k, neg, wide) => {
        const r = (neg ? -1 : 1) * m * 10 ** k;
        let evaluations = 0;
        const f = (x: number): number => {
          evaluations++;
          return Math.exp(Math.min(700, (x - r) / Math.abs(r))) - 1;
        };
        const span = Math.abs(r) * [0.5, 10, 1e10][wide]!;
        rootF64(f, r - span, r + span);
        expect(evaluations, `r = ${r}, bracket ±${span}`).toBeLessThanOrEqual([6, 20, 70][wide]!);
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
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
  it.each([
    [{ R: '1000', F: '200', Rij: '100', lambda: '0.01', eps: '0.5' }],
    [{ R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3' }],
    [{ R: '10', F: '10', Rij: '1', lambda: '0.001', eps: '0.1' }],
  ])('continueDA on %j: the first step is α_fold/16 and every step doubles the next (each corrector converges within 4 iterations from the tangent predictor), so reaching each α takes exactly the steps that schedule allows', (set) => {
    const fold = daFoldF64(set);
    const schedule = (targets: number[]): number => {
      let at = 0, h = fold.alpha / 16, n = 0;
      for (const target of targets) while (at < target) [at, h, n] = [Math.min(target, at + h), 2 * h, n + 1];
      return n;
    };
    for (const ts of [[0.5], [0.9], [0.999], [0.1, 0.5, 0.9, 0.999]]) {
      const targets = ts.map((t) => t * fold.alpha);
      const run = continueDA(set, targets, fold);
      expect(run.steps, `to ${ts.join(', ')} of α_fold`).toBe(schedule(targets));
    }
    // exactly at the fold: no state and no step
    expect(continueDA(set, [fold.alpha], fold)).toMatchObject({ states: [null], steps: 0 });
  });
  it('daPointF64\'s ends: α = 0 is L_R\'s minimum (no saddle), α at or past the fold has no point on either side, and below it the saddle is DA\'s saddle', () => {
    const set = { R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3' };
    const fold = daFoldF64(set);
    const lr = minimizeConvexF64(coefficientsF64('R', withAlpha(set, 0)))!;
    const at0 = daPointF64(set, 0, 'min', fold)!;
    expect(Math.abs(at0.w1 - lr.w1)).toBeLessThan(1e-13);
    expect(Math.abs(at0.w2 - lr.w2)).toBeLessThan(1e-13);
    expect(daPointF64(set, 0, 'saddle', fold)).toBeNull();
    for (const a of [fold.alpha, fold.alpha * 1.01]) for (const side of ['min', 'saddle'] as const) expect(daPointF64(set, a, side, fold)).toBeNull();
    const half = fold.alpha / 2, want = solveDA(withAlpha(set, half), DIGITS);
    for (const [side, p] of [['min', want.minimum!], ['saddle', want.saddle!]] as const) {
      const got = daPointF64(set, half, side, fold)!;
      expect(Math.abs(got.w1 - p.w1.toNumber()), side).toBeLessThan(1e-12 * (1 + Math.abs(p.w1.toNumber())));
      expect(Math.abs(got.w2 - p.w2.toNumber()), side).toBeLessThan(1e-12 * (1 + Math.abs(p.w2.toNumber())));
    }
  });
  it('L_R (B = 0) far from the data term\'s other direction (y = εw1 + w2 = −800, where e^{−y} overflows): B\'s term is skipped, not 0·∞ = NaN, and the damped Newton reaches the minimum', () => {
    const c = { R: '100', F: '10', Rij: '20', lambda: '0.01', eps: '0.3', alpha: '0' };
    const got = minimizeConvexF64(coefficientsF64('R', c), wFromXY(0, -800, 0.3));
    const want = solveConvex('R', c, DIGITS);
    expect(got).not.toBeNull();
    expect(Math.abs(got!.w1 - want.w1.toNumber())).toBeLessThan(1e-12 * want.w1.toNumber());
  });
  it(`for all settings and α at a fraction t ∈ [0.05, 0.9] of the fold, then continueDA's predictor daTangentF64 at DA's minimum is dw/dα, the central difference of the decimal minima at α ± 1e−6·α, to 1e−6 ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(
      fc.property(setting2d, fc.integer({ min: 5, max: 90 }), (set, k) => {
        const fold = daFold(set, DIGITS);
        const top = admissibleBelowFold(set, fold);
        const a = top.times(k).div(100).toSignificantDigits(8);
        const d = a.times('1e-6');
        const at = (x: Decimal) => solveDA(withAlpha(set, x), DIGITS, { saddle: false }).minimum!;
        const m = at(a), up = at(a.plus(d)), down = at(a.minus(d));
        const got = daTangentF64(set, a.toNumber(), { w1: m.w1.toNumber(), w2: m.w2.toNumber() });
        const want = [up.w1.minus(down.w1).div(d.times(2)).toNumber(), up.w2.minus(down.w2).div(d.times(2)).toNumber()];
        const scale = Math.max(Math.abs(want[0]!), Math.abs(want[1]!));
        expect(Math.abs(got.w1 - want[0]!), `dw1/dα at α = ${a} of ${JSON.stringify(set)}: ${got.w1} vs ${want[0]}`).toBeLessThanOrEqual(1e-6 * scale);
        expect(Math.abs(got.w2 - want[1]!), `dw2/dα: ${got.w2} vs ${want[1]}`).toBeLessThanOrEqual(1e-6 * scale);
        asserted++;
      }),
      fcParams({ quick: 10, full: 100 }),
    );
    expect(asserted).toBe(fcParams({ quick: 10, full: 100 }).numRuns);
  });
  it(`for all settings, then daFold is the fold to the requested digits: det H there is 0 to 10^−digits relative (at 30 and 60 digits), and 60 digits agree with 100 to 1e−58 (α_fold, x*, y*, w*) ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, (set) => {
        const [a, b] = [daFold(set, 60), daFold(set, 100)];
        for (const k of ['alpha', 'x', 'y', 'w1', 'w2'] as const) expect(close(a[k], b[k], 1e-58), `${k} of ${JSON.stringify(set)}: ${a[k]} vs ${b[k]}`).toBe(true);
        for (const d of [30, 60]) expect(daFold(set, d).relDetH.abs().lte(new Decimal(10).pow(-d)), `relative det H at ${d} digits of ${JSON.stringify(set)}: ${daFold(set, d).relDetH}`).toBe(true);
      }),
      fcParams({ quick: 6, full: 60 }),
    );
  });
  it(`for all settings whose fold lies inside the setting, then next to the fold (α = α_fold·(1 − 1e−24), 40 digits) solveDA at 30 digits finds the minimum and the saddle (the float64 warm start has no root on its side there and falls back to the decimal bracketing; it used to throw) and they keep the requested digits: 30 digits agree with 60 to 1e−25 ${seedTag}`, () => {
    // the global Decimal works at 20 digits: α must be formed at more, or it is the fold rounded to 20
    const D80 = decimalAt(80);
    let asserted = 0;
    fc.assert(
      fc.property(setting2d, (set) => {
        const fold = daFold(set, 60);
        if (new Decimal(fold.alpha).gte(new Decimal(set.F).div(set.Rij))) return;
        const a = new D80(fold.alpha).times(new D80(1).minus('1e-24')).toSignificantDigits(40);
        expect(a.sd(true)).toBeGreaterThan(30);
        const at30 = solveDA(withAlpha(set, a), 30), at60 = solveDA(withAlpha(set, a), 60);
        for (const k of ['minimum', 'saddle'] as const) {
          expect(at30[k], `${k} at ${a} of ${JSON.stringify(set)}`).not.toBeNull();
          expect(close(at30[k]!.w1, at60[k]!.w1, 1e-25), `${k} w1: ${at30[k]!.w1} vs ${at60[k]!.w1}`).toBe(true);
          expect(close(at30[k]!.w2, at60[k]!.w2, 1e-25), `${k} w2`).toBe(true);
        }
        asserted++;
      }),
      fcParams({ quick: 12, full: 120 }),
    );
    expect(asserted).toBeGreaterThanOrEqual(4);
  });
  it(`for all settings and α below the fold, then the warm path's Newton starts from the float64 point (2 or 3 iterations to 30 digits) and the bracketed path's from a root good to the working precision (1 iteration): the two paths are the ones their options name ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.integer({ min: 1, max: 999 }), (set, k) => {
        const fold = daFold(set, DIGITS);
        const top = admissibleBelowFold(set, fold);
        const c = withAlpha(set, top.times(k).div(1000).toSignificantDigits(6, Decimal.ROUND_DOWN));
        const warm = solveDA(c, DIGITS), cold = solveDA(c, DIGITS, { warmStart: false });
        for (const p of [warm.minimum!, warm.saddle!]) expect(p.iterations, `warm at ${JSON.stringify(c)}`).toBeGreaterThanOrEqual(2);
        for (const p of [cold.minimum!, cold.saddle!]) expect(p.iterations, `bracketed at ${JSON.stringify(c)}`).toBe(1);
      }),
      fcParams({ quick: 12, full: 120 }),
    );
  });
});
