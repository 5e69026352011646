/**
 * T52.no-recovery (Sec. 5.2). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/toy52.ts';

export default legacyClaim(section, {
  id: "T52.no-recovery",
  paperRef: "Sec. 5.2",
  statement: "Finetuning on R after GDA does not bring the model back (it stays in the inferior minimum).",
  dependsOn: ["T52.gda-switches"],
});
