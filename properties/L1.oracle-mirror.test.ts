/** L1.oracle-mirror: its property, and its judge on evidence built by construction (the second half's empty scope included). */
import { describe, expect, it } from 'vitest';
import claim, { type Measured, type SetMirror } from './L1.oracle-mirror.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { bootstrapTests, frameCases, frameTests, onRun, reproduces } from './empirics-harness.ts';

const s: SetMirror = { set: 'random-10', size: 10, eps: 0.49, oracles: 20, meanGap: -0.04, violations: 0, pretrained: { accForget: 0.99, accVal: 0.85 }, runs: 59, maxDrop: 0.6 };
const m: Measured = { casesTried: 79, casesInScope: 23, sets: [s], degraded: 3, degradedFar: 3, degradedClose: [], successFactor: 1.25 };

describe('L1.oracle-mirror', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'oracles mirror validation and 3 degrading runs are all far from the oracle', evidence: onRun(m), verdict: 'holds' },
    { name: '2 of 20 oracles outside ε (more than δ = 0.05)', evidence: onRun({ ...m, sets: [{ ...s, violations: 2 }] }), verdict: 'refuted' },
    { name: 'a degrading run as close to the oracle as retraining', evidence: onRun({ ...m, degradedFar: 2, degradedClose: [{ method: 'GA' }] }), verdict: 'refuted' },
    { name: 'no run degrades forget accuracy (second half out of scope)', evidence: onRun({ ...m, casesInScope: 20, degraded: 0, degradedFar: 0, sets: [{ ...s, maxDrop: 0.1 }] }), verdict: 'inconclusive' },
    { name: 'no random forget set', evidence: onRun({ ...m, casesTried: 0, casesInScope: 0, sets: [], degraded: 0, degradedFar: 0 }), verdict: 'inconclusive' },
    ...frameCases(m),
  ]);
  frameTests(claim, m);
  bootstrapTests(claim, m, 'refuted');
  reproduces(claim, onRun({ ...m, degradedFar: 2, degradedClose: [{ method: 'GA' }] }));
  it('with no degrading run the description says the second half is untested, not confirmed', () => {
    const d = claim.describe(onRun({ ...m, degraded: 0, degradedFar: 0 }), 'inconclusive');
    expect(d.evidence).toMatch(/no case in scope at this scale: it is undecided, not confirmed/);
    expect(d.summary).toMatch(/second half is untested/);
  });
});
