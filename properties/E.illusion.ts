/**
 * E.illusion (Sec. 3, Fig. 2). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { empiricsLegacy } from './legacy.ts';

export default empiricsLegacy({
  id: "E.illusion",
  paperRef: "Sec. 3, Fig. 2",
  statement: "For a tiny random forget set (10 samples), a few GA runs look successful, but only with the right learning rate and stopping epoch, neither known in advance.",
  dependsOn: ["E.ga-gda-fail"],
});
