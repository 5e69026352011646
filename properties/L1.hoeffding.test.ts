/** L1.hoeffding (Lemma 1): its properties, the bound and tails pinned to committed exact vectors, its judge on evidence built by construction, and planted errors. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import claim, { measureWith, type Evidence, type GridCase } from './L1.hoeffding.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { DEFAULTS } from './arbitraries.ts';
import { SEED } from './seed.ts';
import { binomialPmf, hoeffdingBound, hypergeometricPmf, normalQuantile, twoSidedTail, wilsonInterval } from '../theory/hoeffding.ts';
import { decimalAt } from '../theory/lambertw.ts';
import type { CheckContext } from './types.ts';

interface Vectors {
  binomial: { n: number; p: string; eps: string; tail: string }[];
  hypergeometric: { N: number; M: number; n: number; eps: string; tail: string }[];
  bounds: { n: number; eps: string; bound: string }[];
  exponents: { n: number; p: string; eps: string; tail: string; rho: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../tests/vectors/hoeffding.json', import.meta.url), 'utf8')) as Vectors;

const ok: GridCase = { kind: 'binomial', n: 10, p: '0.5', eps: 0.2, tail: '0.34375', bound: '0.8986579282344' };
const base: Evidence = {
  casesTried: 20, casesInScope: 20, digits: 40, Fsizes: [10], epsGrid: [0.2], populationSize: 50000, fine: ['0.5'],
  violations: [], tightest: { ...ok, ratio: 0.3825 }, largestRatio: { ...ok, ratio: 0.3825 },
  exponents: [{ n: 10000, eps: '0.06', t: 6, rho: 2.096 }], ratioAtLargestT: 0.03,
  monteCarlo: { cases: 4, draws: 3000, p: '0.7', outside95: 0, outsideCorrected: 0, boundBelow: [] },
  curves: [], shrunk: null, seed: 1, profile: 'quick',
};

describe('L1.hoeffding', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'every exact tail below its bound, Monte-Carlo consistent', evidence: base, verdict: 'holds' },
    { name: 'an exact tail above its bound', evidence: { ...base, violations: [{ ...ok, tail: '0.9', bound: '0.8986579282344' }] }, verdict: 'refuted' },
    { name: 'the bound below a Monte-Carlo interval', evidence: { ...base, monteCarlo: { ...base.monteCarlo, boundBelow: [{ n: 10, eps: 0.2, estimate: 0.5, interval: [0.45, 0.55], bound: 0.4 }] } }, verdict: 'refuted' },
    { name: 'Monte-Carlo outside its corrected interval around the exact tail', evidence: { ...base, monteCarlo: { ...base.monteCarlo, outsideCorrected: 1, outside95: 1 } }, verdict: 'inconclusive' },
    { name: 'empty grids', evidence: { ...base, casesTried: 0, casesInScope: 0 }, verdict: 'inconclusive' },
  ]);

  it('the bound 2·exp(−2nε²) equals the mpmath references of tests/vectors/hoeffding.json to 35 digits', () => {
    expect(vectors.bounds.length).toBeGreaterThan(5);
    for (const v of vectors.bounds) {
      const b = hoeffdingBound(v.n, v.eps, 40);
      expect(b.minus(v.bound).abs().lte(new Decimal(v.bound).times('1e-35')), `n = ${v.n}, ε = ${v.eps}: ${b} vs ${v.bound}`).toBe(true);
    }
  });
  it('exact tails equal the Python-Fraction references to 35 digits, and the exponent ratios at p = 1/2 (t = 5, 6, 8) are the references\' (they fall toward 2)', () => {
    const D = decimalAt(45);
    const frac = (s: string): { num: number; den: number } | string => (s.includes('/') ? { num: Number(s.split('/')[0]), den: Number(s.split('/')[1]) } : s);
    const close = (t: Decimal, ref: string): boolean => t.minus(ref).abs().lte(new D(ref).abs().times('1e-35').plus('1e-300'));
    for (const v of [...vectors.binomial, ...vectors.exponents]) {
      const p = frac(v.p);
      const pDec = typeof p === 'string' ? p : new D(p.num).div(p.den);
      expect(close(twoSidedTail(binomialPmf(v.n, pDec, 40), 0, v.n, p, v.eps, 40), v.tail), `n = ${v.n}, p = ${v.p}, ε = ${v.eps}`).toBe(true);
    }
    for (const v of vectors.hypergeometric) {
      const h = hypergeometricPmf(v.N, v.M, v.n, 40);
      expect(close(twoSidedTail(h.pmf, h.kMin, v.n, { num: v.M, den: v.N }, v.eps, 40), v.tail), `N = ${v.N}, M = ${v.M}, n = ${v.n}`).toBe(true);
    }
    const rhos = vectors.exponents.map((v) => Number(v.rho));
    for (let i = 1; i < rhos.length; i++) expect(rhos[i]!).toBeLessThan(rhos[i - 1]!);
    expect(Math.min(...rhos)).toBeGreaterThan(2);
    expect(Math.min(...rhos)).toBeLessThan(2.1);
  });
  it('the boundary |k/n − p| = ε counts as a tail event (≥), decided exactly', () => {
    // n = 10, p = 1/2, ε = 0.2: k ∈ {0,1,2,3,7,8,9,10}; P = 2·(1+10+45+120)/1024
    expect(twoSidedTail(binomialPmf(10, '0.5', 30), 0, 10, '0.5', '0.2', 30).eq(new Decimal(2 * 176).div(1024))).toBe(true);
  });
  it('Wilson intervals and normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
    // mpmath references, √2·erfinv(2u − 1) at 50 digits: both tails and the centre, within Acklam's 1.2e−9 (relative)
    const refs: [number, number][] = [[0.99, 2.3263478740408411], [0.999, 3.0902323061678135], [0.99999, 4.2648907939228246], [0.999999999, 5.9978070150076869], [1e-6, -4.7534243088228989], [1e-10, -6.3613409024040562]];
    for (const [u, q] of refs) expect(Math.abs(normalQuantile(u) - q), `u = ${u}`).toBeLessThan(1.2e-9 * Math.abs(q));
    expect(wilsonInterval(0, 20000, 1.96)[0]).toBe(0); // not 1e−17: tails of 1e−40 must fall inside
    expect(wilsonInterval(20000, 20000, 1.96)[1]).toBe(1);
    const [lo, hi] = wilsonInterval(30, 100, 1.959963985);
    expect(lo).toBeCloseTo(0.2189, 3);
    expect(hi).toBeCloseTo(0.3958, 3);
  });

  const ctx: CheckContext = { profile: 'quick', seed: SEED, assumptions: { ...DEFAULTS, hoeffding: { ...DEFAULTS.hoeffding, Fsizes: [10, 1000, 10000] } }, digits: 50, log: () => {} };
  it('planted: a bound with exponent 2.2 instead of 2 is refuted by the exact tails, with a shrunk counterexample (small n, short p and ε)', () => {
    const e = measureWith(ctx, { exponent: 2.2 });
    expect(claim.judge(e, DEFAULTS)).toBe('refuted');
    const ce = claim.describe(e, 'refuted').counterexample!;
    expect(ce.shrunkBy).toBe('fast-check');
    expect(new Decimal(ce.tail as string).gt(new Decimal(ce.bound as string))).toBe(true);
    expect(String(ce.reproduce)).toContain('ascent-verify verify --claims L1.hoeffding');
  }, 120_000);
  it('planted: a looser bound (exponent 1.9) still holds but moves the pinned tightness numbers (tail/bound at the largest t falls 30-fold)', () => {
    const k = claim.keyNumbers(measureWith(ctx));
    const loose = claim.keyNumbers(measureWith(ctx, { exponent: 1.9 }));
    expect(loose.ratioAtLargestT! / k.ratioAtLargestT!).toBeLessThan(1 / 30);
    expect(loose.minExponentRatio).toBe(k.minExponentRatio);
  }, 120_000);
});
