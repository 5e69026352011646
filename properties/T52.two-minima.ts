/**
 * T52.two-minima (Sec. 5.2, Fig. 5). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/toy52.ts';

export default legacyClaim(section, {
  id: "T52.two-minima",
  paperRef: "Sec. 5.2, Fig. 5",
  statement: "The pretraining loss landscape has a global minimum and a distinct local minimum.",
  dependsOn: [],
});
