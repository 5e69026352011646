/**
 * theory/sampling.ts, the deterministic draws every check is built from: the generator against an
 * independent BigInt reference of splitmix32 + xoshiro128** (so a changed constant or rotation
 * changes every configuration a claim sees), and the maps from uniforms to configurations against
 * their stated laws (log-uniform reals and integers, forget fraction, |R_j| range, exact decimals
 * strictly inside an interval).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { between, drawSizes, logUniform, logUniformInt, seededUniform, sizeRanges, sizesFromUniforms } from '../theory/sampling.ts';
import { decimalAt } from '../theory/lambertw.ts';
import { DEFAULTS, unit } from './arbitraries.ts';
import { fcParams, seedTag } from './seed.ts';

const M32 = (1n << 32n) - 1n;
const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M32;

/** splitmix32 (Weyl step 0x9e3779b9, murmur3 finaliser) seeding xoshiro128**, in exact integers. */
function referenceUniform(seed: number): () => number {
  let s = BigInt(seed >>> 0);
  const splitmix = (): bigint => {
    s = (s + 0x9e3779b9n) & M32;
    let z = s;
    z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M32;
    z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M32;
    return z ^ (z >> 16n);
  };
  const st = [splitmix(), splitmix(), splitmix(), splitmix()];
  return () => {
    const r = (rotl((st[1]! * 5n) & M32, 7n) * 9n) & M32;
    const t = (st[1]! << 9n) & M32;
    st[2]! ^= st[0]!; st[3]! ^= st[1]!; st[1]! ^= st[2]!; st[0]! ^= st[3]!; st[2]! ^= t; st[3] = rotl(st[3]!, 11n);
    return Number(r) / 4294967296;
  };
}

const range = fc
  .tuple(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }))
  .map(([min, ratio]) => ({ min, max: min * ratio }));

