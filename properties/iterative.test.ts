/** C3.first-order and C3.stabilisation: the two-step map of theory/iterative.ts. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedPoints, iterateOnce, mapSlope, runIteration } from '../theory/iterative.ts';
import { lambertW0f64 } from '../theory/lambertw.ts';
import { fcParams, seedTag } from './seed.ts';

/** c_R ∈ (0, 1], c_F a fraction of it, λ ∈ [1e−3, 1] (log-uniform), by construction. */
const params = fc.tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: -3, max: 0, noNaN: true })).map(([cR, f, l]) => ({ cR, cF: f * cR, lambda: 10 ** l }));

describe('iterative descent-ascent', () => {
  it(`C3: for all parameters and η with ηλ < 1, every reported fixed point satisfies T(w) = w and its stability is |T′(w)| < 1 ${seedTag}`, () => {
    fc.assert(
      fc.property(params, fc.double({ min: -3, max: -1, noNaN: true }), (p, le) => {
        const eta = Math.min(10 ** le, 0.5 / p.lambda);
        const fp = fixedPoints({ ...p, eta }, 25, 1500);
        expect(fp.points.length).toBeGreaterThan(0); // G changes sign between a and b (see the module header)
        for (const x of fp.points) {
          const w = x.w.toNumber();
          expect(Math.abs(iterateOnce(w, { ...p, eta }) - w)).toBeLessThan(1e-9 * (1 + Math.abs(w)));
          expect(x.stable).toBe(Math.abs(mapSlope(w, { ...p, eta })) < 1);
        }
      }),
      fcParams({ quick: 60, full: 1000 }),
    );
  });

  it(`C3.first-order: for all parameters with (c_R − c_F)/(2λ) ≥ −1/e, halving η halves the distance of the nearby stable fixed point to W((c_R − c_F)/(2λ)) (first order) ${seedTag}`, () => {
    fc.assert(
      fc.property(params, (p0) => {
        // keep the doubled-ridge argument above −1/e by construction
        const p = { ...p0, cF: Math.min(p0.cF, p0.cR + (2 * p0.lambda) / Math.E * 0.9) };
        const limit = lambertW0f64((p.cR - p.cF) / (2 * p.lambda));
        const dist = (eta: number): number => {
          const pts = fixedPoints({ ...p, eta }, 30, 3000).points.filter((x) => x.stable).map((x) => Math.abs(x.w.toNumber() - limit));
          return Math.min(...pts);
        };
        const eta = Math.min(0.004, 0.05 / p.lambda);
        const r = dist(eta) / dist(eta / 2);
        expect(r).toBeGreaterThan(1.7);
        expect(r).toBeLessThan(2.3);
      }),
      fcParams({ quick: 25, full: 400 }),
    );
  });

  it('C3.stabilisation: where simultaneous DA has no minimum, iterating from w_D stops at a stable fixed point for small η', () => {
    // |R| = 1000, |F| = 100, |R_j| = 50, α = 0.12, λ = 0.01: z = (c_R − c_F)/λ = −1 < −1/e
    const p = { cR: 0.05, cF: 0.06, lambda: 0.01, eta: 0.1 };
    const wD = lambertW0f64((1.12 * 50) / (0.01 * 1100));
    const run = runIteration(wD, p, 1_000_000);
    expect(run.status).toBe('converged');
    const fp = fixedPoints(p, 30).points.filter((x) => x.stable);
    expect(fp).toHaveLength(1);
    expect(Math.abs(run.w - fp[0]!.w.toNumber())).toBeLessThan(1e-10);
    expect(run.w).toBeLessThan(-3); // far on the wrong side: the harm of Lemma 3 remains
  });
});
