/** L12.original-order (Lemma 12): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './L12.original-order.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const base: Evidence = { casesTried: 125, casesInScope: 50, digits: 50, fails: 0, nonConverged: 0, probesAbove: 36, probeOrdered: 0, atOne: 39, atOneEqual: 39, counterexample: null };
const cfg = { R: '100', F: '10', Rij: '20', alpha: '0.3', lambda: '0.01', eps: '0.3' };

describe('L12.original-order', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'y_D < x_D for every α < 1, and never above', evidence: base, verdict: 'holds' },
    { name: 'y_D ≥ x_D at some α < 1', evidence: { ...base, fails: 1, counterexample: { cfg, xD: '0.5', yD: '0.6', kind: 'min' } }, verdict: 'refuted' },
    { name: 'a solve did not converge', evidence: { ...base, nonConverged: 2 }, verdict: 'inconclusive' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesTried: 0, casesInScope: 0, probesAbove: 0, atOne: 0, atOneEqual: 0 }, verdict: 'inconclusive' },
  ]);
});
