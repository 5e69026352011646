/**
 * X.logistic-ordering (this project (Lemma 3 with the true logistic loss)). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../empirics/sim/claims.ts';

export default legacyClaim(section, {
  id: "X.logistic-ordering",
  paperRef: "this project (Lemma 3 with the true logistic loss)",
  statement: "Lemma 3's ordering ((w_DA − w_D)(w_D − w_R) ≥ 0: DA moves away from the oracle) holds at the same (configuration, α, λ) under the true logistic loss log(1 + e^{−y⟨w,x⟩}) as under the exponential proxy, and gradient descent under the logistic loss ends where the theory places it.",
  dependsOn: ["L3.ordering"],
});
