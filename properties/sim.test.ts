/**
 * The CPU simulation engine against theory: gradient descent on each objective ends where the
 * closed forms say (exponential loss), diverges in App. E case 3, iterative DA stops at the
 * stable fixed point of theory/iterative.ts, and worker threads change nothing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCpu, sharedBatch } from '../empirics/sim/cpu.ts';
import { lambertW0f64 } from '../theory/lambertw.ts';
import { fixedPoints } from '../theory/iterative.ts';
import { fcParams, seedTag } from './seed.ts';

/** c_R, c_F, λ by construction; case chosen by the caller through the ratio c_F/c_R. */
const coeffs = (lo: number, hi: number) =>
  fc.tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: -2.5, max: 0.5, noNaN: true })).map(([cR, ratio, l]) => ({ cR, cF: ratio * cR, lambda: 10 ** l }));

describe('simulation engine (cpu)', () => {
  it(`for all configurations in App. E case 1, GD on D, R and DA from w_D ends at Lemma 2's closed forms ${seedTag}`, async () => {
    await fc.assert(
      fc.asyncProperty(coeffs(0, 0.9), async ({ cR, cF, lambda }) => {
        const b = sharedBatch(3, true);
        // the original model's coefficient: c_D = (1+α)|R_j|/|D| lies between c_R's scale and it; 1.045·c_R is one valid value
        const cD = 1.045 * cR;
        const targets = [lambertW0f64(cD / lambda), lambertW0f64(cR / lambda), lambertW0f64((cR - cF) / lambda)];
        const cs: [number, number][] = [[cD, 0], [cR, 0], [cR, cF]];
        cs.forEach(([p, n], k) => {
          b.cP[k] = p;
          b.cN[k] = n;
          b.lambda[k] = lambda;
          b.start[k] = targets[0]!;
          // stable step: below 2/f″ on the path; f″ = c·e^{−w} + λ is largest at the smallest w visited
          b.eta![k] = 0.9 / ((p - n) * Math.exp(-Math.min(targets[k]!, targets[0]!)) + lambda);
        });
        const r = await runCpu(b, { objective: 'DA', loss: 'exponential', eta: 0, steps: 2_000_000 });
        for (let k = 0; k < 3; k++) {
          expect(r.status[k]).toBe(1);
          expect(Math.abs(r.w[k]! - targets[k]!)).toBeLessThan(1e-9 * (1 + Math.abs(targets[k]!)));
        }
      }),
      fcParams({ quick: 40, full: 500 }),
    );
  });

  it(`for all configurations with (c_R − c_F)/λ < −1/e (App. E case 3), GD on simultaneous DA diverges ${seedTag}`, async () => {
    await fc.assert(
      fc.asyncProperty(coeffs(1.01, 3), fc.double({ min: 0, max: 1, noNaN: true }), async ({ cR, cF }, u) => {
        // λ below |c|·e so that z = (c_R − c_F)/λ < −1/e, by construction
        const lambda = (cF - cR) * Math.E * (0.05 + 0.9 * u);
        const b = sharedBatch(1);
        b.cP[0] = cR;
        b.cN[0] = cF;
        b.lambda[0] = lambda;
        b.start[0] = 1;
        const r = await runCpu(b, { objective: 'DA', loss: 'exponential', eta: 0.1 / lambda, steps: 1_000_000 });
        expect(r.status[0]).toBe(2);
        expect(r.w[0]! < -1e8 || !Number.isFinite(r.w[0]!)).toBe(true);
      }),
      fcParams({ quick: 40, full: 500 }),
    );
  });

  it(`for all configurations, iterative DA that converges stops at a stable fixed point of the two-step map ${seedTag}`, async () => {
    await fc.assert(
      fc.asyncProperty(coeffs(0, 2), async ({ cR, cF, lambda }) => {
        const eta = Math.min(0.2, 0.5 / lambda);
        const b = sharedBatch(1);
        b.cP[0] = cR;
        b.cN[0] = cF;
        b.lambda[0] = lambda;
        b.start[0] = 1;
        const r = await runCpu(b, { objective: 'DA-iterative', loss: 'exponential', eta, steps: 3_000_000 });
        if (r.status[0] !== 1) return; // diverging or slow runs are judged elsewhere (C3.stabilisation)
        const fps = fixedPoints({ cR, cF, lambda, eta }, 20).points.filter((p) => p.stable).map((p) => p.w.toNumber());
        expect(Math.min(...fps.map((f) => Math.abs(f - r.w[0]!)))).toBeLessThan(1e-8 * (1 + Math.abs(r.w[0]!)));
      }),
      fcParams({ quick: 30, full: 400 }),
    );
  });

  it('two worker threads give bitwise the same results as one thread', async () => {
    const n = 4096;
    const b = sharedBatch(n);
    for (let k = 0; k < n; k++) {
      b.cP[k] = 0.05;
      b.cN[k] = (0.08 * k) / n;
      b.lambda[k] = 0.01;
      b.start[k] = 1.3;
    }
    const one = await runCpu(b, { objective: 'DA', loss: 'logistic', eta: 0.5, steps: 3000, workers: 1 });
    const two = await runCpu(b, { objective: 'DA', loss: 'logistic', eta: 0.5, steps: 3000, workers: 2 });
    expect(Buffer.from(two.w.buffer).equals(Buffer.from(one.w.buffer))).toBe(true);
    expect([...two.status]).toEqual([...one.status]);
  });
});
