/**
 * AI.near-one (App. I, Eqs. (9)–(15)). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "AI.near-one",
  paperRef: "App. I, Eqs. (9)–(15)",
  statement: "App. I (ε → 1⁻, two correlated samples with the same label plus orthogonal ones): the original model solves to `w_1 = w_2 = (1/(1+ε))·W(2(ε+1)/(λ|D|))` (Eq. 9), the retrained one to Eq. 12, and the DA sum `w_1 + w_2` to Eq. 14–15; the gap `Δ` of Eq. 15 to the retrained sum. Eq. 12–15 are partly garbled: rederive them and say which reading you checked.",
  dependsOn: [],
});
