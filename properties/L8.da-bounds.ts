/**
 * L8.da-bounds (Lemma 8, App. H.1). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "L8.da-bounds",
  paperRef: "Lemma 8, App. H.1",
  statement: "Lemma 8 (with `y_DA < x_DA`): `x_DA ≤ W(|R_ij|(1+ε²)/(λ|R|) − 2αε|R_ij|/(λ|F|))` and `y_DA ≤ W(2ε|R_ij|/(λ|R|) − α(1+ε²)|R_ij|/(λ|F|))`.",
  dependsOn: ["L6.retrain-closed-form"],
});
