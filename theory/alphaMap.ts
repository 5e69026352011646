/**
 * Where in α a condition holds: a union of closed intervals, found by evaluating a signed value at
 * sample points and locating every change of sign between neighbouring points numerically. The
 * locations are measured, never assumed: the sample points may include points NEAR the ends a
 * theory predicts (so a narrow set is not missed), but an end is wherever the sign changes.
 *
 * Method of each location: the Illinois variant of regula falsi on the value, which converges
 * superlinearly to a simple zero of a continuous value; where the value is not finite (e.g. DA has
 * no minimum) or a step would not land strictly inside the bracket, a bisection step is taken instead. Accuracy: the
 * bracket is shrunk to `relWidth` relative to its magnitude (at the caller's working precision).
 * Every location has a step cap (`maxSteps`) and throws NonConvergenceError when it is reached.
 */
import { Decimal } from 'decimal.js';

export interface AlphaInterval {
  from: Decimal;
  to: Decimal;
}

/** The sign of the condition at α, and a value continuous in α whose sign it is (null where not finite). */
export interface Signed {
  holds: boolean;
  value: Decimal | null;
}

export interface AlphaSet {
  intervals: AlphaInterval[];
  /** every change of truth value, in increasing α, with the truth value to its right */
  changes: { at: Decimal; rightHolds: boolean }[];
  evaluations: number;
}

import { NonConvergenceError } from './errors.ts';

export { NonConvergenceError };

/**
 * The point where `signed(α).holds` changes between a (holds = `ha`) and b (the other value), to
 * relative width `relWidth`. Throws NonConvergenceError after `maxSteps` evaluations.
 */
export function locateChange(signed: (alpha: Decimal) => Signed, a: Decimal, b: Decimal, fa: Signed, fb: Signed, relWidth: Decimal, maxSteps = 300): { at: Decimal; evaluations: number } {
  let lo = a, hi = b;
  let vlo = fa.value, vhi = fb.value;
  const hlo = fa.holds;
  let evaluations = 0;
  let side = 0; // Illinois: which end was kept in the last two steps (halve its value when kept twice)
  for (let i = 0; i < maxSteps; i++) {
    const width = hi.minus(lo);
    if (width.lte(relWidth.times(Decimal.max(lo.abs(), hi.abs())))) return { at: lo.plus(hi).div(2), evaluations };
    let x: Decimal | null = null;
    if (vlo !== null && vhi !== null && !vhi.minus(vlo).isZero()) {
      x = lo.minus(vlo.times(width).div(vhi.minus(vlo)));
      // a step that does not land strictly inside the bracket is replaced by bisection
      if (!(x.gt(lo) && x.lt(hi))) x = null;
    }
    x ??= lo.plus(hi).div(2);
    const fx = signed(x);
    evaluations++;
    // an exact zero of the value is the change itself (regula falsi could not move off it otherwise)
    if (fx.value !== null && fx.value.isZero()) return { at: x, evaluations };
    if (fx.holds === hlo) {
      lo = x;
      vlo = fx.value;
      if (side === -1 && vhi !== null) vhi = vhi.div(2);
      side = -1;
    } else {
      hi = x;
      vhi = fx.value;
      if (side === 1 && vlo !== null) vlo = vlo.div(2);
      side = 1;
    }
  }
  throw new NonConvergenceError(`locating a change of truth value on [${a}, ${b}] did not converge in ${maxSteps} steps`);
}

/**
 * The set where `signed(α).holds` on [min(points), max(points)]: evaluated at every point, then each
 * change between neighbours located by `locateChange`. A set narrower than the spacing of the points
 * is missed, so callers pass points fine enough where a theory suggests an end.
 */
export function mapAlpha(signed: (alpha: Decimal) => Signed, points: Decimal[], relWidth: Decimal, maxSteps = 300): AlphaSet {
  const sorted = [...points].sort((a, b) => a.cmp(b));
  const xs = sorted.filter((x, i) => i === 0 || !x.eq(sorted[i - 1]!));
  const vals = xs.map(signed);
  let evaluations = xs.length;
  const changes: AlphaSet['changes'] = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    if (vals[i]!.holds === vals[i + 1]!.holds) continue;
    const r = locateChange(signed, xs[i]!, xs[i + 1]!, vals[i]!, vals[i + 1]!, relWidth, maxSteps);
    evaluations += r.evaluations;
    changes.push({ at: r.at, rightHolds: vals[i + 1]!.holds });
  }
  const intervals: AlphaInterval[] = [];
  let start: Decimal | null = vals[0]!.holds ? xs[0]! : null;
  for (const c of changes) {
    if (c.rightHolds) start = c.at;
    else if (start) {
      intervals.push({ from: start, to: c.at });
      start = null;
    }
  }
  if (start) intervals.push({ from: start, to: xs[xs.length - 1]! });
  return { intervals, changes, evaluations };
}

/** Total length of a union of intervals. */
export function measure(intervals: AlphaInterval[]): Decimal {
  return intervals.reduce((s, iv) => s.plus(iv.to.minus(iv.from)), new Decimal(0));
}
