/**
 * L3.case2-branches (App. E, case 2): the two stationary points come from W0 and W−1, "a local
 * maximum and minimum respectively". Measured: per configuration with case 2 inside the setting,
 * one α in case 2; each point's kind by curvature (solve1d) and by comparing f at w ± h.
 */
import { Decimal } from 'decimal.js';
import { coefficient, objectiveValue, solve1d, thresholds, type Config1d, type Solution1d } from '../theory/logistic1d.ts';
import { between } from '../theory/sampling.ts';
import { config1d, unit } from './arbitraries.ts';
import { counterexample1d, drawClaimSizes, reproduce1d, SETTING_1D, shrunk1d, sizesRjBelowR, solveMemo } from './oneD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';
import fc from 'fast-check';

const DIGITS_PROPERTY = 30;

/** A zero of f′ is a strict local minimum iff f rises on both sides (by value, not by curvature). */
export function isLocalMin(c: Decimal, lambda: Decimal.Value, w: Decimal, digits: number): boolean {
  const h = new Decimal(10).pow(-Math.floor(digits / 4)).times(Decimal.max(w.abs(), 1));
  const f0 = objectiveValue(c, lambda, w);
  return objectiveValue(c, lambda, w.minus(h)).gt(f0) && objectiveValue(c, lambda, w.plus(h)).gt(f0);
}

/** 'as-stated' (W0 max, W−1 min), 'reversed' (W0 min, W−1 max), or 'other'. */
function assignment(sol: Solution1d, cfg: Config1d, digits: number): 'as-stated' | 'reversed' | 'other' {
  const c = coefficient('DA', cfg, digits);
  const p0 = sol.stationaryDA.find((p) => p.branch === 0), pm1 = sol.stationaryDA.find((p) => p.branch === -1);
  if (!p0 || !pm1) return 'other';
  const min0 = isLocalMin(c, cfg.lambda, p0.w, digits), minM1 = isLocalMin(c, cfg.lambda, pm1.w, digits);
  if (p0.kind === 'max' && !min0 && pm1.kind === 'min' && minM1) return 'as-stated';
  if (p0.kind === 'min' && min0 && pm1.kind === 'max' && !minM1) return 'reversed';
  return 'other';
}

export interface Evidence extends EvidenceBase {
  digits: number;
  asStated: number;
  reversed: number;
  other: number;
  counterexample: { cfg: Config1d; z: string; W0: { w: string; kind: string }; Wm1: { w: string; kind: string } } | null;
}

