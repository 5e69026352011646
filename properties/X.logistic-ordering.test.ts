/** X.logistic-ordering: its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim from './X.logistic-ordering.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { regionCases } from './logistic-common.fixtures.ts';

describe('X.logistic-ordering', () => {
  claimProperties(claim);
  judgeReaches(claim, regionCases(false));
});
