/** X.logistic-do-nothing: its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim from './X.logistic-do-nothing.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { regionCases } from './logistic-common.fixtures.ts';

describe('X.logistic-do-nothing', () => {
  claimProperties(claim);
  judgeReaches(claim, regionCases(true));
});
