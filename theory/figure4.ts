/**
 * Figure 4 (Sec. 5.1.2): for one configuration (|R|, |F|, |R_ij|, λ) and one ε,
 *  (a) the window the paper guarantees, (α_{D>DA}, α_{R>D}) from Lemma 9 and Lemma 10 (Eqs. (6)–(7)
 *      as reconstructed in claims.md), clipped to the admissible α ≤ |F|/|R_ij|;
 *  (b) the exact set of α where the true solutions are ordered x_R > x_D > x_DA and
 *      y_R > y_D > y_DA, as a union of intervals;
 *  (c) the α-range where DA's local minimum exists, [0, min(α_fold, |F|/|R_ij|)).
 * Method for (b): the predicate is evaluated in float64 on a grid of `gridPoints` α in the range
 * (c) (plus points just inside the ends of the window (a)), DA's minimum by continuation in α
 * along its branch (logistic2d.continueDA) and L_D's by damped Newton warm-started from the
 * previous α; every change of truth value between neighbours is then located by bisection in α
 * to 1e−13 of the range (single-α float64 solves). Accuracy: boundaries to ~1e−12 relative;
 * an ordering whose margin is below ~1e−12 cannot be resolved in float64: the claim check
 * re-evaluates the decisive points in decimal.
 * Theory (logistic2d.ts header): along DA's branch x_DA and y_DA fall as α grows, while x_D, y_D
 * rise (for L_D, B = αr/|D| = −P(x)e^{y(x)} is increasing in x), and x_R, y_R do not depend on α;
 * so the exact set is one interval (possibly empty) — a property test checks that the sweep finds
 * at most one.
 * The (a) thresholds are computed in decimal (paper's formulas), then rounded to float64.
 */
import { Decimal } from 'decimal.js';
import { NonConvergenceError, alphaDbeatsDA, alphaRbeatsD, continueDA, daFoldF64, daPointF64, minimizeConvexF64, coefficientsF64, type Config2d, type FoldF64, type WF64 } from './logistic2d.ts';

export interface Figure4Setting {
  R: Decimal.Value;
  F: Decimal.Value;
  Rij: Decimal.Value;
  lambda: Decimal.Value;
}

export interface AlphaRange {
  from: number;
  to: number;
}

export interface Figure4Row {
  eps: number;
  /** |F|/|R_ij|: α cannot exceed it */
  alphaMax: number;
  /** the paper's thresholds: α_{D>DA} (Lemma 9), α_x, α_y (Lemma 10, claims.md's reconstruction) */
  alphaDbeatsDA: number;
  alphaX: number;
  alphaY: number;
  /** (a) (α_{D>DA}, min(α_{R>D}, α_max)), null when empty; exact decimal ends for re-checks */
  guaranteed: AlphaRange | null;
  guaranteedExact: { from: string; to: string } | null;
  /** (c) DA's minimum exists for α < fold (and α ≤ α_max) */
  fold: number;
  daRange: AlphaRange;
  /** (b) where x_R > x_D > x_DA and y_R > y_D > y_DA hold (inside daRange) */
  exact: AlphaRange[];
  /** the guaranteed window reaches α ≥ fold, where DA has no stationary point */
  guaranteedPastFold: boolean;
  /** (a) ⊆ (b) on the part of (a) below the fold (tolerance 1e−9 of the range); null without a window */
  contained: boolean | null;
  /** float64 evaluations spent */
  evaluations: number;
}

/**
 * The ordering of Figure 4 at one α from float64 solutions: x_R > x_D > x_DA and y_R > y_D > y_DA,
 * strictly, with x = w1 + ε·w2 and y = ε·w1 + w2 (false where DA has no minimum).
 */
export function ordered(xR: number, yR: number, d: WF64, da: WF64 | null, eps: number): boolean {
  if (!da) return false;
  const xD = d.w1 + eps * d.w2, yD = eps * d.w1 + d.w2, xDA = da.w1 + eps * da.w2, yDA = eps * da.w1 + da.w2;
  return xR > xD && xD > xDA && yR > yD && yD > yDA;
}

