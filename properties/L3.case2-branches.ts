/**
 * L3.case2-branches (App. E, case 2). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L3.case2-branches",
  paperRef: "App. E, case 2",
  statement: "App. E case 2: the two stationary points come from the primary and the secondary branch of W, \"corresponding to a local maximum and minimum respectively\".",
  dependsOn: ["L2.closed-form","L3.case-split"],
});
