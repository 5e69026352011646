/**
 * X.logistic-do-nothing (this project: Sec. 5.1.1's "doing nothing is at least as good as DA" with
 * the true logistic loss). Measured on the α × λ grid shared with X.logistic-ordering
 * (properties/logistic-common.ts), with where the statement fails: below α_low, where c_DA = c_D.
 * The properties state the claim cell by cell and, by construction on either side of α_low, the part
 * of it that follows from the monotone minimiser alone (α ≤ |F|/|R|).
 */
import fc from 'fast-check';
import { alphaLow, cellTheory, doNothingNoWorse } from '../theory/lossComparison.ts';
import { DEFAULTS, sizes1d, unit } from './arbitraries.ts';
import { REGION_ASSUMPTIONS, regionClaim, sameUnderBothLosses, type RegionEvidence } from './logistic-common.ts';
import { ensure, property, type ClaimModule } from './types.ts';

export type Evidence = RegionEvidence;

const ID = 'X.logistic-do-nothing';
const NAME = '"doing nothing is at least as good as DA"';

const claim: ClaimModule<Evidence> = {
  entry: {
    id: ID,
    paperRef: 'this project (Sec. 5.1.1 with the true logistic loss)',
    statement: "\"Doing nothing is at least as good as DA\" (|w_D − w_R| ≤ |w_DA − w_R|) holds at the same (configuration, α, λ) under the true logistic loss as under the exponential proxy, and gradient descent under the logistic loss confirms it.",
    dependsOn: ['L3.do-nothing'],
    assumptions: REGION_ASSUMPTIONS,
  },

  properties: [
    sameUnderBothLosses('doNothing', 'doing nothing is at least as good as DA', DEFAULTS),
    property({
      title: 'for all configurations and α below α_low (or in [α_low, |F|/|R|]), then under both losses doing nothing is worse than DA (at least as good): c_D < c_DA < c_R (c_DA ≤ c_D ≤ c_R) and the minimiser is monotone in c',
      // α strictly inside (0, α_low) or (α_low, |F|/|R|), 1e−6 of the width from the ends (ties are the statement's tolerance)
      arbitrary: fc.tuple(sizes1d, unit, fc.boolean()),
      body: ([s, u, above]) => {
        const c = { R: s.R, F: s.F, Rj: s.Rj }, lo = alphaLow(c), split = s.F / s.R;
        const [a, b] = above ? [lo, Math.min(split, s.F / s.Rj)] : [0, lo];
        const alpha = a + (b - a) * (1e-6 + u * (1 - 2e-6));
        const cell = cellTheory(c, alpha, s.lambda);
        for (const [loss, p] of [['proxy', cell.exponential], ['logistic', cell.logistic]] as const) {
          ensure(doNothingNoWorse(p) === above, () => `${loss}: at α = ${alpha} (α_low = ${lo}) doing nothing is ${doNothingNoWorse(p) ? '' : 'not '}at least as good: ${JSON.stringify(p)}`);
        }
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 300, full: 5000 },
    }),
  ],

  ...regionClaim(ID, 'doNothing', NAME, 'Why: below α_low the coefficients order as c_D < c_DA < c_R and from α_low to |F|/|R| as c_DA ≤ c_D ≤ c_R, and both losses map c to w* monotonically; beyond |F|/|R| the grid is the evidence.'),
};

export default claim;
