/**
 * L3.do-nothing (Sec. 5.1.1). Transitional module: the verdict still comes from the section check it
 * wraps (legacyClaim); the pure judge replaces it when the claim is converted (issue 12).
 */
import { legacyClaim } from './legacy.ts';
import { claims as section } from '../theory/claims/oneD.ts';

export default legacyClaim(section, {
  id: "L3.do-nothing",
  paperRef: "Sec. 5.1.1",
  statement: "Main text: in this setup doing nothing is better than DA (the original model is closer to the oracle than the DA solution). State the α-range where this holds.",
  dependsOn: ["L2.closed-form","L3.ordering"],
});
