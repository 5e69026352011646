/**
 * L10.oracle-beats-original (Lemma 10, Eqs. (6)–(7)). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/twoD.ts';

export default legacyClaim(section, {
  id: "L10.oracle-beats-original",
  paperRef: "Lemma 10, Eqs. (6)–(7)",
  statement: "Lemma 10: for `α < α_{R>D} = min{α_x, α_y}`, `x_R > x_D` and `y_R > y_D`. The printed formulas (6)–(7) are illegible; the proof says they come from solving \"lower bound of the oracle = upper bound of the original\" from Lemmas 6–7. Reconstruction: with `k = 1+ε²`, `u = (k/(2ε))·(W(k|R_ij|/(λ|R|)) − W(k|R_ij|/(λ|D|)))`, `α_x = (λ|D|/(k|R_ij|))·u·e^u`; with `v = (2ε/k)·W(k|R_ij|/(λ|R|))`, `α_y = (λ|D|·v·e^v/|R_ij| − 2ε)/k`.",
  dependsOn: ["L6.retrain-closed-form","L7.original-bounds"],
});
