/**
 * theory/logistic1d.bisectRoot when a Newton iterate is an exact zero of g: its step is 0 and the
 * step test returns it; with a zero slope as well the step is 0/0 (NaN), which fails the bracket
 * test and leaves the zero value for the test after the Newton loop. Either way the zero itself.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { bisectRoot } from '../theory/logistic1d.ts';

describe('theory/logistic1d: bisectRoot on an exact zero', () => {
  it('g(w) = w − 1 (linear: Newton lands exactly on 1) from brackets around 1, with slope 1 and with a reported slope 0, gives exactly 1', () => {
    const g = (w: Decimal): Decimal => w.minus(1);
    for (const [lo, hi] of [['0.3', '3'], ['0.9999', '1.0003'], ['1.0003', '0.9999']] as const) {
      expect(bisectRoot(g, new Decimal(lo), new Decimal(hi), 30, (w) => [g(w), new Decimal(1)]).eq(1), `[${lo}, ${hi}], slope 1`).toBe(true);
      expect(bisectRoot(g, new Decimal(lo), new Decimal(hi), 30, (w) => [g(w), new Decimal(0)]).eq(1), `[${lo}, ${hi}], slope 0`).toBe(true);
    }
  });
});
