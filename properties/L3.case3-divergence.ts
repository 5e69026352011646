/**
 * L3.case3-divergence (App. E, G): for z < −1/e DA has no local minimum and w_DA → −∞. Measured:
 * per configuration where case 3 lies inside the setting (λ < e(1 − |R_j|/|R|)), one α beyond the
 * fold: min over w of f′ = λ(1 + ln(|c|/λ)) > 0 (so descent decreases w by at least η times that per
 * step, without bound) and no zero of f′ by bisection; and a probe just inside the fold, where a
 * minimum must still exist.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { coefficient, gradientZerosByBisection, solve1d, thresholds, type Config1d } from '../theory/logistic1d.ts';
import { between } from '../theory/sampling.ts';
import { config1d, unit } from './arbitraries.ts';
import { fmt } from './common.ts';
import { counterexample1d, drawClaimSizes, reproduce1d, SETTING_1D, sizesRjBelowR, solveMemo } from './oneD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

const DIGITS_PROPERTY = 30;

/** min_w f′(w) / λ = 1 + ln(|c|/λ) for c < 0 (at w = ln(|c|/λ)). */
const marginOverLambda = (c: Decimal, lambda: Decimal.Value): Decimal => c.neg().div(lambda).ln().plus(1);

export interface Evidence extends EvidenceBase {
  digits: number;
  failures: number;
  first: { cfg: Config1d; margin: string; stationaryPoints: string[] } | null;
  /** the smallest min f′/λ over case-3 configurations (decimal string; none when no case) */
  smallestMargin: string | null;
  probes: number;
  probesWithMinimum: number;
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L3.case3-divergence',
    paperRef: 'App. E, G',
    statement: 'App. E / G: for `z < −1/e`, DA has no local minimum and `w_DA → −∞`.',
    dependsOn: ['L3.case-split'],
    assumptions: SETTING_1D,
  },

  properties: [
    property({
      title: 'for all configurations with z < −1/e (λ constructed below e(1 − |R_j|/|R|)), then f′ > 0 everywhere: no stationary point, descent runs to −∞',
      arbitrary: fc.tuple(sizesRjBelowR, unit, unit).map(([s, u, v]) => {
        const cap = Math.E * (1 - s.Rj / s.R);
        const sized = { ...s, lambda: Math.min(s.lambda, cap * (0.01 + 0.98 * v)) };
        const t = thresholds(config1d(sized, 0), DIGITS_PROPERTY);
        return config1d(sized, between(t.alphaFold, t.alphaMax, u));
      }),
      body: (cfg) => {
        const c = coefficient('DA', cfg, DIGITS_PROPERTY);
        ensure(marginOverLambda(c, cfg.lambda).gt(0), () => `min f′ ≤ 0 at ${reproduce1d(cfg)}`);
        ensure(gradientZerosByBisection(c, cfg.lambda, DIGITS_PROPERTY).length === 0, () => `f′ has a zero at ${reproduce1d(cfg)}`);
        ensure(solve1d(cfg, DIGITS_PROPERTY).wDA === null, () => `solve1d reports a minimum at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 3000 },
    }),
  ],

  measure(ctx) {
    const digits = ctx.digits;
    let tried = 0, inScope = 0, failures = 0, probes = 0, probesWithMinimum = 0;
    let first: Evidence['first'] = null;
    let smallest: Decimal | null = null;
    for (const { sizes, u } of drawClaimSizes(ctx, 'L3.case3-divergence')) {
      tried++;
      const t = thresholds(config1d(sizes, 0), digits);
      if (!t.alphaMax.gt(t.alphaFold)) continue; // case 3 needs λ < e(1 − |R_j|/|R|)
      inScope++;
      const cfg = config1d(sizes, between(t.alphaFold, t.alphaMax, u()));
      const c = coefficient('DA', cfg, digits);
      const margin = marginOverLambda(c, cfg.lambda);
      const zeros = gradientZerosByBisection(c, cfg.lambda, digits);
      if (!(margin.gt(0) && zeros.length === 0 && solveMemo(cfg, digits).wDA === null)) {
        failures++;
        first ??= { cfg, margin: margin.toString(), stationaryPoints: zeros.map(String) };
      }
      if (smallest === null || margin.lt(smallest)) smallest = margin;
      probes++;
      const inside = config1d(sizes, t.alphaFold.minus(t.alphaFold.minus(t.alphaSplit).times('1e-6')).toSignificantDigits(digits));
      if (solveMemo(inside, digits).wDA !== null) probesWithMinimum++;
    }
    return { casesTried: tried, casesInScope: inScope, digits, failures, first, smallestMargin: smallest === null ? null : smallest.toString(), probes, probesWithMinimum };
  },

  judge(e) {
    if (e.casesInScope === 0) return 'inconclusive';
    return e.failures > 0 ? 'refuted' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'For z < −1/e, f′ ≥ λ(1 + ln(|c|/λ)) > 0 is an identity; no side condition can add a minimum. Where the minimum disappears is probed and pinned as a key number, and belongs to L3.case-split.' },

  describe(e, verdict) {
    const n = e.casesInScope;
    if (n === 0) return { summary: 'Case 3 was not reached: it needs λ < e(1 − |R_j|/|R|) inside the setting.', evidence: `${e.casesTried} configurations drawn, none reaching case 3 inside the setting.`, counterexample: null };
    return {
      summary: verdict === 'refuted' ? `${e.failures} of ${n} case-3 configurations have a stationary point.` : `In all ${n} case-3 configurations f′ > 0 everywhere (smallest margin ${fmt(e.smallestMargin, 4)}·λ): no minimum, descent runs to −∞.`,
      evidence:
        `In ${n - e.failures} of ${n} case-3 configurations min_w f′(w) = λ(1 + ln(|c|/λ)) > 0, f′ has no zero (bisection) and solve1d finds no minimum (smallest margin ${fmt(e.smallestMargin, 4)}·λ)` +
        (e.failures === 0 ? '; so in every one gradient descent decreases w by at least η·λ(1 + ln(|c|/λ)) per step: w_DA → −∞. ' : `; in ${e.failures} it does not. `) +
        `Just inside the fold (α = fold − 1e−6·(fold − |F|/|R|)) a local minimum exists in ${e.probesWithMinimum} of ${e.probes} configurations.`,
      notes: `${e.casesTried - n} drawn configurations cannot reach case 3 inside the setting (α ≤ |F|/|R_j|).`,
      counterexample: e.first ? counterexample1d(e.first.cfg, { minimumOfGradientOverLambda: e.first.margin, stationaryPoints: e.first.stationaryPoints }) : null,
    };
  },

  keyNumbers: (e) => ({ casesTried: e.casesTried, casesInScope: e.casesInScope, failures: e.failures, smallestMargin: e.smallestMargin === null ? -1 : Number(e.smallestMargin), probes: e.probes, probesWithMinimum: e.probesWithMinimum }),
};

export default claim;
