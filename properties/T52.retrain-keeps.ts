/**
 * T52.retrain-keeps (Sec. 5.2, Fig. 5). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/toy52.ts';

export default legacyClaim(section, {
  id: "T52.retrain-keeps",
  paperRef: "Sec. 5.2, Fig. 5",
  statement: "Retraining keeps the model in the same (global) minimum as pretraining: x1, x2, x4 correct, x3 wrong (11 correct, 1 wrong on R).",
  dependsOn: ["T52.two-minima"],
});
