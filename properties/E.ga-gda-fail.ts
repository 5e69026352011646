/**
 * E.ga-gda-fail (Sec. 3, Fig. 1). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { empiricsLegacy } from './legacy.ts';

export default empiricsLegacy({
  id: "E.ga-gda-fail",
  paperRef: "Sec. 3, Fig. 1",
  statement: "Across hyperparameter grids, GA and GDA runs either stay near the pretrained model or break it; almost none reach low forget KLoM with low validation KLoM.",
  dependsOn: [],
});
