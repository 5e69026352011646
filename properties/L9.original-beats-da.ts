/**
 * L9.original-beats-da (Lemma 9). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "L9.original-beats-da",
  paperRef: "Lemma 9",
  statement: "Lemma 9: for `α > α_{D>DA} = max{ ((1+ε²)/(2ε))·|F|²/(|R|(|D|+|F|)), (2ε/(1+ε²))·|F||D|/(|R|(|D|+|F|)) }`, `x_D > x_DA` and `y_D > y_DA`.",
  dependsOn: ["L7.original-bounds","L8.da-bounds"],
});
