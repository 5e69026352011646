/**
 * C3.stabilisation (Sec. 5.1.1, App. C.3). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/iterativeDA.ts';

export default legacyClaim(section, {
  id: "C3.stabilisation",
  paperRef: "Sec. 5.1.1, App. C.3",
  statement: "The omitted `O(η²)` term stops the iterative solution from diverging (where simultaneous DA diverges), but does not remedy Lemma 3's harm.",
  dependsOn: ["C3.first-order","L3.ordering"],
});
