/** T52.*: the toy of Sec. 5.2 — its gradient and Hessian are the derivatives of the loss as written. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derivative, parse } from 'mathjs';
import { classify, descendToMinimum, gradHess, LINKS, localMinima, loss, multiStartMinima, stationaryRadius, WEIGHTS, XS, YS } from '../theory/toy52.ts';
import { fcParams, seedTag } from './seed.ts';

/** L(a, b) written term by term as Sec. 5.2 states it, for mathjs to differentiate. */
function lossExpression(linkExpr: string, weights: readonly number[], lambda: number, normaliser?: number): string {
  const W = normaliser ?? weights.reduce((s, w) => s + w, 0);
  const terms = XS.map((x, i) => `${weights[i]} * ((${linkExpr.replaceAll('z', `(a*(${x}) + b*(${x})^2)`)}) - (${YS[i]}))^2`);
  return `(${terms.join(' + ')}) / ${W} + (${lambda}/2) * (a^2 + b^2)`;
}

describe('T52 toy', () => {
  for (const link of Object.values(LINKS)) {
    it(`T52.two-minima (${link.name}): for all (a, b) ∈ [−4, 4]², L, ∇L and the Hessian equal mathjs's symbolic ones ${seedTag}`, () => {
      const node = parse(lossExpression(link.expression, WEIGHTS.pretrain, 0.1));
      const dA = derivative(node, 'a'), dB = derivative(node, 'b');
      const [e, ga, gb, haa, hab, hbb] = [node, dA, dB, derivative(dA, 'a'), derivative(dA, 'b'), derivative(dB, 'b')].map((n) => n.compile());
      fc.assert(
        fc.property(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), (a, b) => {
          const p = { link, weights: WEIGHTS.pretrain, lambda: 0.1 };
          const { g, H } = gradHess(p, a, b);
          const s = { a, b };
          expect(loss(p, a, b)).toBeCloseTo(e!.evaluate(s) as number, 10);
          expect(g[0]).toBeCloseTo(ga!.evaluate(s) as number, 9);
          expect(g[1]).toBeCloseTo(gb!.evaluate(s) as number, 9);
          expect(H[0]).toBeCloseTo(haa!.evaluate(s) as number, 8);
          expect(H[1]).toBeCloseTo(hab!.evaluate(s) as number, 8);
          expect(H[2]).toBeCloseTo(hbb!.evaluate(s) as number, 8);
        }),
        fcParams({ quick: 60, full: 1000 }),
      );
    });
  }

  for (const link of Object.values(LINKS)) {
    it(`T52 probes (${link.name}): for all (a, b) ∈ [−4, 4]², the GDA loss divided by |D| = 14 has mathjs's symbolic gradient ${seedTag}`, () => {
      const node = parse(lossExpression(link.expression, WEIGHTS.gda, 0.1, 14));
      const [ga, gb] = [derivative(node, 'a'), derivative(node, 'b')].map((n) => n.compile());
      fc.assert(
        fc.property(fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), (a, b) => {
          const { g } = gradHess({ link, weights: WEIGHTS.gda, lambda: 0.1, normaliser: 14 }, a, b);
          expect(g[0]).toBeCloseTo(ga!.evaluate({ a, b }) as number, 9);
          expect(g[1]).toBeCloseTo(gb!.evaluate({ a, b }) as number, 9);
        }),
        fcParams({ quick: 30, full: 500 }),
      );
    });
  }

  it(`T52.two-minima: for all links, objectives and λ ∈ [0.05, 0.5], the multi-start descent over the stationary disc finds exactly the grid scan's minima, and every stationary point met lies in that disc ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(LINKS)), fc.constantFrom(...Object.values(WEIGHTS)), fc.double({ min: 0.05, max: 0.5, noNaN: true }), (link, weights, lambda) => {
        const p = { link, weights, lambda };
        const scan = localMinima(p).minima;
        const multi = multiStartMinima(p, 6, 16);
        expect(multi.minima.length).toBe(scan.length);
        for (const m of multi.minima) {
          expect(scan.some((q) => Math.hypot(q.a - m.a, q.b - m.b) < 1e-6)).toBe(true);
          expect(Math.hypot(m.a, m.b)).toBeLessThan(stationaryRadius(p));
        }
      }),
      fcParams({ quick: 8, full: 120 }),
    );
  });

  it(`T52: for all starts (a, b) ∈ [−20, 20]², descent ends at a point with zero gradient and a positive-definite Hessian ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(LINKS)), fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true }), (link, a, b) => {
        const p = { link, weights: WEIGHTS.pretrain, lambda: 0.1 };
        const m = descendToMinimum(p, a, b);
        expect(m).not.toBeNull();
        expect(m!.eigenvalues[0]).toBeGreaterThan(0);
        expect(loss(p, m!.a, m!.b)).toBeLessThanOrEqual(loss(p, a, b) + 1e-12);
      }),
      fcParams({ quick: 40, full: 600 }),
    );
  });

  it('every reported minimum has zero gradient and a positive-definite Hessian; they are sorted by loss', () => {
    for (const link of Object.values(LINKS)) {
      for (const w of Object.values(WEIGHTS)) {
        const { minima } = localMinima({ link, weights: w, lambda: 0.1 });
        expect(minima.length).toBeGreaterThan(0);
        for (const m of minima) {
          const { g } = gradHess({ link, weights: w, lambda: 0.1 }, m.a, m.b);
          expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-10);
          expect(m.eigenvalues[0]).toBeGreaterThan(0);
        }
        for (let i = 1; i < minima.length; i++) expect(minima[i]!.loss).toBeGreaterThanOrEqual(minima[i - 1]!.loss);
      }
    }
  });

  it('classification counts are weighted: the paper\'s pretrained pattern x1, x2, x4 right gives 13 correct, 1 wrong on D', () => {
    // a = 1.3, b = −0.2: z = a·x + b·x² = (−1.5, 1.1, 2.1, 2.0): x3 (label −1) lands on the + side
    const c = classify(LINKS['tanh-half']!, 1.3, -0.2, WEIGHTS.pretrain);
    expect(c.correct).toEqual([true, true, false, true]);
    expect([c.nCorrect, c.nWrong]).toEqual([13, 1]);
  });
});
