/**
 * L3.case1-range (App. E, case 1): for |F|²/(|R|(|F|+|D|)) < α < |F|/|R|, w_DA < w_D < w_R.
 * Measured: one α drawn inside the range per configuration, and one probe either side of it (below
 * the lower end, above |F|/|R|) to show both ends matter. The range's formulas are pinned to exact
 * fractions (tests/vectors/logistic1d.json, scripts/gen-logistic1d-vectors.py) in the test.
 */
import { Decimal } from 'decimal.js';
import { solve1d, thresholds, type Config1d, type Solution1d } from '../theory/logistic1d.ts';
import { between } from '../theory/sampling.ts';
import { config1d, withAlphaIn } from './arbitraries.ts';
import { counterexample1d, drawClaimSizes, reproduce1d, SETTING_1D, solveMemo } from './oneD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

const DIGITS_PROPERTY = 30;
const th = (s: Parameters<typeof config1d>[0]) => thresholds(config1d(s, 0), DIGITS_PROPERTY);
const ordered = (s: Solution1d): boolean => s.wDA !== null && s.wDA.lt(s.wD) && s.wD.lt(s.wR);

export interface Evidence extends EvidenceBase {
  digits: number;
  failures: number;
  first: { cfg: Config1d; wDA: string; wD: string; wR: string } | null;
  /** probes below the lower end and above |F|/|R|, and how many of them broke the ordering */
  below: number;
  belowFail: number;
  above: number;
  aboveFail: number;
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L3.case1-range',
    paperRef: 'App. E, case 1',
    statement: 'App. E case 1: for `|F|²/(|R|(|F|+|D|)) < α < |F|/|R|`, `w_DA < w_D < w_R`.',
    dependsOn: ['L2.closed-form'],
    assumptions: SETTING_1D,
  },

  properties: [
    property({
      title: 'for all configurations and α ∈ (|F|²/(|R|(|F|+|D|)), |F|/|R|), then w_DA < w_D < w_R',
      arbitrary: withAlphaIn((s) => th(s).alphaLow, (s) => th(s).alphaSplit),
      body: ({ cfg }) => {
        const s = solve1d(cfg, DIGITS_PROPERTY);
        ensure(ordered(s), () => `w_DA < w_D < w_R fails at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 3000 },
    }),
  ],

  measure(ctx) {
    const digits = ctx.digits;
    let inScope = 0, failures = 0, below = 0, belowFail = 0, above = 0, aboveFail = 0;
    let first: Evidence['first'] = null;
    for (const { sizes, u } of drawClaimSizes(ctx, 'L3.case1-range')) {
      const t = thresholds(config1d(sizes, 0), digits);
      inScope++;
      const cfg = config1d(sizes, between(t.alphaLow, t.alphaSplit, u()));
      const s = solveMemo(cfg, digits);
      if (!ordered(s)) {
        failures++;
        first ??= { cfg, wDA: String(s.wDA), wD: s.wD.toString(), wR: s.wR.toString() };
      }
      below++;
      if (!ordered(solveMemo(config1d(sizes, between(new Decimal(0), t.alphaLow, u())), digits))) belowFail++;
      // above |F|/|R| inside the setting where |R_j| < |R|; where |R_j| = |R| the probe steps outside it
      above++;
      if (!ordered(solveMemo(config1d(sizes, between(t.alphaSplit, t.alphaMax.gt(t.alphaSplit) ? t.alphaMax : t.alphaSplit.times(2), u())), digits))) aboveFail++;
    }
    return { casesTried: inScope + below + above, casesInScope: inScope, digits, failures, first, below, belowFail, above, aboveFail };
  },

  judge(e) {
    if (e.casesInScope === 0) return 'inconclusive';
    return e.failures > 0 ? 'refuted' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'The claim states its own α-range; a failure inside it refutes it, and cases outside it are probes of the range, not missing conditions.' },

  describe(e, verdict) {
    const n = e.casesInScope;
    if (n === 0) return { summary: 'No configuration was measured: the scope is empty under these assumptions.', evidence: '0 configurations measured.', counterexample: null };
    const ends = e.belowFail === e.below && e.aboveFail === e.above
      ? 'so both ends of the range are needed'
      : `so ${e.belowFail < e.below ? `the lower end is not needed in ${e.below - e.belowFail} of ${e.below}` : 'the lower end is needed'} and ${e.aboveFail < e.above ? `the upper end is not needed in ${e.above - e.aboveFail} of ${e.above}` : 'the upper end is needed'}`;
    return {
      summary: verdict === 'refuted' ? `w_DA < w_D < w_R fails in ${e.failures} of ${n} configurations inside the stated range.` : `w_DA < w_D < w_R in all ${n} configurations; just outside the range it failed in ${e.belowFail} of ${e.below} below and ${e.aboveFail} of ${e.above} above.`,
      evidence:
        `For α drawn inside (|F|²/(|R|(|F|+|D|)), |F|/|R|) at ${e.digits} digits, w_DA < w_D < w_R held in ${n - e.failures} of ${n} configurations. ` +
        `Probes: for α below the lower end the ordering failed in ${e.belowFail} of ${e.below} configurations, and above |F|/|R| in ${e.aboveFail} of ${e.above}, ${ends}.`,
      counterexample: e.first ? counterexample1d(e.first.cfg, { wDA: e.first.wDA, wD: e.first.wD, wR: e.first.wR }) : null,
    };
  },

  keyNumbers: (e) => ({ casesTried: e.casesTried, casesInScope: e.casesInScope, failures: e.failures, below: e.below, belowFail: e.belowFail, above: e.above, aboveFail: e.aboveFail }),
};

export default claim;
