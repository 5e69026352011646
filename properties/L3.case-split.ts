/**
 * L3.case-split (App. E). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L3.case-split",
  paperRef: "App. E",
  statement: "App. E: the DA argument `z` is `> 0` iff `α < |F|/|R|` (one minimum); `−1/e ≤ z < 0` iff `|F|/|R| ≤ α ≤ |F|/|R| + λ|F|/(e|R_j|)` (two stationary points); `z < −1/e` iff α is larger (no local minimum).",
  dependsOn: ["L2.closed-form"],
});
