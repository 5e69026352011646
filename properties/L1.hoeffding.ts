/**
 * L1.hoeffding (Lemma 1, App. B). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/randomForget.ts';

export default legacyClaim(section, {
  id: "L1.hoeffding",
  paperRef: "Lemma 1, App. B",
  statement: "For F drawn uniformly at random from the data and a fixed model, `P(|Acc_T − Acc_F| ≥ ε) ≤ 2·exp(−2|F|ε²)` (test accuracy = population accuracy).",
  dependsOn: [],
});
