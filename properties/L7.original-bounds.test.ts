/** L7.original-bounds (Lemma 7): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './L7.original-bounds.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const base: Evidence = {
  casesTried: 89, casesInScope: 50, digits: 50, tolerance: '1e-45', fails: 0, nonConverged: 0, probes: 39, probeFails: 39,
  probeWhich: { xLo: 39, xHi: 0, yLo: 0, yHi: 39 }, tightness: { settings: 50, xLo: 1, yHi: 1, xHi: 1, yLo: 0.98 }, counterexample: null, probeCounterexample: null,
};
const cfg = { R: '100', F: '10', Rij: '20', alpha: '0.3', lambda: '0.01', eps: '0.3' };

describe('L7.original-bounds', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'all four bounds hold for α < 1', evidence: base, verdict: 'holds' },
    { name: 'the upper bound on x_D fails at some α < 1', evidence: { ...base, fails: 1, counterexample: { cfg, xD: '1.3', yD: '0.5', bounds: { xLo: '1', xHi: '1.2', yLo: '0.4', yHi: '0.6' }, held: { xLo: true, xHi: false, yLo: true, yHi: true } } }, verdict: 'refuted' },
    { name: 'a solve did not converge', evidence: { ...base, nonConverged: 1 }, verdict: 'inconclusive' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesTried: 0, casesInScope: 0, probes: 0, probeFails: 0 }, verdict: 'inconclusive' },
  ]);
});
