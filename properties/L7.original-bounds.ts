/**
 * L7.original-bounds (Lemma 7, App. H.1). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "L7.original-bounds",
  paperRef: "Lemma 7, App. H.1",
  statement: "Lemma 7 (with `y_D < x_D`): `W(|R_ij|((1+ε²)+2αε)/(λ|D|)) ≤ x_D ≤ (2ε/(1+ε²))·W(α(1+ε²)|R_ij|/(λ|D|)) + W((1+ε²)|R_ij|/(λ|D|))`, and `W(α(1+ε²)|R_ij|/(λ|D|)) ≤ y_D ≤ W(|R_ij|(2ε + α(1+ε²))/(λ|D|))`.",
  dependsOn: ["L12.original-order"],
});
