/** L6.retrain-closed-form (Lemma 6): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './L6.retrain-closed-form.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const base: Evidence = { casesTried: 50, casesInScope: 50, digits: 50, tolerance: '1e-45', worstRelative: '3e-50', nonConverged: 0, mismatch: null };
const cfg = { R: '100', F: '10', Rij: '20', alpha: '0', lambda: '0.01', eps: '0.3' };

describe('L6.retrain-closed-form', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'Newton\'s minimum equals the closed form everywhere', evidence: base, verdict: 'holds' },
    { name: 'a value differs beyond the tolerance', evidence: { ...base, mismatch: { cfg, newton: { x: '1.1', y: '0.6', kind: 'min' }, lemma6: { x: '1.2', y: '0.6' }, relative: '0.08' } }, verdict: 'refuted' },
    { name: 'the stationary point is not a minimum', evidence: { ...base, mismatch: { cfg, newton: { x: '1.2', y: '0.6', kind: 'saddle' }, lemma6: { x: '1.2', y: '0.6' }, relative: '0' } }, verdict: 'refuted' },
    { name: 'a solve did not converge', evidence: { ...base, nonConverged: 1 }, verdict: 'inconclusive' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesTried: 0, casesInScope: 0 }, verdict: 'inconclusive' },
  ]);
});