describe('seededUniform', () => {
  it(`for all seeds, the first 40 draws equal the BigInt reference bit for bit and lie in [0, 1) ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const u = seededUniform(seed), ref = referenceUniform(seed);
        for (let i = 0; i < 40; i++) {
          const a = u();
          expect(a).toBe(ref());
          expect(a >= 0 && a < 1).toBe(true);
        }
        asserted++;
      }),
      fcParams({ quick: 50, full: 500 }),
    );
    expect(asserted).toBeGreaterThan(0);
  });

  it('seed 0 streams are well spread: 20 000 draws have mean 1/2 and each tenth of [0, 1) holds 10% within 1%', () => {
    const u = seededUniform(0);
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) { const x = u(); sum += x; bins[Math.floor(x * 10)]!++; }
    expect(Math.abs(sum / 20_000 - 0.5)).toBeLessThan(0.01);
    for (const b of bins) expect(Math.abs(b / 20_000 - 0.1)).toBeLessThan(0.01);
  });
});

describe('logUniform', () => {
  it(`for all ranges and u, log x = log min + u·(log max − log min) within 1e−12 (u = 0 gives min, u = 1/2 the geometric mean) ${seedTag}`, () => {
    fc.assert(
      fc.property(range, unit, (r, u) => {
        const x = logUniform(u, r);
        const expected = Math.log(r.min) + u * (Math.log(r.max) - Math.log(r.min));
        expect(Math.abs(Math.log(x) - expected)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(expected)));
        expect(x).toBeGreaterThanOrEqual(r.min * (1 - 1e-15));
        expect(x).toBeLessThanOrEqual(r.max * (1 + 1e-15));
      }),
      fcParams(),
    );
  });

  it(`for all one-point ranges {x}, every u gives exactly x (not exp(log x), which may differ in the last bit) ${seedTag}`, () => {
    let differs = 0;
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), unit, (x, u) => {
        expect(logUniform(u, { min: x, max: x })).toBe(x);
        if (Math.exp(Math.log(x)) !== x) differs++;
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
    // Why the special case exists: for some x the round trip through log/exp moves the last bit.
    expect(differs).toBeGreaterThan(0);
  });
});

describe('logUniformInt', () => {
  const intRange = fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 })).map(([lo, w]) => ({ lo, hi: lo + w }));

  it(`for all integer ranges [lo, hi] and k in it, u in the middle of k's share of log-space gives k; u = 0 gives lo and u → 1 gives hi ${seedTag}`, () => {
    fc.assert(
      fc.property(intRange, fc.double({ min: 0, max: 1, noNaN: true }), ({ lo, hi }, t) => {
        const k = Math.min(hi, lo + Math.floor(t * (hi - lo + 1)));
        const span = Math.log(hi + 1) - Math.log(lo);
        const u = ((Math.log(k) - Math.log(lo)) / span + (Math.log(k + 1) - Math.log(lo)) / span) / 2;
        expect(logUniformInt(u, lo, hi)).toBe(k);
        expect(logUniformInt(0, lo, hi)).toBe(lo);
        expect(logUniformInt(1 - 2 ** -53, lo, hi)).toBe(hi);
      }),
      fcParams(),
    );
  });

  it(`for all real bounds, the draw is an integer in [ceil(min), floor(max)] and non-decreasing in u ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 1, max: 100, noNaN: true }), unit, unit, (min, ratio, u1, u2) => {
        const max = min * ratio;
        const [a, b] = [logUniformInt(Math.min(u1, u2), min, max), logUniformInt(Math.max(u1, u2), min, max)];
        expect(Number.isInteger(a)).toBe(true);
        if (Math.floor(max) >= Math.ceil(min)) {
          expect(a).toBeGreaterThanOrEqual(Math.ceil(min));
          expect(b).toBeLessThanOrEqual(Math.floor(max));
        }
        expect(a).toBeLessThanOrEqual(b);
      }),
      fcParams(),
    );
  });

  it('an empty integer range (ceil(min) > floor(max)) gives ceil(min) for every u; a one-point range gives that point', () => {
    for (const u of [0, 0.3, 0.999]) {
      expect(logUniformInt(u, 2.5, 2.7)).toBe(3);
      expect(logUniformInt(u, 7, 7)).toBe(7);
      expect(logUniformInt(u, 6.2, 7.9)).toBe(7);
    }
  });
});

describe('sizesFromUniforms', () => {
  const ranges = { ...DEFAULTS.setting1d, minFractionOfR: DEFAULTS.setting1d.Rj.minFractionOfR };
  const forgetFor = (f: number, R: number): number => Math.max(1, Math.round((f * R) / (1 - f)));

  it(`for all four uniforms: R log-uniform in its range, F from a forget fraction in [min, max] (at least 1), R_j in [max(1, minFraction·R), R], λ log-uniform ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.tuple(unit, unit, unit, unit), (u) => {
        const s = sizesFromUniforms(u, ranges);
        expect(s.R).toBe(logUniformInt(u[0], ranges.R.min, ranges.R.max));
        expect(s.F).toBeGreaterThanOrEqual(forgetFor(ranges.forgetFraction.min, s.R));
        expect(s.F).toBeLessThanOrEqual(forgetFor(ranges.forgetFraction.max, s.R));
        expect(s.Rj).toBe(logUniformInt(u[2], Math.max(1, ranges.minFractionOfR * s.R), s.R));
        expect(s.Rj).toBeGreaterThanOrEqual(1);
        expect(s.Rj).toBeLessThanOrEqual(s.R);
        expect(s.lambda).toBe(logUniform(u[3], ranges.lambda));
      }),
      fcParams(),
    );
  });

  it(`for all R and u, F is the rounded |F| of the fraction min + u·(max − min): F/(R+F) is within 1/(R+F) of it ${seedTag}`, () => {
    const wide = { ...ranges, R: { min: 10_000, max: 100_000 } };
    fc.assert(
      fc.property(unit, unit, (u0, u1) => {
        const s = sizesFromUniforms([u0, u1, 0.5, 0.5], wide);
        const f = wide.forgetFraction.min + u1 * (wide.forgetFraction.max - wide.forgetFraction.min);
        expect(Math.abs(s.F / (s.R + s.F) - f)).toBeLessThanOrEqual(1 / (s.R + s.F));
      }),
      fcParams(),
    );
  });

  it('drawSizes reads four uniforms per configuration from one stream, in order, and hands the stream on', () => {
    const r = sizeRanges(DEFAULTS.setting1d, DEFAULTS.setting1d.Rj.minFractionOfR);
    const drawn = drawSizes(1234, r, 5);
    const u = seededUniform(1234);
    for (const d of drawn) expect(d.sizes).toEqual(sizesFromUniforms([u(), u(), u(), u()], r));
    expect(drawn[0]!.u()).toBe(u());
  });
});

describe('between', () => {
  const D60 = decimalAt(60);

  it(`for all intervals of 60-digit decimals and u, the point is strictly inside, at the stated place (1e−6 of the width from each end), with at most 30 significant digits ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), unit, (l, w, u) => {
        const lo = new D60(l).plus(new D60(1).div(3).times(1e-20)), hi = lo.plus(new D60(w).div(7));
        const x = between(lo, hi, u);
        expect(x.gt(lo) && x.lt(hi)).toBe(true);
        expect(x.sd()).toBeLessThanOrEqual(30);
        const place = x.minus(lo).div(hi.minus(lo)).toNumber();
        expect(Math.abs(place - (1e-6 + u * (1 - 2e-6)))).toBeLessThan(1e-12);
      }),
      fcParams(),
    );
  });

  it('an interval narrower than 30 digits can resolve keeps the full-precision point, still strictly inside', () => {
    const lo = new D60('1.000000000000000000000000000000000000000001');
    const hi = new D60('1.000000000000000000000000000000000000000002');
    for (const u of [0, 0.5, 0.999]) {
      const x = between(lo, hi, u);
      expect(x.gt(lo) && x.lt(hi)).toBe(true);
    }
    // Plain decimal.js (20 digits) intervals come back as they were computed.
    expect(between(new Decimal(0), new Decimal(1), 0.5).toString()).toBe('0.5');
  });
});
