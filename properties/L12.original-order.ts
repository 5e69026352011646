/**
 * L12.original-order (Lemma 12, App. H). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "L12.original-order",
  paperRef: "Lemma 12, App. H",
  statement: "For any `α < 1` there is a stationary point of `L_D` with `y_D < x_D`.",
  dependsOn: [],
});
