/**
 * The float64 Lambert W's work, which its header promises and its vectors cannot see (they see only
 * the doubles): the iterations each path takes on every committed float64 vector
 * (tests/vectors/lambertw.json), counted by theory/lambertw's float64Iterations. A stop test that
 * never fires, or fires a step late, leaves the same double behind and costs an exponential per step.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { branchPointOffset, decimalAt, float64Iterations, inverseEAt, lambertW, lambertW0f64, lambertWm1, lambertWm1f64, lambertWWorking } from '../theory/lambertw.ts';
import { fcParams, seedTag } from './seed.ts';

interface F64Vector { z: string; branch: 0 | -1; w: string; why: string }
const VECTORS = (JSON.parse(readFileSync(new URL('../tests/vectors/lambertw.json', import.meta.url), 'utf8')) as { float64: F64Vector[] }).float64;

/** The path the header assigns to z on each branch. */
function pathOf(z: number, branch: 0 | -1): 'tiny' | 'near' | 'log' | 'halley' {
  if (branch === 0) return Math.abs(z) < 1e-300 ? 'tiny' : z < -0.30326532985631671 ? 'near' : z > 1e100 ? 'log' : 'halley';
  return z < -0.25 ? 'near' : z > -1e-200 ? 'log' : 'halley';
}

describe('theory/lambertw: the float64 W\'s iterations', () => {
  it('on every committed float64 vector: Halley takes at most 3 steps on W0 and 2 on W−1, the branch-point Newton at most 3, the fixed-point form at most 4 on W−1 and at most 7 on W0 (or its 12-step cap, where the iteration ends cycling between two neighbouring doubles: at most 1% of them), and |z| < 1e−300 none', () => {
    const most: Record<string, number> = { 'W0 halley': 3, 'W-1 halley': 2, 'W0 near': 3, 'W-1 near': 3, 'W0 log': 7, 'W-1 log': 4, 'W0 tiny': 0 };
    const bad: string[] = [];
    const seen = new Map<string, number>();
    let capped = 0, logs = 0;
    for (const v of VECTORS) {
      const z = Number(v.z);
      const before = float64Iterations();
      if (v.branch === 0) lambertW0f64(z);
      else lambertWm1f64(z);
      const n = float64Iterations() - before;
      const key = `W${v.branch} ${pathOf(z, v.branch)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (key === 'W0 log') {
        logs++;
        if (n === 12) {
          capped++;
          continue;
        }
      }
      // every path but |z| < 1e−300 iterates at least once; written so that a NaN count fails too
      if (!(n >= (key === 'W0 tiny' ? 0 : 1) && n <= most[key]!)) bad.push(`${key}: ${n} iterations at z = ${v.z} (${v.why})`);
    }
    expect(bad).toEqual([]);
    // every path is exercised
    for (const key of Object.keys(most)) expect(seen.get(key) ?? 0, key).toBeGreaterThan(10);
    expect(capped).toBeLessThanOrEqual(logs / 100);
  });
});

describe('theory/lambertw: branchPointOffset', () => {
  it(`for all digits, z = −(1/e to K digits) + s·10^−m (K up to 2000, m up to 2·digits + 60: z + 1/e cancels up to min(K, m) digits), then the offset is z + 1/e to digits + 5 significant digits where at most 2·digits + 40 digits cancel, and beyond that has its sign and lies below 10^−(2·digits+40) ${seedTag}`, () => {
    const X = decimalAt(6000), invE = new X(inverseEAt(6000));
    let deep = 0, resolved = 0;
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 10, max: 2000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (digits, K, mRaw, mant, up) => {
        const m = 1 + (mRaw % (2 * digits + 60));
        const z = new X(inverseEAt(K)).neg().plus(new X(up ? mant : -mant).times(new X(10).pow(-m)));
        const exact = z.plus(invE);
        const off = branchPointOffset(z, digits);
        const at = `z = −1/e(${K}) ${up ? '+' : '−'} ${mant}e−${m} at ${digits} digits`;
        if (-exact.e <= 2 * digits + 40) {
          expect(off.minus(exact).abs().lte(exact.abs().times(new X(10).pow(-(digits + 5)))), `${at}: ${off} vs ${exact}`).toBe(true);
          resolved++;
        } else {
          expect(off.isNegative(), `${at}: the sign`).toBe(exact.isNegative());
          expect(off.isZero() || off.abs().lt(new X(10).pow(-(2 * digits + 40))), at).toBe(true);
          deep++;
        }
      }),
      fcParams({ quick: 150, full: 1500 }),
    );
    console.log(`branchPointOffset: ${resolved} resolved, ${deep} deep`);
    // both regimes are reached
    expect(resolved).toBeGreaterThan(fcParams({ quick: 150, full: 1500 }).numRuns! / 4);
    expect(deep).toBeGreaterThan(fcParams({ quick: 150, full: 1500 }).numRuns! / 20);
  });
});

describe('theory/lambertw: W−1 below the double range', () => {
  it(`for all digits and z = −m·10^−k with k past float64's range (310 … 3000), then W−1(z) ≤ −1 solves w·e^w = z to the requested digits of w (the start comes from ln|z| by W−1's own fixed-point form) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 60 }), fc.integer({ min: 310, max: 3000 }), fc.integer({ min: 1, max: 9 }), (digits, k, m) => {
        const D = decimalAt(digits + 20);
        const z = new D(-m).times(new D(10).pow(-k));
        const w = new D(lambertWm1(z, digits));
        expect(w.lte(-1)).toBe(true);
        // w is rounded to `digits` digits, and d(w·e^w)/dw = e^w(1 + w): the residual of the rounded w is up to |w(1 + w)|·10^(1−digits) of z
        const rel = w.times(w.exp()).minus(z).abs().div(z.abs());
        expect(rel.lte(w.times(w.plus(1)).abs().times(new D(10).pow(1 - digits))), `W−1(${z}) = ${w} at ${digits} digits: relative residual ${rel.toSignificantDigits(3)}`).toBe(true);
      }),
      fcParams({ quick: 40, full: 400 }),
    );
  });
});

