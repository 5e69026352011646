/** L1.hoeffding: exact tails of theory/hoeffding.ts, checked against brute force and the bound. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { binomialPmf, hoeffdingBound, hypergeometricPmf, normalQuantile, twoSidedTail, wilsonInterval } from '../theory/hoeffding.ts';
import { fcParams, seedTag } from './seed.ts';
import { decimalAt } from '../theory/lambertw.ts';
import { readFileSync } from 'node:fs';

interface TailVectors {
  binomial: { n: number; p: string; eps: string; tail: string }[];
  hypergeometric: { N: number; M: number; n: number; eps: string; tail: string }[];
}
const vectors = JSON.parse(readFileSync(new URL('../tests/vectors/hoeffding.json', import.meta.url), 'utf8')) as TailVectors;

// summed at the pmf's own precision (the default Decimal constructor carries only 20 digits)
const sum = (xs: Decimal[]): Decimal => xs.reduce((a, b) => a.plus(b), new (decimalAt(40))(0));
const choose = (n: number, k: number): bigint => {
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
};

describe('L1.hoeffding', () => {
  it(`for all n ≤ 2000 and p ∈ [0, 1], the binomial pmf sums to 1 ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 1000 }), (n, k) => {
        const p = new Decimal(k).div(1000);
        expect(sum(binomialPmf(n, p, 30)).minus(1).abs().toNumber()).toBeLessThan(1e-25);
      }),
      fcParams({ quick: 30, full: 500 }),
    );
  });

  it(`for all small populations, the hypergeometric pmf equals C(M,k)C(N−M,n−k)/C(N,n) computed in exact integers ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (N, uM, un) => {
        const M = Math.floor(uM * (N + 1)) % (N + 1);
        const n = 1 + (Math.floor(un * N) % N);
        const { kMin, pmf } = hypergeometricPmf(N, M, n, 30);
        const total = choose(N, n);
        pmf.forEach((v, i) => {
          const k = kMin + i;
          const exact = new (decimalAt(40))((choose(M, k) * choose(N - M, n - k)).toString()).div(total.toString());
          expect(v.minus(exact).abs().toNumber()).toBeLessThan(1e-25);
        });
        expect(sum(pmf).minus(1).abs().toNumber()).toBeLessThan(1e-25);
      }),
      fcParams({ quick: 60, full: 1000 }),
    );
  });

  it(`for all n, p and ε, the exact tails with and without replacement lie below 2·exp(−2nε²) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 40 }), (n, pc, ec) => {
        const p = new Decimal(pc).div(100), eps = new Decimal(ec).div(100);
        const bound = hoeffdingBound(n, eps, 30);
        expect(twoSidedTail(binomialPmf(n, p, 30), 0, n, p, eps, 30).lte(bound)).toBe(true);
        const N = 2000, M = pc * 20;
        const h = hypergeometricPmf(N, M, n, 30);
        expect(twoSidedTail(h.pmf, h.kMin, n, { num: M, den: N }, eps, 30).lte(bound)).toBe(true);
      }),
      fcParams({ quick: 40, full: 1000 }),
    );
  });

  it('the boundary |k/n − p| = ε counts as a tail event (≥), decided exactly', () => {
    // n = 10, p = 1/2, ε = 0.2: k ∈ {0,1,2,3,7,8,9,10}; P = 2·(1+10+45+120)/1024
    const t = twoSidedTail(binomialPmf(10, '0.5', 30), 0, 10, '0.5', '0.2', 30);
    expect(t.eq(new Decimal(2 * 176).div(1024))).toBe(true);
  });

  it(`for all n, rational p = num/den and ε = e/100, the tail counts exactly the k with |k·den − n·num|·100 ≥ e·n·den (integer arithmetic) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 60 }), (n, den, u, e) => {
        const num = Math.min(den - 1, Math.max(1, Math.round(u * den)));
        const D = decimalAt(40);
        const p = new D(num).div(den);
        const pmf = binomialPmf(n, p, 30);
        let brute = new D(0);
        for (let k = 0; k <= n; k++) {
          const lhs = BigInt(Math.abs(k * den - n * num)) * 100n, rhs = BigInt(e) * BigInt(n) * BigInt(den);
          if (lhs >= rhs) brute = brute.plus(pmf[k]!);
        }
        expect(twoSidedTail(pmf, 0, n, { num, den }, new D(e).div(100), 30).eq(brute)).toBe(true);
      }),
      fcParams({ quick: 60, full: 1000 }),
    );
  });

  it('exact tails equal the Python-Fraction references of tests/vectors/hoeffding.json to 35 digits', () => {
    const D = decimalAt(45);
    const frac = (s: string): { num: number; den: number } | string => (s.includes('/') ? { num: Number(s.split('/')[0]), den: Number(s.split('/')[1]) } : s);
    for (const v of vectors.binomial) {
      const p = frac(v.p);
      const pDec = typeof p === 'string' ? p : new D(p.num).div(p.den);
      const t = twoSidedTail(binomialPmf(v.n, pDec, 40), 0, v.n, p, v.eps, 40);
      expect(t.minus(v.tail).abs().lte(new D(v.tail).abs().times('1e-35').plus('1e-300'))).toBe(true);
    }
    for (const v of vectors.hypergeometric) {
      const h = hypergeometricPmf(v.N, v.M, v.n, 40);
      const t = twoSidedTail(h.pmf, h.kMin, v.n, { num: v.M, den: v.N }, v.eps, 40);
      expect(t.minus(v.tail).abs().lte(new D(v.tail).abs().times('1e-35').plus('1e-300'))).toBe(true);
    }
  });

  it('Wilson intervals and normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 6);
    expect(wilsonInterval(0, 20000, 1.96)[0]).toBe(0); // not 1e−17: tails of 1e−40 must fall inside
    expect(wilsonInterval(20000, 20000, 1.96)[1]).toBe(1);
    const [lo, hi] = wilsonInterval(30, 100, 1.959963985);
    expect(lo).toBeCloseTo(0.2189, 3);
    expect(hi).toBeCloseTo(0.3958, 3);
  });
});
