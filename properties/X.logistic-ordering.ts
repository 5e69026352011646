/**
 * X.logistic-ordering (this project: Lemma 3 with the true logistic loss). Measured on an α × λ grid
 * of configurations (properties/logistic-common.ts): the ordering's truth value under both losses
 * per cell (theory/lossComparison.ts), confirmed by gradient descent under the logistic loss on
 * every sampled cell. The properties state the claim cell by cell and the reason it cannot fail:
 * the logistic minimiser is strictly increasing in the coefficient c, as the proxy's W(c/λ) is.
 */
import fc from 'fast-check';
import { logisticMinimum } from '../theory/logisticLoss1d.ts';
import { DEFAULTS } from './arbitraries.ts';
import { REGION_ASSUMPTIONS, regionClaim, sameUnderBothLosses, type RegionEvidence } from './logistic-common.ts';
import { ensure, property, type ClaimModule } from './types.ts';

export type Evidence = RegionEvidence;

const ID = 'X.logistic-ordering';
const NAME = "Lemma 3's ordering";

const claim: ClaimModule<Evidence> = {
  entry: {
    id: ID,
    paperRef: 'this project (Lemma 3 with the true logistic loss)',
    statement: "Lemma 3's ordering ((w_DA − w_D)(w_D − w_R) ≥ 0: DA moves away from the oracle) holds at the same (configuration, α, λ) under the true logistic loss log(1 + e^{−y⟨w,x⟩}) as under the exponential proxy, and gradient descent under the logistic loss ends where the theory places it.",
    dependsOn: ['L3.ordering'],
    assumptions: REGION_ASSUMPTIONS,
  },

  properties: [
    sameUnderBothLosses('ordering', 'the ordering is true', DEFAULTS),
    property({
      title: 'for all λ > 0 and coefficients c₁ < c₂ (either sign), then the logistic minimiser w*(c₁) < w*(c₂): every sign in the ordering product is the sign of a coefficient difference',
      // c₂ = c₁ + gap with the gap at least 1e−6 of the scale, so the two minima are distinct floats
      arbitrary: fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.double({ min: -6, max: 1, noNaN: true })),
      body: ([c1, gap, l]) => {
        const lambda = 10 ** l, c2 = c1 + gap * (1 + Math.abs(c1));
        const w1 = logisticMinimum(c1, lambda), w2 = logisticMinimum(c2, lambda);
        ensure(w1 < w2, () => `w*(${c1}) = ${w1} is not below w*(${c2}) = ${w2} at λ = ${lambda}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 300, full: 5000 },
    }),
  ],

  ...regionClaim(ID, 'ordering', NAME, 'Why it cannot differ: under either loss the minimiser w*(c) is strictly increasing in c (dw*/dc = −ℓ′(w*)/f″(w*) > 0), so every sign in the product is the sign of a difference of coefficients, the same for both losses.'),
};

export default claim;
