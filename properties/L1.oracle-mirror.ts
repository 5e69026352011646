/**
 * L1.oracle-mirror (Sec. 4). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { empiricsLegacy } from './legacy.ts';

export default empiricsLegacy({
  id: "L1.oracle-mirror",
  paperRef: "Sec. 4",
  statement: "Consequence: for the oracle (trained on R only), forget-set metrics match test-set metrics; a method that degrades forget metrics below test level moves away from the oracle.",
  dependsOn: ["L1.hoeffding"],
});
