/**
 * E.klom-stability (App. J). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { empiricsLegacy } from './legacy.ts';

export default empiricsLegacy({
  id: "E.klom-stability",
  paperRef: "App. J",
  statement: "Margin distributions stabilise only with about 80+ models; 20–50 models give large spurious differences on retain/validation.",
  dependsOn: [],
});
