/**
 * Lambert W (theory/lambertw.ts) against committed mpmath vectors (scripts/gen-lambertw-vectors.py)
 * and fast-check properties. Decimal: within 1 unit in the last requested digit; float64: within
 * 2 ulp of the correctly rounded value, on both branches, the branch point included.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { decimalAt, inverseEAt, lambertW, lambertW0, lambertWm1, lambertWStartF64, residual, lambertWWorking, lambertW0f64, lambertWm1f64, LambertWDomainError, type Branch } from '../theory/lambertw.ts';
import { fcParams, seedTag } from './seed.ts';
import { ulpDistance } from './ulp.ts';

interface DecVector { z: string; branch: Branch; digits: number; w: string; why: string }
interface F64Vector { z: string; branch: Branch; w: string; why: string }
const VECTORS = JSON.parse(readFileSync(new URL('../tests/vectors/lambertw.json', import.meta.url), 'utf8')) as { decimal: DecVector[]; float64: F64Vector[] };

/** The exact decimal value of a double (its binary expansion terminates: at most 767 digits). */
function exactDecimal(x: number): Decimal {
  const D = decimalAt(1100);
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const hi = v.getUint32(0), lo = v.getUint32(4);
  const sign = hi >>> 31 ? -1 : 1;
  const bexp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = bexp === 0 ? mant : mant | (1n << 52n);
  const e = (bexp === 0 ? 1 : bexp) - 1075;
  return new D(m.toString()).times(new D(2).pow(e)).times(sign);
}

/** |ours − ref| in units of the last of `digits` significant digits of ref. */
function lastDigitUnits(ours: Decimal, ref: Decimal, digits: number): number {
  if (ref.isZero()) return ours.isZero() ? 0 : Infinity;
  const D = decimalAt(digits + 20);
  const unit = new D(10).pow(ref.e - digits + 1); // Decimal#e: the base-10 exponent
  return new D(ours).minus(ref).abs().div(unit).toNumber();
}

