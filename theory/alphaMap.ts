/**
 * Where in α a predicate holds: a union of closed intervals on [lo, hi], found by scanning a grid
 * that includes the caller's analytic breakpoints, then locating every change of truth value.
 * A change next to an analytic breakpoint is confirmed by evaluating at breakpoint ± δ; any other
 * change is located by bisection to relative width δ. So a boundary the theory predicts is tested,
 * and one it does not predict is still found (to grid resolution for its existence).
 */
import { Decimal } from 'decimal.js';

export interface AlphaInterval {
  from: Decimal;
  to: Decimal;
}

export interface AlphaMap {
  intervals: AlphaInterval[];
  /** boundaries that matched an analytic breakpoint, and those found by bisection alone */
  predictedBoundaries: Decimal[];
  unpredictedBoundaries: Decimal[];
  evaluations: number;
}

export function mapAlpha(
  predicate: (alpha: Decimal) => boolean,
  lo: Decimal,
  hi: Decimal,
  gridPoints: number,
  breakpoints: Decimal[],
  relDelta = new Decimal('1e-12'),
): AlphaMap {
  const pts: Decimal[] = [];
  for (let i = 0; i < gridPoints; i++) pts.push(lo.plus(hi.minus(lo).times(i).div(gridPoints - 1)));
  const inside = breakpoints.filter((b) => b.gt(lo) && b.lt(hi));
  pts.push(...inside);
  pts.sort((a, b) => a.cmp(b));
  const xs = pts.filter((x, i) => i === 0 || !x.eq(pts[i - 1]!));
  let evaluations = 0;
  const f = (a: Decimal): boolean => {
    evaluations++;
    return predicate(a);
  };
  const vals = xs.map(f);
  const delta = (x: Decimal): Decimal => Decimal.max(x.abs(), hi.minus(lo)).times(relDelta);
  const predicted: Decimal[] = [];
  const unpredicted: Decimal[] = [];
  /** boundaries as (position, truth value to the right) */
  const cuts: { at: Decimal; rightTrue: boolean }[] = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = xs[i]!, b = xs[i + 1]!, va = vals[i]!, vb = vals[i + 1]!;
    if (va === vb) continue;
    // a breakpoint at an end of this cell where the truth value flips within ±δ explains the change
    const bp = [a, b].find((x) => inside.some((p) => p.eq(x)));
    if (bp) {
      const d = delta(bp);
      const left = bp.eq(a) ? va : f(bp.minus(d));
      const right = bp.eq(b) ? vb : f(bp.plus(d));
      if (left === va && right === vb) {
        predicted.push(bp);
        cuts.push({ at: bp, rightTrue: vb });
        continue;
      }
    }
    let l = a, r = b;
    while (r.minus(l).gt(delta(r))) {
      const m = l.plus(r).div(2);
      if (f(m) === va) l = m;
      else r = m;
    }
    const at = l.plus(r).div(2);
    unpredicted.push(at);
    cuts.push({ at, rightTrue: vb });
  }
  const intervals: AlphaInterval[] = [];
  let start: Decimal | null = vals[0] ? xs[0]! : null;
  for (const c of cuts) {
    if (c.rightTrue) start = c.at;
    else if (start) {
      intervals.push({ from: start, to: c.at });
      start = null;
    }
  }
  if (start) intervals.push({ from: start, to: xs[xs.length - 1]! });
  return { intervals, predictedBoundaries: predicted, unpredictedBoundaries: unpredicted, evaluations };
}

/** Total length of a union of intervals. */
export function measure(intervals: AlphaInterval[]): Decimal {
  return intervals.reduce((s, iv) => s.plus(iv.to.minus(iv.from)), new Decimal(0));
}
