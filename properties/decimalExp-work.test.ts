/**
 * theory/decimalExp's promise of speed, counted rather than timed: the argument reduction
 * x = n + j/32 + k/1024 + s evaluates Decimal#exp only to fill its per-precision tables, once per
 * distinct e^{j/32} (j ≠ 0), e^{k/1024} (k ≠ 0) and e^{±2^i} (the bits of |n|), and never again
 * for a value it has seen. The arguments are built from (n, j, k, s) so the distinct keys are
 * known by construction; Decimal#exp is counted with a spy on the prototype every clone shares.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { fastExp } from '../theory/decimalExp.ts';
import { fcParams, seedTag } from './seed.ts';

// |j/32 + k/1024 + s| ≤ 15/32 + 15/1024 + 2^−12 < 1/2 and |k/32 + 32s| < 1/2, so rounding recovers n, j, k
const part = fc.record({
  n: fc.integer({ min: -10_000, max: 10_000 }),
  j: fc.integer({ min: -15, max: 15 }),
  k: fc.integer({ min: -15, max: 15 }),
  s: fc.integer({ min: -(2 ** 17) + 1, max: 2 ** 17 - 1 }), // s = this · 2^−29, |s| < 2^−12
});
const bits = (n: number): number[] => [...Math.abs(n).toString(2)].reverse().flatMap((b, i) => (b === '1' ? [Math.sign(n) * 2 ** i] : []));

let freshPrecision = 20; // the tables are per precision and live for the process: each check takes a new one
afterEach(() => vi.restoreAllMocks());

describe('theory/decimalExp: Decimal#exp only fills the tables', () => {
  it(`for all lists of x = n + j/32 + k/1024 + s (|n| ≤ 10⁴, |j|, |k| ≤ 15, |s| < 2^−12) at a precision not used before, then fastExp evaluates Decimal#exp exactly once per distinct j ≠ 0, k ≠ 0 and ±2^i in the bits of |n|, and not at all on a second pass ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 40 }), (parts) => {
        const precision = freshPrecision++;
        const xs = parts.map(({ n, j, k, s }) => new Decimal(n).plus(new Decimal(j).div(32)).plus(new Decimal(k).div(1024)).plus(new Decimal(s).div(2 ** 29)));
        const expected = new Set<string>();
        for (const { n, j, k } of parts) {
          if (j !== 0) expected.add(`j${j}`);
          if (k !== 0) expected.add(`k${k}`);
          for (const p of bits(n)) expected.add(`n${p}`);
        }
        const spy = vi.spyOn(Decimal.prototype, 'exp');
        for (const x of xs) fastExp(x, precision);
        expect(spy.mock.calls.length, `first pass at precision ${precision}`).toBe(expected.size);
        spy.mockClear();
        for (const x of xs) fastExp(x, precision);
        expect(spy.mock.calls.length, `second pass at precision ${precision}`).toBe(0);
        spy.mockRestore();
      }),
      fcParams({ quick: 25, full: 200 }),
    );
  });
  it('x = 0 and |x| ≤ 1e6 never take decimal.js’s own exp for the value itself; |x| past 1e6 does, every time', () => {
    const precision = freshPrecision++;
    const spy = vi.spyOn(Decimal.prototype, 'exp');
    fastExp(new Decimal(0), precision);
    fastExp(new Decimal('999999.75'), precision); // n = 10⁶ (7 one-bits), j = −8, k = 0
    const tableCalls = spy.mock.calls.length;
    expect(tableCalls).toBe(bits(1_000_000).length + 1);
    fastExp(new Decimal('999999.75'), precision);
    expect(spy.mock.calls.length).toBe(tableCalls);
    fastExp(new Decimal('1000000.5'), precision);
    fastExp(new Decimal('1000000.5'), precision);
    expect(spy.mock.calls.length).toBe(tableCalls + 2);
  });
});
