/**
 * theory/alphaMap.ts, the measured α-sets every interval claim reads: on signed values with known
 * zeros (products of (α − r_i), so the true set is known exactly) mapAlpha must return every change
 * at its zero within the asked relative width, with the right side's truth value, the intervals
 * between them and their total length; the Illinois steps must converge superlinearly (far fewer
 * evaluations than bisection), fall back to bisection where the value is not finite, stop on an
 * exact zero, and throw NonConvergenceError at the step cap.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { locateChange, mapAlpha, measure, NonConvergenceError, type Signed } from '../theory/alphaMap.ts';
import { decimalAt } from '../theory/lambertw.ts';
import { fcParams, seedTag } from './seed.ts';

const D = decimalAt(60);
const REL = new D('1e-40');

/** Zeros r_1 < … < r_k in (1, 10), at least 0.05 apart, each an exact decimal of 6 places off the grid of sample points. */
const zeros = fc.uniqueArray(fc.integer({ min: 20, max: 180 }), { minLength: 1, maxLength: 5 }).map((ks) => ks.sort((a, b) => a - b).map((k) => new D(k).div(20).plus(new D((k % 7) + 1).div(1e6))));

const product = (rs: Decimal[], sign: 1 | -1) => (a: Decimal): Signed => {
  const v = rs.reduce((p, r) => p.times(a.minus(r)), new D(sign));
  return { holds: v.gt(0), value: v };
};

describe('mapAlpha', () => {
  it(`for all sets of simple zeros in (1, 10) and either sign, then every change is at a zero within 1e−40 relative, with the right truth value, the intervals are where the product is positive and measure() is their total length ${seedTag}`, () => {
    fc.assert(
      fc.property(zeros, fc.boolean(), (rs, neg) => {
        const sign = neg ? -1 : 1;
        const signed = product(rs, sign);
        // spacing 0.01 < the zeros' 0.05 separation; shuffled with a duplicate, as callers may pass them
        const points = Array.from({ length: 1001 }, (_, i) => new D(i).div(100)).reverse();
        points.push(points[3]!);
        const set = mapAlpha(signed, points, REL);
        expect(set.changes.length).toBe(rs.length);
        set.changes.forEach((c, i) => {
          expect(c.at.minus(rs[i]!).abs().lte(rs[i]!.times('2e-40')), `change ${i} at ${c.at}, zero ${rs[i]}`).toBe(true);
          expect(c.rightHolds).toBe(signed(rs[i]!.plus('1e-3')).holds);
        });
        // the exact set: ends at 0, 10 and the zeros, kept where the product is positive in between
        const ends = [new D(0), ...rs, new D(10)];
        const exact = ends.slice(1).map((b, i) => ({ from: ends[i]!, to: b })).filter((iv) => signed(iv.from.plus(iv.to).div(2)).holds);
        const merged = exact.reduce<{ from: Decimal; to: Decimal }[]>((acc, iv) => (acc.length && acc[acc.length - 1]!.to.eq(iv.from) ? (acc[acc.length - 1]!.to = iv.to, acc) : [...acc, { ...iv }]), []);
        expect(set.intervals.length).toBe(merged.length);
        set.intervals.forEach((iv, i) => {
          expect(iv.from.minus(merged[i]!.from).abs().lte('1e-38') && iv.to.minus(merged[i]!.to).abs().lte('1e-38'), `interval ${i}: [${iv.from}, ${iv.to}] vs [${merged[i]!.from}, ${merged[i]!.to}]`).toBe(true);
        });
        expect(measure(set.intervals).minus(measure(merged)).abs().lte('1e-37')).toBe(true);
        // 1001 distinct points, then superlinear location: a handful of steps per zero, not bisection's ~135
        expect(set.evaluations).toBeGreaterThan(1001);
        expect(set.evaluations).toBeLessThanOrEqual(1001 + 20 * rs.length);
      }),
      fcParams({ quick: 25, full: 300 }),
    );
  });

  it('a condition with no change of truth value gives one interval over all points (holds) or none (fails), and only the point evaluations', () => {
    // unsorted, with a repeated point: each distinct point is evaluated once
    const pts = [3, 1, 2, 2].map((x) => new D(x));
    const yes = mapAlpha(() => ({ holds: true, value: new D(1) }), pts, REL);
    expect(yes.intervals.map((iv) => [iv.from.toNumber(), iv.to.toNumber()])).toEqual([[1, 3]]);
    expect(yes.evaluations).toBe(3);
    const no = mapAlpha(() => ({ holds: false, value: new D(-1) }), pts, REL);
    expect(no.intervals).toEqual([]);
    expect(no.changes).toEqual([]);
  });

  it('a change between the first two points is located (and the first neighbour pair is read, not the one before it)', () => {
    const f = (a: Decimal): Signed => ({ holds: a.gt('0.5'), value: a.minus('0.5').times(a.plus(1)) });
    const set = mapAlpha(f, [0, 1, 2].map((x) => new D(x)), REL);
    expect(set.changes.length).toBe(1);
    expect(set.changes[0]!.at.minus('0.5').abs().lte('1e-40')).toBe(true);
    expect(set.intervals.map((iv) => [iv.from.toNumber(), iv.to.toNumber()])).toEqual([[0.5, 2]]);
  });
});

