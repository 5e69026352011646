/** 2-D setting (Sec. 5.1.2, App. H): the objectives are Eq. (1)'s, and their minima are minima. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derivative, parse } from 'mathjs';
import { coefficients2d, solveConvex, solveDA, type Objective2d } from '../theory/logistic2d.ts';
import { lambertW } from '../theory/lambertw.ts';
import { fcParams, seedTag } from './seed.ts';

/** Eq. (1) restricted to (w1, w2): r retain samples (1, ε), αr forget samples (ε, 1), labels +1. */
const EQ1: Record<Objective2d, string> = {
  D: '(1/(R+F)) * (r*exp(-(w1 + e*w2)) + (alpha*r)*exp(-(e*w1 + w2))) + (lambda/2)*(w1^2 + w2^2)',
  R: '(1/R) * (r*exp(-(w1 + e*w2))) + (lambda/2)*(w1^2 + w2^2)',
  DA: '(1/R) * (r*exp(-(w1 + e*w2))) - (1/F) * ((alpha*r)*exp(-(e*w1 + w2))) + (lambda/2)*(w1^2 + w2^2)',
};

const config = fc.record({
  R: fc.integer({ min: 10, max: 100000 }),
  Ffrac: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  rfrac: fc.double({ min: 0.001, max: 1, noNaN: true }),
  lambda: fc.double({ min: -5, max: 1, noNaN: true }).map((l) => 10 ** l),
  eps: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  u: fc.double({ min: 0, max: 1, noNaN: true }),
}).map(({ R, Ffrac, rfrac, lambda, eps, u }) => {
  const F = Math.max(1, Math.round((Ffrac * R) / (1 - Ffrac)));
  const Rij = Math.max(1, Math.round(rfrac * R));
  return { R, F, Rij, lambda, eps, alpha: (u * F) / Rij };
});

describe('2-D objectives and their minima', () => {
  for (const obj of ['D', 'R', 'DA'] as Objective2d[]) {
    it(`L6/L7/L8 (${obj}): for all configurations and (w1, w2), the gradient and Hessian used equal mathjs's symbolic derivatives of Eq. (1) ${seedTag}`, () => {
      const node = parse(EQ1[obj]);
      const d1 = derivative(node, 'w1'), d2 = derivative(node, 'w2');
      const [g1, g2, h11, h12, h22] = [d1, d2, derivative(d1, 'w1'), derivative(d1, 'w2'), derivative(d2, 'w2')].map((n) => n.compile());
      fc.assert(
        fc.property(config, fc.double({ min: -3, max: 6, noNaN: true }), fc.double({ min: -3, max: 6, noNaN: true }), (c, w1, w2) => {
          const { A, B } = coefficients2d(obj, c);
          const ex = A * Math.exp(-(w1 + c.eps * w2)), ey = B * Math.exp(-(c.eps * w1 + w2));
          const ours = [-ex - c.eps * ey + c.lambda * w1, -c.eps * ex - ey + c.lambda * w2, ex + c.eps ** 2 * ey + c.lambda, c.eps * (ex + ey), c.eps ** 2 * ex + ey + c.lambda];
          const scope = { ...c, r: c.Rij, e: c.eps, w1, w2 };
          const theirs = [g1, g2, h11, h12, h22].map((f) => f!.evaluate(scope) as number);
          const scale = Math.abs(ex) + Math.abs(ey) + c.lambda * (1 + Math.abs(w1) + Math.abs(w2));
          ours.forEach((v, i) => expect(Math.abs(v - theirs[i]!)).toBeLessThanOrEqual(1e-12 * scale));
        }),
        fcParams({ quick: 80, full: 2000 }),
      );
    });
  }

  it(`L6.retrain-closed-form: for all configurations, Newton's minimum of L_R is x = W((1+ε²)|R_ij|/(λ|R|)), y = 2εx/(1+ε²) ${seedTag}`, () => {
    fc.assert(
      fc.property(config, (c) => {
        const p = solveConvex('R', c, 30)!;
        expect(p.kind).toBe('min');
        const k = 1 + c.eps * c.eps;
        const x = lambertW(String((k * c.Rij) / (c.lambda * c.R)), 0, 20).toNumber();
        expect(Math.abs(p.x.toNumber() - x)).toBeLessThan(1e-12 * Math.max(1, x));
        expect(Math.abs(p.y.toNumber() - ((2 * c.eps) / k) * x)).toBeLessThan(1e-12 * Math.max(1, x));
      }),
      fcParams({ quick: 60, full: 1000 }),
    );
  });

  it(`L12/L9: for all configurations, L_D's minimum is a minimum, and DA's continued point (where it exists) is a minimum equal to L_R's at α = 0 ${seedTag}`, () => {
    fc.assert(
      fc.property(config, (c) => {
        expect(solveConvex('D', c, 25)!.kind).toBe('min');
        const da = solveDA(c, 25);
        if (da.point) expect(da.point.kind).toBe('min');
        else expect(da.foldAlpha).not.toBeNull();
        const at0 = solveDA({ ...c, alpha: 0 }, 25).point!;
        expect(at0.x.minus(solveConvex('R', c, 25)!.x).abs().toNumber()).toBeLessThan(1e-20);
      }),
      fcParams({ quick: 40, full: 600 }),
    );
  });
});
