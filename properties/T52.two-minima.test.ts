/** T52.two-minima (Sec. 5.2): its properties, its judge on evidence built by construction, planted errors. */
import { describe, expect, it } from 'vitest';
import claim, { measureWith, type Evidence, type Row } from './T52.two-minima.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { constructed } from './toy52-common.ts';
import { DEFAULTS } from './arbitraries.ts';
import { SEED } from './seed.ts';
import { gradHess, LINKS, localMinima, WEIGHTS } from '../theory/toy52.ts';
import type { CheckContext } from './types.ts';

const m = (a: number, b: number, loss: number) => ({ a, b, loss, eigenvalues: [0.2, 3] as [number, number], pattern: 'x1 ✓, x2 ✓, x3 ✗, x4 ✓' });
const two: Row = { link: 'logistic', minima: [m(1.3, -0.26, 0.86), m(1.2, -0.76, 0.96)], multiStart: { count: 2, radius: 63, starts: 320 } };
const one: Row = { link: 'tanh-half', minima: [m(1.3, -0.2, 0.45)], multiStart: { count: 1, radius: 126, starts: 320 } };
const base: Evidence = constructed([two, one], 0);

describe('T52.two-minima', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'two minima under one reading, one under the other', evidence: base, verdict: 'holds-with-caveat' },
    { name: 'two minima under every reading', evidence: { ...base, rows: [two, { ...two, link: 'printed-shifted' }] }, verdict: 'holds' },
    { name: 'one minimum under every reading', evidence: { ...base, rows: [one] }, verdict: 'refuted' },
    { name: 'the multi-start descent finds a minimum the scan missed', evidence: { ...base, rows: [two, { ...one, multiStart: { count: 2, radius: 126, starts: 320 } }] }, verdict: 'inconclusive' },
    { name: 'no reading measured', evidence: { ...base, casesTried: 0, casesInScope: 0, rows: [] }, verdict: 'inconclusive' },
  ]);

  const ctx: CheckContext = { profile: 'quick', seed: SEED, assumptions: DEFAULTS, digits: 50, log: () => {} };
  it('planted: a ridge 5 times larger leaves one minimum under every reading and is refuted, the family with it', () => {
    const e = measureWith(ctx, { lambdaFactor: 5 });
    expect(claim.judge(e, DEFAULTS)).toBe('refuted');
    expect(claim.keyNumbers(e).familyHeld).toBe(0);
  }, 60_000);
  it('the committed reading: the family flips once between κ = 0.35 and 0.4, and the shrunk κ is the first failing grid point', () => {
    const e = measureWith(ctx);
    expect(e.family.flips).toEqual([[0.35, 0.4]]);
    expect(e.family.shrunk?.kappa).toBe(0.4);
  }, 60_000);

  it('every reported minimum has zero gradient and a positive-definite Hessian; they are sorted by loss', () => {
    for (const link of Object.values(LINKS)) {
      for (const w of Object.values(WEIGHTS)) {
        const { minima } = localMinima({ link, weights: w, lambda: 0.1 });
        expect(minima.length).toBeGreaterThan(0);
        for (const x of minima) {
          const { g } = gradHess({ link, weights: w, lambda: 0.1 }, x.a, x.b);
          expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-10);
          expect(x.eigenvalues[0]).toBeGreaterThan(0);
        }
        for (let i = 1; i < minima.length; i++) expect(minima[i]!.loss).toBeGreaterThanOrEqual(minima[i - 1]!.loss);
      }
    }
  });
});