describe('decimal Lambert W against mpmath', () => {
  it(`every committed vector (${VECTORS.decimal.length}: cited points, −1/e + 2^−i, within 1e−60, 1e−200, 1e−600 of −1/e, |z| to 1e±300, W−1 to −1e−300, 10–1000 digits) is within 1 unit in the last digit`, () => {
    let worst = 0;
    const bad: string[] = [];
    for (const v of VECTORS.decimal) {
      const ours = lambertW(v.z, v.branch, v.digits);
      expect(ours.sd(true)).toBeLessThanOrEqual(v.digits);
      const units = lastDigitUnits(ours, new Decimal(v.w), v.digits);
      worst = Math.max(worst, units);
      if (!(units <= 1)) bad.push(`${v.why}: W${v.branch}(${v.z.slice(0, 40)}…) at ${v.digits} digits: ${units} units`);
    }
    expect(bad).toEqual([]);
    console.log(`decimal W: worst error ${worst.toFixed(3)} units in the last digit over ${VECTORS.decimal.length} vectors`);
  });

  it('the working value before rounding keeps the digits it promises (digits + 12 guard digits): within 10^(1−correct) relative of W at 40 more digits on every committed vector up to 960 digits (a digit lost inside the iteration would hide behind the guard in the rounded value); and it takes the steps the header promises: one from a float64 start up to 150 digits (the reversion series\' order), at most two anywhere', () => {
    const bad: string[] = [];
    let worst = Infinity, n = 0, oneStep = 0;
    for (const v of VECTORS.decimal) {
      if (v.digits > 960) continue;
      const { w, correct, steps } = lambertWWorking(v.z, v.branch, v.digits);
      const zf = Number(v.z);
      // the start lambertW takes: the branch-point series where p = √(2e(z + 1/e)) < 0.3, else float64 W
      const fromFloat64 = Number.isFinite(zf) && Math.abs(zf) >= 1e-300 && !(zf < 0 && Math.sqrt(2 * Math.E * (zf + 1 / Math.E)) < 0.3);
      if (!(steps >= 1 && steps <= 2) && !(steps === 0 && correct === v.digits)) bad.push(`${v.why}: ${steps} steps at ${v.digits} digits`);
      if (fromFloat64 && v.digits <= 150) {
        if (steps !== 1) bad.push(`${v.why}: ${steps} steps from a float64 start at ${v.digits} digits`);
        oneStep++;
      }
      const ref = lambertW(v.z, v.branch, v.digits + 40);
      const rel = ref.isZero() ? w.abs() : w.minus(ref).abs().div(ref.abs());
      // digits to spare beyond the promise
      const spare = rel.isZero() ? Infinity : -Math.log10(rel.toNumber()) - (correct - 1);
      worst = Math.min(worst, spare);
      if (!(spare >= 0)) bad.push(`${v.why}: W${v.branch}(${v.z.slice(0, 40)}…) at ${v.digits} digits promises ${correct}, has ${(correct - 1 + spare).toFixed(2)}`);
      n++;
    }
    expect(bad).toEqual([]);
    expect(n).toBeGreaterThan(550);
    expect(oneStep).toBeGreaterThan(150);
    console.log(`decimal W before rounding: ${worst.toFixed(2)} digits to spare at worst over ${n} vectors`);
  });
  it('lambertWWorking promises digits + 12 where it iterates, and exactly the requested digits where W is exact (0) or −1 to every requested digit; lambertW0 and lambertWm1 are lambertW on their branch', () => {
    expect(lambertWWorking('1', 0, 50).correct).toBe(62);
    expect(lambertWWorking('-0.1', -1, 30).correct).toBe(42);
    expect(lambertWWorking('0', 0, 50)).toMatchObject({ correct: 50 });
    expect(lambertWWorking('0', 0, 50).w.isZero()).toBe(true);
    const tiny = inverseEAt(3200).neg().plus('1e-3000');
    expect(lambertWWorking(tiny, 0, 50).correct).toBe(50);
    expect(lambertWWorking(tiny, 0, 50).w.eq(-1)).toBe(true);
    expect(lambertW0('2', 40).eq(lambertW('2', 0, 40))).toBe(true);
    expect(lambertWm1('-0.2', 40).eq(lambertW('-0.2', -1, 40))).toBe(true);
    expect(lambertWm1('-0.2', 40).lt(-1)).toBe(true);
  });
  it('the cited 50-digit values: W−1(−1e−26) and W0(100)', () => {
    expect(lambertW('-1e-26', -1, 50).toString()).toBe('-64.026509628385889681156090340691637712441162092868');
    expect(lambertW('100', 0, 50).toString()).toBe('3.3856301402900501848882443645297268674916941701578');
  });

  it('W0(e) = 1, W0(−ln2/2) = −ln 2 and W−1(−ln2/2) = −2 ln 2 exactly to 60 digits', () => {
    const D = decimalAt(80);
    const e = new D(1).exp(), ln2 = new D(2).ln();
    expect(lambertW(e, 0, 60).toString()).toBe('1');
    expect(lambertW(ln2.div(-2), 0, 60).eq(ln2.neg().toSignificantDigits(60))).toBe(true);
    expect(lambertW(ln2.div(-2), -1, 60).eq(ln2.times(-2).toSignificantDigits(60))).toBe(true);
  });

  it(`for all z > 0 (1e−300 to 1e300) and digits ∈ [10, 200], W0(z)·e^{W0(z)} = z to the precision ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true }), fc.integer({ min: 10, max: 200 }), (e, m, digits) => {
        const z = new Decimal(m.toFixed(12)).times(new Decimal(10).pow(Math.trunc(e)));
        const D = decimalAt(digits + 20);
        const w = new D(lambertW(z, 0, digits));
        const back = w.times(w.exp());
        // W is rounded to `digits` digits; the relative error of w·e^w is then ≤ (1 + |w|)·10^(1−digits)
        expect(back.minus(z).abs().div(z).toNumber()).toBeLessThanOrEqual((1 + w.abs().toNumber()) * 10 ** (1 - digits));
      }),
      fcParams({ quick: 60, full: 1000 }),
    );
  });

  it(`for all z ∈ (−1/e, 0) and digits ∈ [10, 200], W−1(z)·e^{W−1(z)} = z to the precision ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: Math.log10(0.3678), noNaN: true }), fc.integer({ min: 10, max: 200 }), (e, digits) => {
        const z = new Decimal((-(10 ** e)).toPrecision(15));
        const D = decimalAt(digits + 20);
        const w = new D(lambertW(z, -1, digits));
        const back = w.times(w.exp());
        expect(back.minus(z).abs().div(z.abs()).toNumber()).toBeLessThanOrEqual((1 + w.abs().toNumber()) * 10 ** (1 - digits));
      }),
      fcParams({ quick: 60, full: 1000 }),
    );
  });

  it(`for all z ∈ (−1/e, 0): W−1(z) ≤ −1 ≤ W0(z) < 0 ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 0.367879441171, noNaN: true }), (x) => {
        const z = new Decimal(-x);
        const w0 = lambertW(z, 0, 30), wm1 = lambertW(z, -1, 30);
        expect(wm1.lte(-1) && w0.gte(-1) && w0.lt(0)).toBe(true);
      }),
      fcParams({ quick: 80, full: 2000 }),
    );
  });

  it('domain: z < −1/e, W−1 at z ≥ 0, non-finite z and digits outside [10, 1000] throw clear errors, never NaN', () => {
    expect(() => lambertW('-0.3678794411714423215955237701614608674458111310318', 0, 50)).toThrow(LambertWDomainError);
    expect(() => lambertW('-0.37', -1, 20)).toThrow(/below the branch point/);
    expect(() => lambertW('0', -1, 20)).toThrow(/W−1 is defined only for −1\/e ≤ z < 0/);
    expect(() => lambertW('1', -1, 20)).toThrow(LambertWDomainError);
    expect(() => lambertW('Infinity', 0, 20)).toThrow(LambertWDomainError);
    expect(() => lambertW('NaN', 0, 20)).toThrow(LambertWDomainError);
    expect(() => lambertW('1', 0, 9)).toThrow(/digits must be an integer in \[10, 1000\]/);
    expect(() => lambertW('1', 0, 1001)).toThrow(/digits/);
    expect(() => lambertW('-0', -1, 20)).toThrow(LambertWDomainError);
    expect(() => lambertW('abc', 0, 20)).toThrow(LambertWDomainError);
    expect(() => lambertW('1', 1 as Branch, 20)).toThrow(/branch must be 0 or -1/);
    expect(() => lambertW('1', 0, 20.5)).toThrow(RangeError);
    expect(lambertW('0', 0, 10).toString()).toBe('0');
    expect(lambertW('-0', 0, 10).isZero()).toBe(true);
  });

  it('each refusal names its input in one line, inputs longer than 60 characters cut to 60 with their digit count; the error is a LambertWDomainError by name too', () => {
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(LambertWDomainError);
        expect((e as Error).name).toBe('LambertWDomainError');
        return (e as Error).message;
      }
      throw new Error('returned');
    };
    const below = inverseEAt(3200).neg().minus('1e-3000');
    const z60 = '-0.4' + '1'.repeat(56), z61 = '-0.4' + '1'.repeat(57);
    // 66 digits written, the last 10 of them trailing zeros of an integer: all count (the input is exact)
    const zInt = '12345678901234567890123456789012345678901234567890123456' + '0'.repeat(10);
    expect([
      message(() => lambertW('abc', 0, 20)), message(() => lambertW('Infinity', 0, 20)), message(() => lambertW(below, 0, 50)),
      message(() => lambertW(z60, 0, 20)), message(() => lambertW(z61, -1, 20)), message(() => lambertW('0', -1, 20)),
      message(() => lambertW(zInt, -1, 20)),
      message(() => lambertW0f64(NaN)), message(() => lambertWm1f64(NaN)), message(() => lambertWm1f64(0.5)), message(() => lambertW0f64(-0.4)), message(() => lambertWm1f64(-0.4)),
    ]).toEqual([
      'z must be a finite number, got abc',
      'z must be finite, got Infinity',
      'z = -0.367879441171442321595523770161460867445811131031767834507… (3200 digits) is below the branch point −1/e; W is not real there',
      `z = ${z60} is below the branch point −1/e; W is not real there`,
      `z = ${z61.slice(0, 60)}… (58 digits) is below the branch point −1/e; W is not real there`,
      'W−1 is defined only for −1/e ≤ z < 0, got z = 0',
      `W−1 is defined only for −1/e ≤ z < 0, got z = ${new Decimal(zInt).toString().slice(0, 60)}… (66 digits)`,
      'z is NaN',
      'z is NaN',
      'W−1 is defined only for −1/e ≤ z < 0, got z = 0.5',
      'z = -0.4 is below the branch point −1/e; W is not real there',
      'z = -0.4 is below the branch point −1/e; W is not real there',
    ]);
  });

  it('at the branch point: z within 1e−3000 of −1/e gives −1 on both branches when above it and throws when below it (the sign of z + 1/e is always resolved); a 17-digit z just below −1/e throws', () => {
    const invE = inverseEAt(3200);
    const above = invE.neg().plus('1e-3000'), below = invE.neg().minus('1e-3000');
    expect(lambertW(above, 0, 50).toString()).toBe('-1');
    expect(lambertW(above, -1, 1000).toString()).toBe('-1');
    expect(() => lambertW(below, 0, 50)).toThrow(/below the branch point/);
    expect(() => lambertW(below, -1, 1000)).toThrow(LambertWDomainError);
    // −0.36787944117144233 (the double nearest −1/e, written exactly as 17 digits) is below −1/e
    expect(() => lambertW('-0.36787944117144233', 0, 20)).toThrow(LambertWDomainError);
    expect(lambertW('-0.36787944117144232', 0, 20).lt(-0.99999999)).toBe(true);
  });

  it('|z| far outside the double range: W0(1e100000), W−1(−1e−100000) satisfy w·e^w = z, W0(1e−3000) = 1e−3000 to 50 digits, W0(10^(10^15)) matches mpmath, beyond 10^±10^15 throws', () => {
    for (const [z, b] of [['1e100000', 0], ['-1e-100000', -1]] as const) {
      const w = new (decimalAt(60))(lambertW(z, b, 40));
      expect(w.times(w.exp()).div(z).minus(1).abs().toNumber()).toBeLessThan(1e-34);
    }
    expect(lambertW('1e-3000', 0, 50).toString()).toBe('1e-3000');
    // mpmath: W0(1e(10^15)) = 2302585092994010.31120915129606…
    expect(lambertW('1e1000000000000000', 0, 30).toString()).toBe('2302585092994010.31120915129606');
    expect(() => lambertW('1e1000000000000001', 0, 30)).toThrow(/within 10\^±1000000000000000/);
    expect(() => lambertW('-1e-1000000000000001', -1, 30)).toThrow(LambertWDomainError);
  });
});

describe('float64 Lambert W', () => {
  it(`every committed vector (${VECTORS.float64.length} doubles, both branches, the doubles next to −1/e, subnormal to 1.8e308) is within 2 ulp of the correctly rounded value`, () => {
    const worst = { 0: 0, [-1]: 0 } as Record<Branch, number>;
    const bad: string[] = [];
    for (const v of VECTORS.float64) {
      const z = Number(v.z);
      const ours = v.branch === 0 ? lambertW0f64(z) : lambertWm1f64(z);
      const u = ulpDistance(ours, Number(v.w));
      worst[v.branch] = Math.max(worst[v.branch], u);
      if (!(u <= 2)) bad.push(`${v.why}: W${v.branch}(${v.z}) = ${ours}, want ${v.w} (${u} ulp)`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
    console.log(`float64 W: worst ${worst[0]} ulp on W0, ${worst[-1]} ulp on W−1 over ${VECTORS.float64.length} vectors`);
  });

  it.each([
    // [branch, from, to, spacing, bound]: the header's measured worst relative error per range
    [0, -0.30326532985631671, -0.25, 'linear', 0.13],
    [0, -0.25, -1e-9, 'linear', 0.061],
    [0, 1e-9, 1 - 1e-12, 'linear', 0.017],
    [0, 1, 3 - 1e-12, 'linear', 0.12],
    [0, 3, 1e100, 'log', 0.045],
    [-1, -0.25, -1e-3, 'log', 0.0078],
    [-1, -1e-3, -1e-200, 'log', 3.3e-5],
  ] as const)('the float64 start on W%s over [%s, %s] (%s-spaced, 20,001 points) is within its documented relative error %s of W, and uses at least half of it (the bound is the measured one)', (branch, from, to, spacing, bound) => {
    let worst = 0;
    for (let i = 0; i <= 20000; i++) {
      const z = spacing === 'linear' ? from + ((to - from) * i) / 20000 : Math.sign(from) * Math.exp(Math.log(Math.abs(from)) + ((Math.log(Math.abs(to)) - Math.log(Math.abs(from))) * i) / 20000);
      const w = branch === 0 ? lambertW0f64(z) : lambertWm1f64(z);
      worst = Math.max(worst, Math.abs(lambertWStartF64(z, branch) - w) / Math.abs(w));
    }
    expect(worst).toBeLessThanOrEqual(bound * 1.01);
    expect(worst).toBeGreaterThan(bound / 2);
  });
  it(`for all doubles w ∈ [−40, 40] and z within 2^−40 of w·e^w (relative), then residual(w, e^w, z) is the exact w·e^w − z rounded once (Dekker's two-product, then Sterbenz) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.integer({ min: -(2 ** 12), max: 2 ** 12 }), (w, k) => {
        const E = Math.exp(w);
        const z = w * E * (1 + k * 2 ** -52);
        const exact = exactDecimal(w).times(exactDecimal(E)).minus(exactDecimal(z));
        expect(residual(w, E, z)).toBe(exact.toNumber());
      }),
      fcParams({ quick: 500, full: 5000 }),
    );
  });
  it('at the double nearest −1/e (just below −1/e) both branches give −1, not NaN; below that they throw', () => {
    expect(lambertW0f64(-0.36787944117144233)).toBe(-1);
    expect(lambertWm1f64(-0.36787944117144233)).toBe(-1);
    expect(() => lambertW0f64(-0.3678794411714424)).toThrow(LambertWDomainError);
    expect(() => lambertWm1f64(0)).toThrow(LambertWDomainError);
    expect(() => lambertW0f64(Number.NaN)).toThrow(LambertWDomainError);
    expect(lambertW0f64(Infinity)).toBe(Infinity);
    expect(lambertW0f64(5e-324)).toBe(5e-324);
    expect(lambertW0f64(-5e-324)).toBe(-5e-324);
    expect(Number.isFinite(lambertW0f64(Number.MAX_VALUE))).toBe(true);
    expect(Number.isFinite(lambertWm1f64(-5e-324))).toBe(true);
    expect(() => lambertWm1f64(-0)).toThrow(LambertWDomainError);
    expect(() => lambertWm1f64(Number.NaN)).toThrow(LambertWDomainError);
    expect(() => lambertW0f64(-Infinity)).toThrow(LambertWDomainError);
    expect(() => lambertWm1f64(-Infinity)).toThrow(LambertWDomainError);
  });

  it(`for all doubles x ∈ (−1/e, 0): W−1(x) ≤ −1 ≤ W0(x) ≤ 0, never NaN ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: -0.36787944117144228, max: -Number.MIN_VALUE, noNaN: true }), (x) => {
        const w0 = lambertW0f64(x), wm1 = lambertWm1f64(x);
        expect(wm1 <= -1 && -1 <= w0 && w0 <= 0).toBe(true);
      }),
      fcParams({ quick: 2000, full: 100000 }),
    );
  });

  it(`for all doubles z ≥ −1/e, the decimal W0 at 17 digits, as a double, is within 3 ulp of the float64 W0 (2 ulp for the float64, ≤ 1 more from rounding W to 17 digits and then to a double) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -0.36787944117144, max: 1e3, noNaN: true }), fc.double({ min: 1e-300, max: 1e300, noNaN: true })), (z) => {
        const ref = lambertW(exactDecimal(z), 0, 17).toNumber();
        expect(ulpDistance(lambertW0f64(z), ref)).toBeLessThanOrEqual(3);
      }),
      fcParams({ quick: 300, full: 20000 }),
    );
  });

  it(`for all doubles z ≥ −1/e, the decimal W0 at 30 digits, rounded to a double, is within 2 ulp of the float64 W0 ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -0.36787944117144, max: 1e3, noNaN: true }), fc.double({ min: 1e-300, max: 1e300, noNaN: true })), (z) => {
        // the double's exact value: near −1/e its shortest decimal form is a different input
        const ref = lambertW(exactDecimal(z), 0, 30).toNumber();
        expect(ulpDistance(lambertW0f64(z), ref)).toBeLessThanOrEqual(2);
      }),
      fcParams({ quick: 300, full: 20000 }),
    );
  });
});