/** The paper's window (a) at one ε, in decimal. */
export function guaranteedWindow(s: Figure4Setting, eps: Decimal.Value, digits = 30): { alphaDbeatsDA: Decimal; alphaX: Decimal; alphaY: Decimal; window: { from: Decimal; to: Decimal } | null } {
  const st = { ...s, eps };
  const lo = alphaDbeatsDA(st, digits).alpha;
  const th = alphaRbeatsD(st, digits);
  const hi = Decimal.min(th.alpha, new Decimal(s.F).div(s.Rij));
  return { alphaDbeatsDA: lo, alphaX: th.alphaX, alphaY: th.alphaY, window: hi.gt(lo) ? { from: lo, to: hi } : null };
}

export function figure4Row(s: Figure4Setting, eps: number, gridPoints: number, digits = 30): Figure4Row {
  const st = { ...s, eps: String(eps) };
  const alphaMax = Number(s.F) / Number(s.Rij);
  const g = guaranteedWindow(s, st.eps, digits);
  const fold: FoldF64 = daFoldF64(st);
  const top = Math.min(fold.alpha, alphaMax);
  const guaranteed = g.window && { from: g.window.from.toNumber(), to: g.window.to.toNumber() };
  const R = minimizeConvexF64(coefficientsF64('R', { ...st, alpha: 0 }));
  if (!R) throw new NonConvergenceError(`L_R's minimum did not converge (float64): ${JSON.stringify(st)}`);
  const xR = R.w1 + eps * R.w2, yR = eps * R.w1 + R.w2;
  let evaluations = 0;
  let warm: WF64 | undefined;
  const dAt = (alpha: number): WF64 => {
    const d = minimizeConvexF64(coefficientsF64('D', { ...st, alpha: String(alpha) }), warm);
    if (!d) throw new NonConvergenceError(`L_D's minimum did not converge (float64) at α = ${alpha}: ${JSON.stringify(st)}`);
    return d;
  };
  // the grid, and the middle of the window's part below top (the part windowContained reads), so that a
  // window narrower than a cell is probed: bisection then locates the exact set's ends on either side of it
  const pts = new Set<number>();
  for (let i = 0; i < gridPoints; i++) pts.add((top * i) / gridPoints);
  pts.add(top * (1 - 1e-7));
  const windowTop = guaranteed ? Math.min(guaranteed.to, top) : 0;
  if (guaranteed && windowTop > guaranteed.from) pts.add((guaranteed.from + windowTop) / 2);
  const alphas = [...pts].sort((a, b) => a - b);
  const branch = continueDA(st, alphas, fold);
  const truth = alphas.map((alpha, i) => {
    evaluations++;
    const d = dAt(alpha);
    warm = d;
    return ordered(xR, yR, d, branch.states[i]!, eps);
  });
  const single = (alpha: number): boolean => {
    evaluations++;
    return ordered(xR, yR, dAt(alpha), daPointF64(st, alpha, 'min', fold), eps);
  };
  const cuts: { at: number; rightTrue: boolean }[] = [];
  for (let i = 0; i + 1 < alphas.length; i++) {
    if (truth[i] === truth[i + 1]) continue;
    let l = alphas[i]!, r = alphas[i + 1]!;
    warm = undefined;
    // while r − l > 1e−13·top ≥ 1e−13·r the bracket spans hundreds of ulps, so its midpoint lies strictly inside
    for (let it = 0; r - l > 1e-13 * top; it++) {
      if (it >= 200) throw new NonConvergenceError(`figure4: bisection in α did not close in 200 steps on [${l}, ${r}]`);
      const m = 0.5 * (l + r);
      if (single(m) === truth[i]) l = m;
      else r = m;
    }
    cuts.push({ at: 0.5 * (l + r), rightTrue: truth[i + 1]! });
  }
  const exact: AlphaRange[] = [];
  let start: number | null = truth[0] ? alphas[0]! : null;
  for (const c of cuts) {
    if (c.rightTrue) start = c.at;
    else if (start !== null) {
      exact.push({ from: start, to: c.at });
      start = null;
    }
  }
  if (start !== null) exact.push({ from: start, to: top });
  const contained = guaranteed ? windowContained(guaranteed, exact, top) : null;
  return {
    eps, alphaMax,
    alphaDbeatsDA: g.alphaDbeatsDA.toNumber(), alphaX: g.alphaX.toNumber(), alphaY: g.alphaY.toNumber(),
    guaranteed, guaranteedExact: g.window && { from: g.window.from.toSignificantDigits(digits).toString(), to: g.window.to.toSignificantDigits(digits).toString() },
    fold: fold.alpha, daRange: { from: 0, to: top }, exact,
    guaranteedPastFold: !!guaranteed && guaranteed.to > fold.alpha,
    contained, evaluations,
  };
}

