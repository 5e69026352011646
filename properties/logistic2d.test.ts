/**
 * 2-D setting (Sec. 5.1.2, App. H): the objectives are Eq. (1)'s, their stationary points are what
 * theory/logistic2d.ts says (kinds by the Hessian, exactly two DA points below the fold, none above),
 * and they agree with an independent mpmath computation (tests/vectors/logistic2d.json, from
 * scripts/gen-logistic2d-vectors.py).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { all, create, derivative, parse } from 'mathjs';
import {
  coefficientsF64,
  continueDA,
  daFold,
  gradHess2d,
  gradHessF64,
  lemma6,
  solveConvex,
  solveDA,
  type Config2d,
  type Objective2d,
  type Setting2d,
} from '../theory/logistic2d.ts';
import { unit } from './arbitraries.ts';
import { setting2d } from './twoD-arbitraries.ts';
import { fcParams, seedTag } from './seed.ts';

const withAlpha = (s: Setting2d, alpha: Decimal.Value): Config2d => ({ ...s, alpha: new Decimal(alpha).toSignificantDigits(20).toString() });

/** A configuration with α = u·top where top = min(DA's fold, |F|/|R_ij|): DA's minimum exists. */
const belowFold = fc.tuple(setting2d, fc.double({ min: 0.001, max: 0.999, noNaN: true })).map(([s, u]) => {
  const top = Decimal.min(daFold(s, 30).alpha, new Decimal(s.F).div(s.Rij));
  return withAlpha(s, top.times(u));
});

/** Eq. (1) restricted to (w1, w2): r retain samples (1, ε), αr forget samples (ε, 1), labels +1. */
const EQ1: Record<Objective2d, string> = {
  D: '(1/(R+F)) * (r*exp(-(w1 + e*w2)) + (alpha*r)*exp(-(e*w1 + w2))) + (lambda/2)*(w1^2 + w2^2)',
  R: '(1/R) * (r*exp(-(w1 + e*w2))) + (lambda/2)*(w1^2 + w2^2)',
  DA: '(1/R) * (r*exp(-(w1 + e*w2))) - (1/F) * ((alpha*r)*exp(-(e*w1 + w2))) + (lambda/2)*(w1^2 + w2^2)',
};

const big = create(all!, { number: 'BigNumber', precision: 70 });