describe('locateChange', () => {
  it(`for all zeros r ∈ (0, 1) and brackets around them, the Illinois steps on the convex (α − r)·(1 + 9α²) reach 1e−40 relative in at most 20 evaluations (bisection needs about 135) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (k, l, h) => {
        const r = new D(k).div(1000).plus('1e-7');
        const f = (a: Decimal): Signed => { const v = a.minus(r).times(a.times(a).times(9).plus(1)); return { holds: v.gt(0), value: v }; };
        const a = r.minus(new D(l).div(100)), b = r.plus(new D(h).div(100));
        const { at, evaluations } = locateChange(f, a, b, f(a), f(b), REL);
        expect(at.minus(r).abs().lte(r.abs().plus(1).times('2e-40')), `located ${at}, zero ${r}`).toBe(true);
        expect(evaluations).toBeLessThanOrEqual(20);
      }),
      fcParams({ quick: 30, full: 300 }),
    );
  });

  it('where the value is not finite (null) the step is bisection and still converges; an exact zero of the value ends the search at once; the step cap throws NonConvergenceError', () => {
    const r = new D('0.3');
    // null left of r (like DA without a minimum), linear to the right
    const partial = (a: Decimal): Signed => (a.lt(r) ? { holds: false, value: null } : { holds: true, value: a.minus(r).plus('1e-50') });
    const a = new D(0), b = new D(1);
    const p = locateChange(partial, a, b, partial(a), partial(b), new D('1e-12'));
    expect(p.at.minus(r).abs().lte('1e-12')).toBe(true);
    // bisection: ~40 halvings of [0, 1] to 1e−12 relative, where a regula falsi step would need the missing value
    expect(p.evaluations).toBeGreaterThanOrEqual(30);

    // null right of r (the mirror case): bisection again, never a step from the missing value
    const partialRight = (x: Decimal): Signed => (x.gt(r) ? { holds: false, value: null } : { holds: true, value: r.minus(x).plus('1e-50') });
    const q = locateChange(partialRight, a, b, partialRight(a), partialRight(b), new D('1e-12'));
    expect(q.at.minus(r).abs().lte('1e-12')).toBe(true);

    // a value of one sign on both ends (its regula falsi step leaves the bracket): the step is replaced by bisection
    const oneSign = (x: Decimal): Signed => ({ holds: x.gt(r), value: x.minus(r).abs().plus(1) });
    const o = locateChange(oneSign, a, b, oneSign(a), oneSign(b), new D('1e-12'));
    expect(o.at.minus(r).abs().lte('1e-12')).toBe(true);

    // the cap counts evaluations: exactly maxSteps calls of signed before the error
    let calls = 0;
    const counted = (x: Decimal): Signed => { calls++; const v = x.pow(3).minus(2); return { holds: v.gt(0), value: v }; };
    const [ca, cb] = [counted(a), counted(new D(2))];
    calls = 0;
    expect(() => locateChange(counted, a, new D(2), ca, cb, REL, 5)).toThrow(NonConvergenceError);
    expect(calls).toBe(5);

    const linear = (x: Decimal): Signed => ({ holds: x.gt('0.25'), value: x.minus('0.25') });
    const hit = locateChange(linear, a, b, linear(a), linear(b), REL);
    expect(hit.at.eq('0.25')).toBe(true);
    expect(hit.evaluations).toBe(1);

    const cubic = (x: Decimal): Signed => { const v = x.pow(3).minus(2); return { holds: v.gt(0), value: v }; };
    expect(() => locateChange(cubic, a, new D(2), cubic(a), cubic(new D(2)), REL, 3)).toThrow(NonConvergenceError);
    expect(() => locateChange(cubic, a, new D(2), cubic(a), cubic(new D(2)), REL, 3)).toThrow(/did not converge in 3 steps/);
    expect(locateChange(cubic, a, new D(2), cubic(a), cubic(new D(2)), REL).at.minus(new D(2).cbrt()).abs().lte('1e-39')).toBe(true);
  });
});