/**
 * (a) ⊆ (b): the part of the window below `top` (DA's range) lies inside one interval of the exact
 * set, each end with a tolerance of 1e−9·top (the exact ends are located by bisection to 1e−13·top,
 * the window's ends are float64 values of decimal ones); an empty part is contained.
 */
export function windowContained(window: AlphaRange, exact: AlphaRange[], top: number): boolean {
  const from = window.from, to = Math.min(window.to, top);
  const tol = 1e-9 * top;
  return !(to > from) || exact.some((iv) => iv.from <= from + tol && iv.to >= to - tol);
}

/** ε-grid of `points` values evenly spaced on [min, max]. */
export function epsGrid(g: { min: number; max: number; points: number }): number[] {
  return Array.from({ length: g.points }, (_, i) => (g.points === 1 ? g.min : g.min + ((g.max - g.min) * i) / (g.points - 1)));
}

export const width = (r: AlphaRange | null): number => (r ? Math.max(0, r.to - r.from) : 0);
export const totalWidth = (rs: AlphaRange[]): number => rs.reduce((s, r) => s + width(r), 0);

/** ∫ (window width) dε over the grid (trapezoid), in α-units × ε; the "area" of Figure 4's band. */
export function windowArea(rows: { eps: number; w: number }[]): number {
  let a = 0;
  for (let i = 0; i + 1 < rows.length; i++) a += ((rows[i]!.w + rows[i + 1]!.w) / 2) * (rows[i + 1]!.eps - rows[i]!.eps);
  return a;
}

/** Kendall's τ_b between two equally long samples (ties count for neither side). */
export function kendallTau(xs: number[], ys: number[]): number {
  let c = 0, d = 0, tx = 0, ty = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const sx = Math.sign(xs[j]! - xs[i]!), sy = Math.sign(ys[j]! - ys[i]!);
      if (sx === 0 && sy === 0) continue;
      if (sx === 0) tx++;
      else if (sy === 0) ty++;
      else if (sx === sy) c++;
      else d++;
    }
  }
  const den = Math.sqrt((c + d + tx) * (c + d + ty));
  return den === 0 ? 0 : (c - d) / den;
}

/** The setting (without ε) at a given overall forget fraction |F|/|D|, the other sizes kept. */
export function withForgetFraction(s: Figure4Setting, f: number): Figure4Setting {
  const R = Number(s.R);
  return { ...s, F: String(Math.max(1, Math.round((f * R) / (1 - f)))) };
}

/** A configuration string set for the CLI and counterexamples. */
export function config2dAt(s: Figure4Setting, eps: Decimal.Value, alpha: Decimal.Value): Config2d {
  return { R: String(s.R), F: String(s.F), Rij: String(s.Rij), lambda: String(s.lambda), eps: String(eps), alpha: String(alpha) };
}
