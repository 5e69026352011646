/**
 * The bootstrap kernel (empirics/metrics/klomBootstrap.ts) against klomPerSample on explicitly
 * resampled model lists, and the influence-matrix PCs (empirics/unlearn/influencePCs.ts) against a
 * dense eigen-decomposition built independently here (Jacobi on the whole matrix).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { klomPerSample } from '../empirics/metrics/klom.ts';
import { draws, identity, panel, percentileInterval, resampledKlomPerSample } from '../empirics/metrics/klomBootstrap.ts';
import { influenceGram, jacobiEigen, topEigen, fixSign } from '../empirics/unlearn/influencePCs.ts';
import { seededUniform } from '../theory/sampling.ts';
import { compactNumberArrays } from '../empirics/unlearn/store.ts';
import { fcParams, seedTag } from './seed.ts';

/** margins with ties, clipping and equal-valued samples drawn by construction */
const marginMatrix = (models: number, samples: number) =>
  fc.array(fc.array(fc.oneof(fc.double({ min: -150, max: 150, noNaN: true }), fc.constantFrom(-100, 0, 1.5, 100, 200), fc.integer({ min: -3, max: 3 })), { minLength: samples, maxLength: samples }), { minLength: models, maxLength: models });

describe(`KLoM bootstrap kernel ${seedTag}`, () => {
  it('for all margin matrices and all index lists with repeats, then the kernel equals klomPerSample on the resampled lists bit for bit', () => {
    let asserted = 0;
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }).chain((s) => fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 })).chain(([nu, no]) => fc.tuple(
        marginMatrix(nu, s), marginMatrix(no, s),
        fc.array(fc.nat({ max: nu - 1 }), { minLength: 1, maxLength: 12 }), fc.array(fc.nat({ max: no - 1 }), { minLength: 1, maxLength: 12 })))),
      ([u, o, du, dO]) => {
        const got = resampledKlomPerSample(panel(u, 'unlearned'), du, panel(o, 'oracle'), dO);
        const want = klomPerSample(du.map((i) => u[i]!), dO.map((i) => o[i]!));
        expect(Array.from(got)).toEqual(Array.from(want));
        asserted++;
      }), fcParams({ quick: 300, full: 5000 }));
    expect(asserted).toBeGreaterThanOrEqual(300);
  });

  it('for all ranges [lo, hi] and margins placed exactly on the bin edges numpy.linspace gives (where the division\'s guess is one bin short), then the kernel still bins as klomPerSample does', () => {
    let asserted = 0;
    fc.assert(fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: 1e-3, max: 10, noNaN: true }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 12 }),
      (lo, width, ku, ko) => {
        const hi = lo + width, step = (hi - lo) / 20;
        // the edges as klom.ts builds them (e_20 = hi), and both ends present so the range is [lo, hi]
        const edge = (k: number): number => (k === 20 ? hi : k * step + lo);
        // one sample: each model's margin is one row of length 1
        const u = [lo, ...ku.map(edge)].map((x) => [x]);
        const o = [hi, ...ko.map(edge)].map((x) => [x]);
        const du = u.map((_, i) => i), dO = o.map((_, i) => i);
        expect(Array.from(resampledKlomPerSample(panel(u, 'unlearned'), du, panel(o, 'oracle'), dO))).toEqual(Array.from(klomPerSample(u, o)));
        asserted++;
      }), fcParams({ quick: 300, full: 3000 }));
    expect(asserted).toBe(fcParams({ quick: 300, full: 3000 }).numRuns);
  });

  it('the identity draw is the point estimate, and draws are seeded, in range and differ between seeds', () => {
    const u = seededUniform(7);
    const m = (k: number) => Array.from({ length: k }, () => Float32Array.from({ length: 50 }, () => 20 * u() - 10));
    const U = m(30), O = m(30);
    expect(Array.from(resampledKlomPerSample(panel(U, 'u'), identity(30), panel(O, 'o'), identity(30)))).toEqual(Array.from(klomPerSample(U, O)));
    const d = draws(30, 5, 11);
    expect(d).toHaveLength(5);
    for (const row of d) for (const i of row) expect(i >= 0 && i < 30).toBe(true);
    expect(draws(30, 5, 11)).toEqual(d);
    expect(draws(30, 5, 12)).not.toEqual(d);
    // a redraw with replacement repeats some model (P(no repeat in 30 of 30) = 30!/30^30 ≈ 1e−12)
    expect(d.every((row) => new Set(row).size < 30)).toBe(true);
  });

  it('percentileInterval: the central 95% of 0..200 is [5, 195]; non-finite input is refused by percentileLinear', () => {
    expect(percentileInterval(Array.from({ length: 201 }, (_, i) => i))).toEqual([5, 195]);
    expect(() => percentileInterval([1, Number.NaN])).toThrow();
  });

  it('a margin that is not finite names the model and sample', () => {
    expect(() => panel([[1, 2], [3, Number.NaN]], 'oracle')).toThrow(/oracle margin 1 of model 1/);
  });
});

