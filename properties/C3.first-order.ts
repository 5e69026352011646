/**
 * C3.first-order (App. C.3, Eq. (5)). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/iterativeDA.ts';

export default legacyClaim(section, {
  id: "C3.first-order",
  paperRef: "App. C.3, Eq. (5)",
  statement: "To first order in η the two-step map equals simultaneous DA with the ridge doubled (`λ_DA = 2λ`): its fixed point tends to `W((|R_j|/|R| − α|R_j|/|F|)/(2λ))` as `η → 0`.",
  dependsOn: ["L2.closed-form"],
});
