/** E.difficulty: its property, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Measured, type SetDifficulty } from './E.difficulty.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { bootstrapTests, frameCases, frameTests, onRun, reproduces } from './empirics-harness.ts';

const rand: SetDifficulty = { set: 'random-10', kind: 'random', pairs: 59, successes: 1, best: 1.2, pretrained: 1.9, gdaSuccesses: 0, gdaCost: null };
const infl: SetDifficulty = { set: 'influence-10', kind: 'influence', pairs: 59, successes: 0, best: null, pretrained: 2.3, gdaSuccesses: 0, gdaCost: null };
const pc2: SetDifficulty = { set: 'pc2-10', kind: 'pc2', pairs: 59, successes: 3, best: 1.0, pretrained: 2.0, gdaSuccesses: 2, gdaCost: 0.5 };
const m: Measured = { casesTried: 2, casesInScope: 2, sets: [rand, infl] };

describe('E.difficulty', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'no influence success, influence farther, a random success', evidence: onRun(m), verdict: 'holds' },
    { name: 'as above but no random set succeeds', evidence: onRun({ ...m, sets: [{ ...rand, successes: 0, best: 1.5 }, infl] }), verdict: 'holds-with-caveat' },
    { name: 'an influence set has a success', evidence: onRun({ ...m, sets: [rand, { ...infl, successes: 1, best: 1.1 }] }), verdict: 'refuted' },
    { name: 'the influence set gets closer than the random set', evidence: onRun({ ...m, sets: [{ ...rand, successes: 0, best: 1.8 }, { ...infl, best: 1.5 }] }), verdict: 'refuted' },
    { name: 'a PC2 set that GDA unlearns at 50% of retraining\'s cost', evidence: onRun({ ...m, sets: [rand, infl, pc2], casesTried: 3, casesInScope: 3 }), verdict: 'holds' },
    { name: 'a PC2 set with successes, none by GDA', evidence: onRun({ ...m, sets: [rand, infl, { ...pc2, gdaSuccesses: 0, gdaCost: null }], casesTried: 3, casesInScope: 3 }), verdict: 'refuted' },
    { name: 'no influence set', evidence: onRun({ ...m, sets: [rand], casesTried: 1, casesInScope: 1 }), verdict: 'inconclusive' },
    ...frameCases(m),
  ]);
  frameTests(claim, m);
  bootstrapTests(claim, m, 'refuted');
  reproduces(claim, onRun({ ...m, sets: [{ ...rand, successes: 0, best: 1.5 }, infl] }));
});
