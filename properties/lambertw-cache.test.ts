/**
 * theory/lambertw's caches, as documented: decimalAt makes one decimal.js constructor per precision
 * (the solvers compare numbers across calls by constructor precision, and a clone per call would
 * also cost a configuration copy each time), and inverseEAt one 1/e per precision, the same object
 * on every call.
 */
import { describe, expect, it } from 'vitest';
import { decimalAt, inverseEAt } from '../theory/lambertw.ts';

describe('theory/lambertw: cached per precision', () => {
  it('decimalAt(p) is the same constructor on every call, with precision p; different p give different constructors', () => {
    for (const p of [10, 37, 300]) {
      const D = decimalAt(p);
      expect(decimalAt(p)).toBe(D);
      expect(D.precision).toBe(p);
    }
    expect(decimalAt(37)).not.toBe(decimalAt(38));
  });
  it('inverseEAt(p) is the same value object on every call, with p significant digits', () => {
    for (const p of [10, 41, 260]) {
      const v = inverseEAt(p);
      expect(inverseEAt(p)).toBe(v);
      expect(v.sd()).toBeLessThanOrEqual(p);
    }
  });
});
