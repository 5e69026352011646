/**
 * theory/logisticLoss1d.ts's minimiser against a decimal Newton polish of the same equation: the
 * header's accuracy (2 ulp of the root of w(1 + e^w) = z for z = fl(c/λ)), tighter than the claim
 * module's 8-ulp bracket, over every scale of z, including z ≪ 0 where the root is z itself; and
 * the header's step counts (at most 6 Newton steps, 1 from the W0 start for z ≳ 1e30), counted by
 * minimumIterations over a deterministic grid of z = ±10^(k/10) across the whole double range.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { logisticMinimum, logisticCurvature, logisticGradient, minimumIterations } from '../theory/logisticLoss1d.ts';
import { decimalAt } from '../theory/lambertw.ts';
import { fcParams, seedTag } from './seed.ts';
import { ulp } from './ulp.ts';

const D = decimalAt(50);
/** The root of w(1 + e^w) = z to ~45 digits: Newton from a start within 1e−12 relative (quadratic, 8 steps). */
function polished(z: number, w0: number): Decimal {
  let w = new D(w0);
  const zd = new D(z);
  for (let i = 0; i < 8; i++) {
    const e = w.exp();
    w = w.minus(w.times(e.plus(1)).minus(zd).div(e.times(w.plus(1)).plus(1)));
  }
  return w;
}
/** How many ulps of w it lies from `root`. */
const ulpsOff = (w: number, root: Decimal): number => new D(w).minus(root).abs().div(ulp(w)).toNumber();
describe('theory/logisticLoss1d: the minimiser', () => {
  it(`for all c = ±10^[−6, 6] and λ = 10^[−6, 1], then logisticMinimum is within 2 ulp of the root of w(1 + e^w) = fl(c/λ) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.boolean(), fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: -6, max: 1, noNaN: true }), (neg, lc, ll) => {
        const c = (neg ? -1 : 1) * 10 ** lc, lambda = 10 ** ll;
        const w = logisticMinimum(c, lambda);
        const root = polished(c / lambda, w);
        expect(ulpsOff(w, root), `c = ${c}, λ = ${lambda}: w = ${w}, root ${root}`).toBeLessThanOrEqual(2);
      }),
      fcParams({ quick: 300, full: 3000 }),
    );
  });
  it('far left (z ≪ 0) the root is z to the last bit: the Newton step lands on the bracket end and is kept', () => {
    for (const [c, lambda] of [[-64.30201831790794, 3.65435838192335e-5], [-683021.8070932478, 0.3716114627405057], [-1e6, 1e-6]] as const) {
      const z = c / lambda;
      expect(logisticMinimum(c, lambda)).toBe(z);
    }
  });
  it('for all z = ±10^(k/50), k = −350 … 600 (every scale the claims use, 1902 points), then logisticMinimum(z, 1) is within 2 ulp of the root', () => {
    let asserted = 0;
    for (let k = -350; k <= 600; k++) for (const s of [-1, 1]) {
      const z = s * 10 ** (k / 50);
      const w = logisticMinimum(z, 1);
      expect(ulpsOff(w, polished(z, w)), `z = ${z}`).toBeLessThanOrEqual(2);
      asserted++;
    }
    expect(asserted).toBe(1902);
  });
  it('for all z = ±10^(k/10), k = −3080 … 3080, then logisticMinimum(z, 1) takes 1 to 6 Newton steps: the most is 6 overall, 1 for z ≥ 1e30 and 2 for z ≤ −1e30 (the middle of the bracket took up to 18 for z ≫ 1)', () => {
    const worst = { all: 0, farRight: 0, farLeft: 0 };
    let least = Infinity;
    for (let k = -3080; k <= 3080; k++) for (const s of [-1, 1]) {
      const z = s * 10 ** (k / 10), before = minimumIterations();
      logisticMinimum(z, 1);
      const n = minimumIterations() - before;
      least = Math.min(least, n);
      worst.all = Math.max(worst.all, n);
      if (z >= 1e30) worst.farRight = Math.max(worst.farRight, n);
      if (z <= -1e30) worst.farLeft = Math.max(worst.farLeft, n);
    }
    expect(least).toBe(1);
    expect(worst).toEqual({ all: 6, farRight: 1, farLeft: 2 });
  });
  it('c/λ beyond float64 (c = ±1e308 with λ = 1e−10, c = ±1 with λ = 1e−320) is refused with RangeError naming c/λ, where it returned +∞ or ran to the step cap', () => {
    for (const [c, lambda] of [[1e308, 1e-10], [-1e308, 1e-10], [1, 1e-320], [-1, 1e-320]] as const) {
      expect(() => logisticMinimum(c, lambda), `c = ${c}, λ = ${lambda}`).toThrow(/c\/λ overflows float64/);
    }
    // just inside the range: finite answers (w* ≈ ln z on the right, z on the left)
    expect(logisticMinimum(1e308, 1)).toBeCloseTo(702.641362034, 8);
    expect(logisticMinimum(-1e308, 1)).toBe(-1e308);
  });
  it('c = 0 gives 0; subnormal to tiny |z| (w ≈ z/2) keep the 2 ulp', () => {
    expect(logisticMinimum(0, 1)).toBe(0);
    for (const z of [5e-324, -5e-324, 1e-300, -1e-300, 3e-10, -3e-10]) {
      const w = logisticMinimum(z, 1);
      if (Math.abs(z) < 1e-300) expect(Math.abs(w)).toBeLessThanOrEqual(5e-324);
      else expect(ulpsOff(w, polished(z, w))).toBeLessThanOrEqual(2);
    }
  });
});

describe('theory/logisticLoss1d: σ far in the tail', () => {
  it('σ(−w) for w past 709 (where e^w overflows) is e^{−w}/(1 + e^{−w}), not 1/(1 + ∞) = 0: with c = 1e300 it moves the gradient and the curvature by ~2e−13', () => {
    const w = 720, tail = 1e300 * Math.exp(-w);
    expect(tail).toBeGreaterThan(1e-13);
    expect(logisticGradient(1e300, 1, w)).toBe(w - tail);
    expect(logisticCurvature(1e300, 1, w)).toBe(1 + tail);
  });
});