describe('theory/lambertw: beyond the double range (tests/vectors/lambertw-beyond.json, mpmath, the committed generator)', () => {
  interface Vector { z: string; branch: 0 | -1; digits: number; w: string; why: string }
  const BEYOND = JSON.parse(readFileSync(new URL('../tests/vectors/lambertw-beyond.json', import.meta.url), 'utf8')) as Vector[];
  it('W0 at 1e100000 and 3e999999999999999, W−1 at −1e−100000 and −3e−999999999999999, 10–100 digits: the rounded value is mpmath\'s to 1 unit in the last digit, the value before rounding keeps its promised digits + 12 (where |W| ~ 2.3e15 a float64 start is O(1) off: Newton\'s step alone used to be taken as final, leaving 17 of 22 digits), in at most 4 steps', () => {
    const bad: string[] = [];
    for (const v of BEYOND) {
      const want = new Decimal(v.w);
      const got = lambertW(v.z, v.branch, v.digits);
      // trailing zeros of an integer-valued W are not digits of it: sd(false)
      expect(got.sd(false)).toBeLessThanOrEqual(v.digits);
      const unit = new Decimal(10).pow(want.e - v.digits + 1);
      if (!got.minus(want).abs().lte(unit)) bad.push(`W${v.branch}(${v.z}) at ${v.digits} digits: ${got} vs ${want}`);
      const { w, correct, steps } = lambertWWorking(v.z, v.branch, v.digits);
      const ref = lambertW(v.z, v.branch, v.digits + 40);
      const digitsKept = -Math.log10(w.minus(ref).abs().div(ref.abs()).toNumber());
      if (!(digitsKept >= correct - 1)) bad.push(`W${v.branch}(${v.z}) at ${v.digits} digits promises ${correct}, keeps ${digitsKept.toFixed(2)}`);
      if (!(steps >= 1 && steps <= 4)) bad.push(`W${v.branch}(${v.z}) at ${v.digits} digits: ${steps} steps`);
    }
    expect(BEYOND).toHaveLength(12);
    expect(bad).toEqual([]);
  });
});
