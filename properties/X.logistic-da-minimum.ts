/**
 * X.logistic-da-minimum (this project (App. E case 3 with the true logistic loss)). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../empirics/sim/claims.ts';

export default legacyClaim(section, {
  id: "X.logistic-da-minimum",
  paperRef: "this project (App. E case 3 with the true logistic loss)",
  statement: "Under the true logistic loss the DA objective always has a unique minimum (none of App. E case 3's divergence) and gradient descent from the pretrained model converges to it, also where the exponential proxy diverges.",
  dependsOn: ["L3.case3-divergence"],
});