describe('2-D objectives and their stationary points', () => {
  for (const obj of ['D', 'R', 'DA'] as Objective2d[]) {
    it(`L6/L7/L8 kernel (${obj}): for all configurations and (w1, w2), then the analytic ∇L and H equal mathjs's symbolic derivatives of Eq. (1), in 70-digit BigNumber and in float64 ${seedTag}`, () => {
      const node = parse(EQ1[obj]);
      const d1 = derivative(node, 'w1'), d2 = derivative(node, 'w2');
      const exprs = [d1, d2, derivative(d1, 'w1'), derivative(d1, 'w2'), derivative(d2, 'w2')].map((n) => n.toString());
      const compiledBig = exprs.map((x) => big.compile(x));
      const compiled = exprs.map((x) => parse(x).compile());
      fc.assert(
        fc.property(setting2d, unit, fc.double({ min: -3, max: 6, noNaN: true }), fc.double({ min: -3, max: 6, noNaN: true }), (s, u, w1, w2) => {
          const c = withAlpha(s, new Decimal(s.F).div(s.Rij).times(u));
          const scope = { R: c.R, F: c.F, r: c.Rij, alpha: c.alpha, lambda: c.lambda, e: c.eps, w1: String(w1), w2: String(w2) };
          const bigScope = Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, big.bignumber(v)]));
          const ours = gradHess2d(obj, c, w1, w2, 50);
          const oursList = [ours.g1, ours.g2, ours.h11, ours.h12, ours.h22];
          const scale = oursList.reduce((m, v) => Decimal.max(m, v.abs()), new Decimal(1e-300));
          compiledBig.forEach((f, i) => {
            const theirs = new Decimal((f.evaluate(bigScope) as { toString(): string }).toString());
            expect(oursList[i]!.minus(theirs).abs().div(scale).toNumber()).toBeLessThan(1e-45);
          });
          const k = coefficientsF64(obj, c);
          const f64 = gradHessF64(k, w1, w2);
          const numScope = Object.fromEntries(Object.entries(scope).map(([kk, v]) => [kk, Number(v)]));
          [f64.g1, f64.g2, f64.h11, f64.h12, f64.h22].forEach((v, i) => expect(Math.abs(v - (compiled[i]!.evaluate(numScope) as number))).toBeLessThanOrEqual(1e-12 * scale.toNumber()));
        }),
        fcParams({ quick: 30, full: 500 }),
      );
    });
  }

  it(`L6.retrain-closed-form: for all configurations, then Newton's minimum of L_R (no Lambert W) is a minimum equal to x = W((1+ε²)|R_ij|/(λ|R|)), y = 2εx/(1+ε²) ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, (s) => {
        const p = solveConvex('R', withAlpha(s, 0), 40);
        expect(p.kind).toBe('min');
        const cf = lemma6(s, 40);
        expect(p.x.minus(cf.x).abs().div(cf.x).toNumber()).toBeLessThan(1e-35);
        expect(p.y.minus(cf.y).abs().div(cf.y).toNumber()).toBeLessThan(1e-35);
      }),
      fcParams({ quick: 40, full: 1000 }),
    );
  });

  it(`L12.original-order: for all configurations and α in [0, |F|/|R_ij|], then L_D's stationary point is a minimum, and y_D < x_D iff α < 1 ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, unit, (s, u) => {
        const c = withAlpha(s, new Decimal(s.F).div(s.Rij).times(u));
        const p = solveConvex('D', c, 30);
        expect(p.kind).toBe('min');
        expect(p.y.lt(p.x)).toBe(new Decimal(c.alpha).lt(1));
      }),
      fcParams({ quick: 40, full: 1000 }),
    );
  });

  it(`L8/L9 (DA's stationary points): for all configurations and α below DA's fold, then DA has exactly a minimum (x > x*) and a saddle (x < x*), with y < x at both; at the fold det H = 0; and float64 Newton from a grid of starts finds no other stationary point, and none at all above the fold ${seedTag}`, () => {
    fc.assert(
      fc.property(belowFold, (c) => {
        const sol = solveDA(c, 30);
        const min = sol.minimum!, sad = sol.saddle!;
        expect(min.kind).toBe('min');
        expect(sad.kind).toBe('saddle');
        expect(min.x.gt(sol.fold.x) && sad.x.lt(sol.fold.x)).toBe(true);
        expect(min.y.lt(min.x) && sad.y.lt(sad.x)).toBe(true);
        expect(sol.fold.relDetH.abs().toNumber()).toBeLessThan(1e-20);
        const known = [min, sad].map((p) => [p.w1.toNumber(), p.w2.toNumber()] as const);
        const found = newtonFromGrid(c, known);
        const near = (w: readonly [number, number], k: readonly [number, number]): boolean => Math.hypot(w[0] - k[0], w[1] - k[1]) <= 1e-6 * (1 + Math.hypot(k[0], k[1]));
        for (const w of found) expect(known.some((k) => near(w, k))).toBe(true);
        expect(found.some((w) => near(w, known[0]!))).toBe(true);
        const above = withAlpha(c, sol.fold.alpha.times('1.001'));
        if (new Decimal(above.alpha).times(c.Rij).lte(c.F)) {
          expect(solveDA(above, 30).minimum).toBeNull();
          expect(newtonFromGrid(above, known)).toEqual([]);
        }
      }),
      fcParams({ quick: 25, full: 400 }),
    );
  });

  it(`L8/L9 (continuation): for all configurations and ascending α below the fold, then DA's float64 continuation in α equals the decimal branch minimum ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.array(fc.double({ min: 0.001, max: 0.9999, noNaN: true }), { minLength: 1, maxLength: 5 }), (s, us) => {
        const top = Decimal.min(daFold(s, 30).alpha, new Decimal(s.F).div(s.Rij));
        const alphas = [...us].sort((a, b) => a - b).map((u) => Number(top.times(u).toSignificantDigits(15)));
        const cont = continueDA(s, alphas);
        alphas.forEach((a, i) => {
          const p = solveDA(withAlpha(s, a), 30, { saddle: false }).minimum!;
          const w = cont.states[i]!;
          const scale = 1 + Math.hypot(p.w1.toNumber(), p.w2.toNumber());
          // float64 near the fold resolves w only to ~1e−16·cond(H)
          const gap = 1 - a / top.toNumber();
          const tol = Math.max(1e-9, 1e-15 / Math.sqrt(Math.max(gap, 1e-30)));
          expect(Math.hypot(w.w1 - p.w1.toNumber(), w.w2 - p.w2.toNumber())).toBeLessThan(tol * scale);
        });
      }),
      fcParams({ quick: 25, full: 400 }),
    );
  });

  it(`L6/L7/L8 reference: for every mpmath vector (tests/vectors/logistic2d.json), then the decimal minima of L_D, L_R, DA's minimum, saddle and fold agree to 45 digits ${seedTag}`, () => {
    const vectors = JSON.parse(readFileSync(new URL('../tests/vectors/logistic2d.json', import.meta.url), 'utf8')) as { cases: (Config2d & Record<'minD' | 'minR' | 'minDA' | 'saddleDA', { w1: string; w2: string }> & { foldAlpha: string })[] };
    expect(vectors.cases.length).toBeGreaterThan(10);
    for (const v of vectors.cases) {
      const c: Config2d = { R: v.R, F: v.F, Rij: v.Rij, alpha: v.alpha, lambda: v.lambda, eps: v.eps };
      const da = solveDA(c, 50);
      const pairs: [string, { w1: Decimal; w2: Decimal } | null, { w1: string; w2: string }][] = [
        ['D', solveConvex('D', c, 50), v.minD],
        ['R', solveConvex('R', c, 50), v.minR],
        ['DA min', da.minimum, v.minDA],
        ['DA saddle', da.saddle, v.saddleDA],
      ];
      for (const [name, p, ref] of pairs) {
        expect(p, name).not.toBeNull();
        for (const k of ['w1', 'w2'] as const) expect(p![k].minus(ref[k]).abs().div(Decimal.max(new Decimal(ref[k]).abs(), 1e-30)).toNumber(), `${name} ${k}`).toBeLessThan(1e-45);
      }
      expect(da.fold.alpha.minus(v.foldAlpha).abs().div(v.foldAlpha).toNumber()).toBeLessThan(1e-45);
    }
  });
});

