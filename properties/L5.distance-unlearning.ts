/**
 * L5.distance-unlearning (Lemma 5, App. G). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L5.distance-unlearning",
  paperRef: "Lemma 5, App. G",
  statement: "Lemma 5: for `α > |F|/|R|`, `Δ_{R,DA} = |w_R − w_DA| ≥ W0(|R_j|/(λ|R|))`; at `α = |F|/|R|`, `w_DA = 0`.",
  dependsOn: ["L2.closed-form","L3.case-split"],
});
