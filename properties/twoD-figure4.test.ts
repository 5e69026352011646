/**
 * Figure 4 and App. I: the structure the F4, L9, L10 and AI checks rely on.
 *  - along α, x_D and y_D rise while DA's branch minimum falls, so the exact ordering set is one
 *    interval, and the guaranteed window lies inside it;
 *  - α_{R>D} ≤ α_y ≤ 2ε|F|/((1+ε²)|R|) (why Lemma 10 stays in α < 1 when |F| ≤ |R|);
 *  - App. I's Eqs. 9 and 14 approach the exact solutions at the rates the AI check states.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { alphaRbeatsD, continueDA, daFoldF64, minimizeConvexF64, coefficientsF64, type WF64 } from '../theory/logistic2d.ts';
import { figure4Row } from '../theory/figure4.ts';
import { appendixIPoint } from '../theory/appendixI.ts';
import { setting2d } from './twoD-arbitraries.ts';
import { fcParams, seedTag } from './seed.ts';

describe('Figure 4 and App. I', () => {
  it(`F4.harm-window: for all configurations and ε, then along DA's branch x_D, y_D rise and x_DA, y_DA fall with α, the exact ordering set is at most one interval, and it contains the guaranteed window ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, (s) => {
        const eps = Number(s.eps);
        const fold = daFoldF64(s);
        const top = Math.min(fold.alpha, Number(s.F) / Number(s.Rij));
        const alphas = Array.from({ length: 40 }, (_, i) => (top * (i + 0.5)) / 40);
        const branch = continueDA(s, alphas, fold);
        let warm: WF64 | undefined;
        const D = alphas.map((a) => (warm = minimizeConvexF64(coefficientsF64('D', { ...s, alpha: String(a) }), warm)!));
        const coords = (w: WF64): [number, number] => [w.w1 + eps * w.w2, eps * w.w1 + w.w2];
        for (let i = 1; i < alphas.length; i++) {
          const [x0, y0] = coords(D[i - 1]!), [x1, y1] = coords(D[i]!);
          expect(x1).toBeGreaterThanOrEqual(x0 - 1e-12 * Math.abs(x0));
          expect(y1).toBeGreaterThanOrEqual(y0 - 1e-12 * Math.abs(y0));
          const [a0, b0] = coords(branch.states[i - 1]!), [a1, b1] = coords(branch.states[i]!);
          expect(a1).toBeLessThanOrEqual(a0 + 1e-12 * Math.abs(a0));
          expect(b1).toBeLessThanOrEqual(b0 + 1e-12 * Math.abs(b0));
        }
        const row = figure4Row(s, eps, 41, 20);
        expect(row.exact.length).toBeLessThanOrEqual(1);
        expect(row.contained).not.toBe(false);
      }),
      fcParams({ quick: 40, full: 600 }),
    );
  });

  it(`L10.oracle-beats-original: for all configurations (any |F|/|R|), then α_{R>D} ≤ α_y ≤ 2ε|F|/((1+ε²)|R|), so α_{R>D} < 1 whenever |F| ≤ |R| ${seedTag}`, () => {
    fc.assert(
      fc.property(setting2d, fc.double({ min: 0.05, max: 20, noNaN: true }), (s0, ratio) => {
        const s = { ...s0, F: String(Math.max(1, Math.round(Number(s0.R) * ratio))) };
        const th = alphaRbeatsD(s, 30);
        const e = new Decimal(s.eps);
        const bound = e.times(2).times(s.F).div(e.pow(2).plus(1).times(s.R));
        expect(th.alpha.lte(th.alphaY)).toBe(true);
        expect(th.alphaY.lte(bound.times(1 + 1e-25))).toBe(true);
      }),
      fcParams({ quick: 60, full: 1000 }),
    );
  });

  it(`AI.near-one: for all λ|R| in [0.01, 10] and 1 − ε ≤ 0.01·λ|R|/√(8e), then dividing 1 − ε by 10 divides Eq. 9's error by ≥ 9 and Eq. 14's relative error by ≥ 80 ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 1, noNaN: true }), fc.integer({ min: 2, max: 200 }), fc.double({ min: 1.2, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 1, noNaN: true }), (lgLR, R, dOverR, u) => {
        const lambda = Number((10 ** lgLR / R).toPrecision(6));
        const c = { lambda: String(lambda), R: String(R), D: String(Math.round(R * dOverR) + 1) };
        const d0 = Number(((0.01 * lambda * R) / Math.sqrt(8 * Math.E) * u).toPrecision(6));
        const [a, b] = [d0, d0 / 10].map((d) => appendixIPoint(c, new Decimal(1).minus(d).toString(), 30));
        expect(a!.eq9Error / b!.eq9Error).toBeGreaterThan(9);
        expect(a!.eq14RelError! / b!.eq14RelError!).toBeGreaterThan(80);
      }),
      fcParams({ quick: 15, full: 200 }),
    );
  });
});
