/**
 * E.retain-like-val (App. K, Figs. 6–7). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { empiricsLegacy } from './legacy.ts';

export default empiricsLegacy({
  id: "E.retain-like-val",
  paperRef: "App. K, Figs. 6–7",
  statement: "KLoM on the retain set behaves like KLoM on the validation set (Fig. 7 vs Fig. 6).",
  dependsOn: ["E.klom-stability"],
});
