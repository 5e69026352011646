/** L2.closed-form (Lemma 2): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './L2.closed-form.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const base: Evidence = { casesTried: 30, casesInScope: 30, digits: 50, tolerance: '1e-57', maxRelative: '1e-60', daCases: { 1: 6, boundary: 0, 2: 4, 3: 0 }, mismatch: null };
const cfg = { R: '100', F: '10', Rj: '20', alpha: '0.3', lambda: '0.01' };

describe('L2.closed-form', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'every closed form is a gradient zero', evidence: base, verdict: 'holds' },
    { name: 'the counts of stationary points differ', evidence: { ...base, mismatch: { cfg, objective: 'DA' as const, closedForm: ['0.1'], byBisection: ['0.1', '-2'], relative: null } }, verdict: 'refuted' },
    { name: 'a value differs beyond the tolerance', evidence: { ...base, mismatch: { cfg, objective: 'D' as const, closedForm: ['0.1'], byBisection: ['0.1000001'], relative: '1e-6' } }, verdict: 'refuted' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesTried: 0, casesInScope: 0 }, verdict: 'inconclusive' },
  ]);
});
