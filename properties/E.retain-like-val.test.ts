/** E.retain-like-val: its property, its judge on evidence built by construction, and its bootstrap reading. */
import { describe } from 'vitest';
import claim, { type Measured, type SetAgreement } from './E.retain-like-val.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { bootstrapTests, frameCases, frameTests, onRun, reproduces } from './empirics-harness.ts';

const s: SetAgreement = { set: 'random-10', pairs: 59, floors: { retain: 5, val: 5 }, both: 20, neither: 35, retainOnly: 2, valOnly: 2, agreement: 55 / 59, rho: 0.4, ratio: 1 };
const m: Measured = { casesTried: 59, casesInScope: 59, sets: [s], threshold: 0.8, moved: 24 };
const flipped = { ...s, both: 5, neither: 20, retainOnly: 17, valOnly: 17, agreement: 25 / 59 };

describe('E.retain-like-val', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: '55 of 59 pairs agree on being above their floors, ratio 1', evidence: onRun(m), verdict: 'holds' },
    { name: '25 of 59 pairs agree', evidence: onRun({ ...m, sets: [flipped] }), verdict: 'refuted' },
    { name: 'pretrained retain/val ratio 2.5', evidence: onRun({ ...m, sets: [{ ...s, ratio: 2.5 }] }), verdict: 'refuted' },
    { name: 'no pair above either floor', evidence: onRun({ ...m, sets: [{ ...s, both: 0, retainOnly: 0, valOnly: 0, neither: 59, agreement: 1 }], moved: 0 }), verdict: 'inconclusive' },
    ...frameCases(m),
  ]);
  frameTests(claim, m);
  bootstrapTests(claim, m, 'refuted');
  reproduces(claim, onRun({ ...m, sets: [flipped] }));
});
