/**
 * L3.case3-divergence (App. E, G). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L3.case3-divergence",
  paperRef: "App. E, G",
  statement: "App. E / G: for `z < −1/e`, DA has no local minimum and `w_DA → −∞`.",
  dependsOn: ["L3.case-split"],
});