describe(`influence-matrix principal components (PC2 stand-in) ${seedTag}`, () => {
  it('for all small factor sets, then the Gram equals Σ_m (e_i·e_j)(b_i·b_j)/M, and the top 2 eigenpairs match a dense Jacobi decomposition', () => {
    let asserted = 0;
    fc.assert(fc.property(fc.integer({ min: 3, max: 14 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer(),
      (n, C, W, M, seed) => {
        const u = seededUniform(seed >>> 0);
        const models = Array.from({ length: M }, () => ({ n, classes: C, width: W, rows: Float32Array.from({ length: n * (C + W) }, () => u() - 0.5) }));
        const K = influenceGram(models);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
          let want = 0;
          for (const f of models) {
            let ee = 0, bb = 0;
            for (let c = 0; c < C; c++) ee += f.rows[i * (C + W) + c]! * f.rows[j * (C + W) + c]!;
            for (let c = C; c < C + W; c++) bb += f.rows[i * (C + W) + c]! * f.rows[j * (C + W) + c]!;
            want += (ee * bb) / M;
          }
          expect(Math.abs(K[i * n + j]! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        }
        const dense = jacobiEigen(K, n);
        // PC2 is defined only when λ2 is separated from λ1 and λ3 (otherwise any vector of the eigenspace is one)
        const [l1, l2, l3 = 0] = dense.values;
        if (!(l1! - l2! > 1e-3 * l1! && l2! - l3 > 1e-3 * l1!)) return;
        const got = topEigen(K, n, 2, { tol: 1e-12, maxSteps: 200_000 });
        expect(Math.abs(got.values[1]! - l2!)).toBeLessThanOrEqual(1e-8 * l1!);
        const v2 = fixSign(Float64Array.from({ length: n }, (_, r) => dense.vectors[r * n + 1]!));
        got.vectors[1]!.forEach((x, r) => expect(Math.abs(x - v2[r]!)).toBeLessThanOrEqual(1e-6));
        asserted++;
      }), fcParams({ quick: 60, full: 600 }));
    expect(asserted).toBeGreaterThanOrEqual(20);
  });

  it('a step cap that cannot be met throws NonConvergenceError', () => {
    const K = Float64Array.from([2, 0, 0, 0, 1.999, 0, 0, 0, 1.998]);
    expect(() => topEigen(K, 3, 2, { block: 2, tol: 1e-300, maxSteps: 3 })).toThrow(/did not settle/);
  });
});

describe(`summary.json layout ${seedTag}`, () => {
  it('for all JSON values of numbers, strings, nulls, arrays and objects, then compacting the indented text changes no value, and an array of numbers takes one line', () => {
    let asserted = 0;
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null), fc.string({ maxLength: 6 }), fc.array(tie('v'), { maxLength: 5 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(fc.property(value, (v) => {
      const text = compactNumberArrays(JSON.stringify(v, null, 1));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      asserted++;
    }), fcParams({ quick: 300, full: 3000 }));
    expect(compactNumberArrays(JSON.stringify({ boot: [1.5, -2e-7, 3] }, null, 1))).toBe('{\n "boot": [1.5,-2e-7,3]\n}');
    expect(asserted).toBe(fcParams({ quick: 300, full: 3000 }).numRuns);
  });
});
