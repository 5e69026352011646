/**
 * L4.distance-growth (Lemma 4, App. F). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L4.distance-growth",
  paperRef: "Lemma 4, App. F",
  statement: "Lemma 4: `Δ_{R,D} = |w_D − w_R| ≤ |ln((1+α)|R|/|D|)|` for every `λ > 0`.",
  dependsOn: ["L2.closed-form"],
});
