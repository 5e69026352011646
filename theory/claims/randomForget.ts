/** Placeholder: this section's claims are not checked yet (they stay `inconclusive`). */
import type { Claim } from './types.ts';

export const claims: Claim[] = [];
