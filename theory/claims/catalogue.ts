/**
 * Every checkable claim of the paper, transcribed from shared/claims.md (ids are stable; the
 * statements are the paper's, not ours). Generated once by hand from that file; keep in sync.
 */
import type { CatalogueEntry } from './types.ts';

export const CATALOGUE: readonly CatalogueEntry[] = [
  { id: "L2.closed-form", paperRef: "Lemma 2", statement: "Each stationary point's j-th coordinate is `w_D = W((1+α)|R_j|/(λ|D|))`, `w_R = W(|R_j|/(λ|R|))`, `w_DA = W((1 − α|R|/|F|)·|R_j|/(λ|R|))`." },
  { id: "L3.ordering", paperRef: "Lemma 3", statement: "Lemma 3: for a range of α, `(w_DA − w_D)·(w_D − w_R) ≥ 0` (DA and the oracle lie on opposite sides of the original model)." },
  { id: "L3.case1-range", paperRef: "App. E, case 1", statement: "App. E case 1: for `|F|²/(|R|(|F|+|D|)) < α < |F|/|R|`, `w_DA < w_D < w_R`." },
  { id: "L3.case-split", paperRef: "App. E", statement: "App. E: the DA argument `z` is `> 0` iff `α < |F|/|R|` (one minimum); `−1/e ≤ z < 0` iff `|F|/|R| ≤ α ≤ |F|/|R| + λ|F|/(e|R_j|)` (two stationary points); `z < −1/e` iff α is larger (no local minimum)." },
  { id: "L3.case2-branches", paperRef: "App. E, case 2", statement: "App. E case 2: the two stationary points come from the primary and the secondary branch of W, \"corresponding to a local maximum and minimum respectively\"." },
  { id: "L3.case3-divergence", paperRef: "App. E, G", statement: "App. E / G: for `z < −1/e`, DA has no local minimum and `w_DA → −∞`." },
  { id: "L3.do-nothing", paperRef: "Sec. 5.1.1", statement: "Main text: in this setup doing nothing is better than DA (the original model is closer to the oracle than the DA solution). State the α-range where this holds." },
  { id: "L4.distance-growth", paperRef: "Lemma 4, App. F", statement: "Lemma 4: `Δ_{R,D} = |w_D − w_R| ≤ |ln((1+α)|R|/|D|)|` for every `λ > 0`." },
  { id: "L5.distance-unlearning", paperRef: "Lemma 5, App. G", statement: "Lemma 5: for `α > |F|/|R|`, `Δ_{R,DA} = |w_R − w_DA| ≥ W0(|R_j|/(λ|R|))`; at `α = |F|/|R|`, `w_DA = 0`." },
  { id: "C1.volatility", paperRef: "Corollary 1", statement: "Corollary 1: as `λ → 0` with `α → |F|/|R|`, `Δ_{R,D} → 0` while `Δ_{R,DA} → ∞` (the OCR prints the same symbol for both limits; the summary reads ∞ for the second)." },
  { id: "C3.first-order", paperRef: "App. C.3, Eq. (5)", statement: "To first order in η the two-step map equals simultaneous DA with the ridge doubled (`λ_DA = 2λ`): its fixed point tends to `W((|R_j|/|R| − α|R_j|/|F|)/(2λ))` as `η → 0`." },
  { id: "C3.stabilisation", paperRef: "Sec. 5.1.1, App. C.3", statement: "The omitted `O(η²)` term stops the iterative solution from diverging (where simultaneous DA diverges), but does not remedy Lemma 3's harm." },
  { id: "L6.retrain-closed-form", paperRef: "Lemma 6, App. H.1", statement: "`x_R = W((1+ε²)|R_ij|/(λ|R|))`, `y_R = (2ε/(1+ε²))·x_R`." },
  { id: "L12.original-order", paperRef: "Lemma 12, App. H", statement: "For any `α < 1` there is a stationary point of `L_D` with `y_D < x_D`." },
  { id: "L7.original-bounds", paperRef: "Lemma 7, App. H.1", statement: "Lemma 7 (with `y_D < x_D`): `W(|R_ij|((1+ε²)+2αε)/(λ|D|)) ≤ x_D ≤ (2ε/(1+ε²))·W(α(1+ε²)|R_ij|/(λ|D|)) + W((1+ε²)|R_ij|/(λ|D|))`, and `W(α(1+ε²)|R_ij|/(λ|D|)) ≤ y_D ≤ W(|R_ij|(2ε + α(1+ε²))/(λ|D|))`." },
  { id: "L8.da-bounds", paperRef: "Lemma 8, App. H.1", statement: "Lemma 8 (with `y_DA < x_DA`): `x_DA ≤ W(|R_ij|(1+ε²)/(λ|R|) − 2αε|R_ij|/(λ|F|))` and `y_DA ≤ W(2ε|R_ij|/(λ|R|) − α(1+ε²)|R_ij|/(λ|F|))`." },
  { id: "L9.original-beats-da", paperRef: "Lemma 9", statement: "Lemma 9: for `α > α_{D>DA} = max{ ((1+ε²)/(2ε))·|F|²/(|R|(|D|+|F|)), (2ε/(1+ε²))·|F||D|/(|R|(|D|+|F|)) }`, `x_D > x_DA` and `y_D > y_DA`." },
  { id: "L10.oracle-beats-original", paperRef: "Lemma 10, Eqs. (6)–(7)", statement: "Lemma 10: for `α < α_{R>D} = min{α_x, α_y}`, `x_R > x_D` and `y_R > y_D`. The printed formulas (6)–(7) are illegible; the proof says they come from solving \"lower bound of the oracle = upper bound of the original\" from Lemmas 6–7. Reconstruction: with `k = 1+ε²`, `u = (k/(2ε))·(W(k|R_ij|/(λ|R|)) − W(k|R_ij|/(λ|D|)))`, `α_x = (λ|D|/(k|R_ij|))·u·e^u`; with `v = (2ε/k)·W(k|R_ij|/(λ|R|))`, `α_y = (λ|D|·v·e^v/|R_ij| − 2ε)/k`." },
  { id: "F4.harm-window", paperRef: "Figure 4", statement: "Figure 4: for `α` between `α_{D>DA}` and `α_{R>D}`, `(x_R, y_R) > (x_D, y_D) > (x_DA, y_DA)` (DA is detrimental); numerically \"this range is typically large, broadens as the forget fraction grows, and the window of ε is wider for smaller correlation\"." },
  { id: "AI.near-one", paperRef: "App. I, Eqs. (9)–(15)", statement: "App. I (ε → 1⁻, two correlated samples with the same label plus orthogonal ones): the original model solves to `w_1 = w_2 = (1/(1+ε))·W(2(ε+1)/(λ|D|))` (Eq. 9), the retrained one to Eq. 12, and the DA sum `w_1 + w_2` to Eq. 14–15; the gap `Δ` of Eq. 15 to the retrained sum. Eq. 12–15 are partly garbled: rederive them and say which reading you checked." },
  { id: "L1.hoeffding", paperRef: "Lemma 1, App. B", statement: "For F drawn uniformly at random from the data and a fixed model, `P(|Acc_T − Acc_F| ≥ ε) ≤ 2·exp(−2|F|ε²)` (test accuracy = population accuracy)." },
  { id: "L1.oracle-mirror", paperRef: "Sec. 4", statement: "Consequence: for the oracle (trained on R only), forget-set metrics match test-set metrics; a method that degrades forget metrics below test level moves away from the oracle." },
  { id: "T52.two-minima", paperRef: "Sec. 5.2, Fig. 5", statement: "The pretraining loss landscape has a global minimum and a distinct local minimum." },
  { id: "T52.retrain-keeps", paperRef: "Sec. 5.2, Fig. 5", statement: "Retraining keeps the model in the same (global) minimum as pretraining: x1, x2, x4 correct, x3 wrong (11 correct, 1 wrong on R)." },
  { id: "T52.gda-switches", paperRef: "Sec. 5.2, Fig. 5", statement: "GDA moves the model to the other minimum, whose boundary gets x1, x2, x3 right (10 correct, 0 wrong on what it sees) but is wrong on the real retain set (10 correct, 2 wrong)." },
  { id: "T52.no-recovery", paperRef: "Sec. 5.2", statement: "Finetuning on R after GDA does not bring the model back (it stays in the inferior minimum)." },
  { id: "E.ga-gda-fail", paperRef: "Sec. 3, Fig. 1", statement: "Across hyperparameter grids, GA and GDA runs either stay near the pretrained model or break it; almost none reach low forget KLoM with low validation KLoM." },
  { id: "E.illusion", paperRef: "Sec. 3, Fig. 2", statement: "For a tiny random forget set (10 samples), a few GA runs look successful, but only with the right learning rate and stopping epoch, neither known in advance." },
  { id: "E.difficulty", paperRef: "Sec. 3, Figs. 1–3", statement: "Forget sets differ greatly in difficulty: high-influence (PC1) sets show no successful run; random sets occasionally; PC2 sets sometimes succeed via GDA at a high cost." },
  { id: "E.retain-like-val", paperRef: "App. K, Figs. 6–7", statement: "KLoM on the retain set behaves like KLoM on the validation set (Fig. 7 vs Fig. 6)." },
  { id: "E.klom-stability", paperRef: "App. J", statement: "Margin distributions stabilise only with about 80+ models; 20–50 models give large spurious differences on retain/validation." },
];
