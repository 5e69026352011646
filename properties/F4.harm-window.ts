/**
 * F4.harm-window (Figure 4). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "F4.harm-window",
  paperRef: "Figure 4",
  statement: "Figure 4: for `α` between `α_{D>DA}` and `α_{R>D}`, `(x_R, y_R) > (x_D, y_D) > (x_DA, y_DA)` (DA is detrimental); numerically \"this range is typically large, broadens as the forget fraction grows, and the window of ε is wider for smaller correlation\".",
  dependsOn: ["L9.original-beats-da","L10.oracle-beats-original"],
});