const case2Range = (t: ReturnType<typeof thresholds>): [Decimal, Decimal] | null => {
  const hi = Decimal.min(t.alphaFold, t.alphaMax);
  return hi.gt(t.alphaSplit) ? [t.alphaSplit, hi] : null;
};

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L3.case2-branches',
    paperRef: 'App. E, case 2',
    statement: 'App. E case 2: the two stationary points come from the primary and the secondary branch of W, "corresponding to a local maximum and minimum respectively".',
    dependsOn: ['L3.case-split'],
    assumptions: SETTING_1D,
  },

  properties: [
    property({
      title: 'for all configurations with |R_j| < |R| and α in case 2, then the primary-branch point is the local MINIMUM and the secondary-branch point the MAXIMUM, and DA\'s minimum is the W0 point',
      arbitrary: fc.tuple(sizesRjBelowR, unit).map(([s, u]) => {
        const r = case2Range(thresholds(config1d(s, 0), DIGITS_PROPERTY))!;
        return config1d(s, between(r[0], r[1], u));
      }),
      body: (cfg) => {
        const sol = solve1d(cfg, DIGITS_PROPERTY);
        ensure(assignment(sol, cfg, DIGITS_PROPERTY) === 'reversed', () => `not reversed at ${reproduce1d(cfg)}`);
        ensure(sol.wDA !== null && sol.wDA.eq(sol.stationaryDA.find((p) => p.branch === 0)!.w), () => `w_DA is not the W0 point at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 3000 },
    }),
  ],

  measure(ctx) {
    const digits = ctx.digits;
    let tried = 0, inScope = 0, asStated = 0, reversed = 0, other = 0;
    for (const { sizes, u } of drawClaimSizes(ctx, 'L3.case2-branches')) {
      tried++;
      const r = case2Range(thresholds(config1d(sizes, 0), digits));
      if (!r) continue; // |R_j| = |R|: case 2 lies outside the setting
      inScope++;
      const cfg = config1d(sizes, between(r[0], r[1], u()));
      const a = assignment(solveMemo(cfg, digits), cfg, digits);
      if (a === 'as-stated') asStated++;
      else if (a === 'reversed') reversed++;
      else other++;
    }
    const found = shrunk1d(ctx, 'L3.case2-branches', (t) => case2Range(t), (sol, cfg) => assignment(sol, cfg, digits) !== 'as-stated');
    const point = (sol: Solution1d, b: 0 | -1) => {
      const p = sol.stationaryDA.find((q) => q.branch === b);
      return { w: p ? p.w.toString() : 'none', kind: p ? p.kind : 'none' };
    };
    return {
      casesTried: tried, casesInScope: inScope, digits, asStated, reversed, other,
      counterexample: found && { cfg: found.cfg, z: found.sol.z.toString(), W0: point(found.sol, 0), Wm1: point(found.sol, -1) },
    };
  },

  judge(e) {
    if (e.casesInScope === 0) return 'inconclusive';
    return e.reversed + e.other > 0 ? 'refuted' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'A stationary point\'s kind is fixed by f″ = λ(1 + w) at it; there is no side condition under which the assignment could change.' },

  describe(e, verdict) {
    const n = e.casesInScope;
    if (n === 0) return { summary: 'Case 2 was not reached: no drawn configuration has |R_j| < |R|.', evidence: `${e.casesTried} configurations drawn, none with case 2 inside the setting.`, counterexample: null };
    const ce = e.counterexample;
    const why = e.reversed === n ? ' At a stationary point f″(w) = λ + c·e^{−w} = λ(1 + w) (using c·e^{−w} = λw), so W0(z) ≥ −1 is a minimum and W−1(z) ≤ −1 a maximum.' : '';
    return {
      summary: verdict === 'refuted' ? `The assignment is wrong in ${e.reversed + e.other} of ${n} case-2 configurations (reversed: W0 gives the minimum, W−1 the maximum, in ${e.reversed}).` : `The branch assignment is as stated in all ${n} case-2 configurations.`,
      evidence:
        `In ${n} case-2 configurations (${e.casesTried - n} had |R_j| = |R|, case 2 outside the setting), each stationary point's kind was read from f″ and confirmed by comparing f at w ± h: ` +
        `as stated (W0 maximum, W−1 minimum) in ${e.asStated}, reversed (W0 minimum, W−1 maximum) in ${e.reversed}, other in ${e.other}.${why}` +
        (ce ? ` fast-check's smallest counterexample: |R| = ${ce.cfg.R}, |F| = ${ce.cfg.F}, |R_j| = ${ce.cfg.Rj}, λ = ${ce.cfg.lambda}, α = ${ce.cfg.alpha}: W0 point ${ce.W0.w.slice(0, 12)} is a ${ce.W0.kind}, W−1 point ${ce.Wm1.w.slice(0, 12)} a ${ce.Wm1.kind}.` : ''),
      notes: 'Lemma 3 and the rest of App. E use the minimum; solve1d reports DA\'s minimum by curvature, so in case 2 it is W0(z) ∈ [−1, 0).',
      counterexample: ce ? counterexample1d(ce.cfg, { z: ce.z, W0: ce.W0, Wm1: ce.Wm1 }) : null,
    };
  },

  keyNumbers: (e) => ({ casesTried: e.casesTried, casesInScope: e.casesInScope, asStated: e.asStated, reversed: e.reversed, other: e.other }),
};

export default claim;
