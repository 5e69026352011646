/**
 * L6.retrain-closed-form (Lemma 6, App. H.1). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "L6.retrain-closed-form",
  paperRef: "Lemma 6, App. H.1",
  statement: "`x_R = W((1+ε²)|R_ij|/(λ|R|))`, `y_R = (2ε/(1+ε²))·x_R`.",
  dependsOn: [],
});
