/** L8.da-bounds (Lemma 8): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './L8.da-bounds.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const base: Evidence = {
  casesTried: 157, casesInScope: 114, digits: 50, tolerance: '1e-45', fails: 0, nonConverged: 0, notOrdered: 0, outOfDomain: 0, uniformDraws: 50, uniformWithMin: 7,
  beyondFold: 43, beyondFoldOutOfDomain: 39, tightness: { settings: 50, xAlpha0: 1, xEps1: 2, yEps1: 2 }, counterexample: null,
};
const cfg = { R: '100', F: '10', Rij: '20', alpha: '0.03', lambda: '0.01', eps: '0.3' };

describe('L8.da-bounds', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'both bounds hold at every stationary point', evidence: base, verdict: 'holds' },
    { name: 'the y bound fails at a saddle', evidence: { ...base, fails: 1, counterexample: { cfg, point: 'saddle' as const, xDA: '0.1', yDA: '-0.2', xBound: '0.3', yBound: '-0.3' } }, verdict: 'refuted' },
    { name: 'a point lay outside W\'s domain', evidence: { ...base, outOfDomain: 1 }, verdict: 'inconclusive' },
    { name: 'a solve did not converge', evidence: { ...base, nonConverged: 1 }, verdict: 'inconclusive' },
    { name: 'no stationary point in scope (empty scope)', evidence: { ...base, casesTried: 43, casesInScope: 0, uniformWithMin: 0 }, verdict: 'inconclusive' },
  ]);
});
