/**
 * X.logistic-do-nothing (this project (Sec. 5.1.1 with the true logistic loss)). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../empirics/sim/claims.ts';

export default legacyClaim(section, {
  id: "X.logistic-do-nothing",
  paperRef: "this project (Sec. 5.1.1 with the true logistic loss)",
  statement: "\"Doing nothing is at least as good as DA\" (|w_D − w_R| ≤ |w_DA − w_R|) holds at the same (configuration, α, λ) under the true logistic loss as under the exponential proxy, and gradient descent under the logistic loss confirms it.",
  dependsOn: ["L3.do-nothing"],
});
