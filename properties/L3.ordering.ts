/**
 * L3.ordering (Lemma 3). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L3.ordering",
  paperRef: "Lemma 3",
  statement: "Lemma 3: for a range of α, `(w_DA − w_D)·(w_D − w_R) ≥ 0` (DA and the oracle lie on opposite sides of the original model).",
  dependsOn: ["L2.closed-form"],
});