/**
 * Stationary points float64 Newton reaches from a 9 × 9 grid of starts around the known ones (and
 * the origin): at most 60 undamped steps, converged when |∇L| ≤ 1e−10 of its terms' size (finite),
 * and kept only if the 30-digit gradient there is below 1e−9 of its terms' size too.
 */
function newtonFromGrid(c: Config2d, around: readonly (readonly [number, number])[]): [number, number][] {
  const k = coefficientsF64('DA', c);
  const xs = around.flatMap((p) => [p[0], p[1]]);
  const span = Math.max(2, ...xs.map(Math.abs)) * 1.5;
  const found: [number, number][] = [];
  for (let i = 0; i < 9; i++) {
    for (let j = 0; j < 9; j++) {
      let w1 = -span + (2 * span * i) / 8, w2 = -span + (2 * span * j) / 8;
      for (let it = 0; it < 60; it++) {
        const t = gradHessF64(k, w1, w2);
        const det = t.h11 * t.h22 - t.h12 * t.h12;
        w1 -= (t.h22 * t.g1 - t.h12 * t.g2) / det;
        w2 -= (t.h11 * t.g2 - t.h12 * t.g1) / det;
        if (!Number.isFinite(w1) || !Number.isFinite(w2)) break;
        const e = gradHessF64(k, w1, w2);
        const size = k.lambda * Math.hypot(w1, w2) + Math.abs(e.h11) + Math.abs(e.h22);
        if (!Number.isFinite(size)) break;
        if (Math.hypot(e.g1, e.g2) <= 1e-10 * size) {
          // a float64 hit counts only if the 30-digit gradient confirms it (overflow and cancellation can fake one)
          const g = gradHess2d('DA', c, w1, w2, 30);
          const terms = g.h11.abs().plus(g.h22.abs()).plus(new Decimal(k.lambda).times(Math.hypot(w1, w2)));
          if (Decimal.max(g.g1.abs(), g.g2.abs()).div(terms).lt(1e-9)) found.push([w1, w2]);
          break;
        }
      }
    }
  }
  return found;
}
