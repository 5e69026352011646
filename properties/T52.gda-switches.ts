/**
 * T52.gda-switches (Sec. 5.2, Fig. 5). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/toy52.ts';

export default legacyClaim(section, {
  id: "T52.gda-switches",
  paperRef: "Sec. 5.2, Fig. 5",
  statement: "GDA moves the model to the other minimum, whose boundary gets x1, x2, x3 right (10 correct, 0 wrong on what it sees) but is wrong on the real retain set (10 correct, 2 wrong).",
  dependsOn: ["T52.two-minima"],
});
