/**
 * E.difficulty (Sec. 3, Figs. 1–3). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { empiricsLegacy } from './legacy.ts';

export default empiricsLegacy({
  id: "E.difficulty",
  paperRef: "Sec. 3, Figs. 1–3",
  statement: "Forget sets differ greatly in difficulty: high-influence (PC1) sets show no successful run; random sets occasionally; PC2 sets sometimes succeed via GDA at a high cost.",
  dependsOn: ["E.ga-gda-fail"],
});
