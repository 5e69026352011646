/**
 * L3.case1-range (App. E, case 1). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L3.case1-range",
  paperRef: "App. E, case 1",
  statement: "App. E case 1: for `|F|²/(|R|(|F|+|D|)) < α < |F|/|R|`, `w_DA < w_D < w_R`.",
  dependsOn: ["L2.closed-form"],
});
