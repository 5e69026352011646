/**
 * theory/lambertw.ts's 1/e (inverseEAt) in a module of its own: the master value grows with the
 * largest precision asked for, so only a fresh module sees each growth step. Reference: decimal.js's
 * own e^−1 at 2,620 digits (a different method: its exp, not the alternating series).
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { inverseEAt } from '../theory/lambertw.ts';

const REF = new (Decimal.clone({ precision: 2620 }))(-1).exp();

describe('theory/lambertw: 1/e at every precision', () => {
  it('inverseEAt(p), asked in a growing order that crosses each regrowth of its master value (120, 2×, p + 10) and then smaller and repeated, is within 0.51 units in its last place and has p digits', () => {
    // the first call sizes the master at p + 10 (not 120, not twice a previous one): it must be the largest so far
    const order = [500, 515, 10, 109, 110, 111, 119, 120, 121, 131, 250, 251, 262, 263, 530, 531, 1000, 1100, 2600, 50, 2600, 131];
    for (const p of order) {
      const v = inverseEAt(p);
      expect(v.sd(true), `digits of 1/e at ${p}`).toBeLessThanOrEqual(p);
      const ulp = new Decimal(10).pow(v.e - p + 1);
      const units = v.minus(REF).abs().div(ulp).toNumber();
      expect(units, `1/e at ${p} digits is ${units} units off`).toBeLessThanOrEqual(0.51);
    }
    expect(inverseEAt(131)).toBe(inverseEAt(131));
  });
});
