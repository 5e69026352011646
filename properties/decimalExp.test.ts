/**
 * theory/decimalExp.ts (fastExp): e^x at `precision` digits against decimal.js's own exp at 20
 * more digits, over arguments from 1e−30 to 1e6 in magnitude of both signs (every branch of the
 * argument reduction: n, j/32 and k/1024 zero or not, binary powering of e^{±2^i}), the fallback
 * past 1e6, x = 0, and repeated calls (the cached tables must give the same bits as a first call).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { fastExp } from '../theory/decimalExp.ts';
import { fcParams, seedTag } from './seed.ts';

/** e^x at precision + 20 digits by decimal.js, independent of fastExp's reduction and tables. */
function reference(x: Decimal, precision: number): Decimal {
  return new (Decimal.clone({ precision: precision + 20, minE: -9e15, maxE: 9e15 }))(x).exp();
}

/** |a − b| ≤ 10^−(precision−1)·|b|: the documented accuracy. */
function within(a: Decimal, b: Decimal, precision: number): boolean {
  return a.minus(b).abs().lte(b.abs().times(new Decimal(10).pow(1 - precision)));
}

/** x = ±mantissa·10^e with e from −30 to 6 and up to 25 significant digits. */
const argument = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** 25n - 1n }), fc.integer({ min: -30, max: 5 }))
  .map(([neg, m, e]) => {
    const digits = m.toString();
    const x = new Decimal(`${neg ? '-' : ''}0.${digits}e${e + 1}`);
    return x.abs().gt(1e6) ? x.div(10) : x;
  });

describe('fastExp', () => {
  it(`for all x with 1e−30 ≤ |x| ≤ 1e6 and precision ∈ [10, 120], then fastExp(x) is e^x within 10^−(precision−1) (relative), with at most precision significant digits ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(
      fc.property(argument, fc.integer({ min: 10, max: 120 }), (x, precision) => {
        const y = fastExp(x, precision);
        const ref = reference(x, precision);
        expect(within(y, ref, precision), `fastExp(${x}, ${precision}) = ${y}, e^x = ${ref.toSignificantDigits(precision + 3)}`).toBe(true);
        expect(y.sd()).toBeLessThanOrEqual(precision);
        // a second call, now served from the cached tables, gives the same bits
        expect(fastExp(x, precision).eq(y)).toBe(true);
        asserted++;
      }),
      fcParams({ quick: 120, full: 1500 }),
    );
    expect(asserted).toBeGreaterThan(0);
  });

  it(`for all integers n with |n| ≤ 20000 and offsets j/32 + k/1024 (the reduction's grid points, where s = 0), then fastExp is e^x within 10^−(precision−1) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 20000 }), fc.integer({ min: -16, max: 16 }), fc.integer({ min: -16, max: 16 }), fc.integer({ min: 10, max: 60 }), (n, j, k, precision) => {
        const x = new Decimal(n).plus(new Decimal(j).div(32)).plus(new Decimal(k).div(1024));
        expect(within(fastExp(x, precision), reference(x, precision), precision), `x = ${x}, precision ${precision}`).toBe(true);
      }),
      fcParams({ quick: 60, full: 600 }),
    );
  });

  it('NaN is refused (RangeError), never looped on; ±∞ give ∞ and 0', () => {
    expect(() => fastExp(new Decimal(NaN), 30)).toThrow('fastExp: x is NaN');
    expect(fastExp(new Decimal(Infinity), 30).toString()).toBe('Infinity');
    expect(fastExp(new Decimal(-Infinity), 30).isZero()).toBe(true);
  });
  it('x = 0 gives exactly 1; |x| past 1e6 (decimal.js fallback) is still e^x to the precision', () => {
    for (const p of [10, 30, 77]) {
      const one = fastExp(new Decimal(0), p);
      expect(one.eq(1)).toBe(true);
      expect(one.constructor).not.toBe(Decimal);
      expect((one.constructor as typeof Decimal).precision, `the constructor of fastExp(0, ${p})`).toBe(p);
    }
    for (const x of ['1000000.5', '-2000000.25']) {
      const X = new Decimal(x);
      expect(within(fastExp(X, 25), reference(X, 25), 25), x).toBe(true);
    }
  });
});
