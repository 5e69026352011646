/**
 * C1.volatility (Corollary 1). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "C1.volatility",
  paperRef: "Corollary 1",
  statement: "Corollary 1: as `λ → 0` with `α → |F|/|R|`, `Δ_{R,D} → 0` while `Δ_{R,DA} → ∞` (the OCR prints the same symbol for both limits; the summary reads ∞ for the second).",
  dependsOn: ["L4.distance-growth","L5.distance-unlearning"],
});
