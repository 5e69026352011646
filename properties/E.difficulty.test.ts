/** E.difficulty: its property, and its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { ctxWith, run, set, summary } from './empirics-arbitraries.ts';
import { broke } from './empirics-common.ts';
import { DEFAULTS } from './arbitraries.ts';
import claim, { type Evidence, type Measured, type SetDifficulty } from './E.difficulty.ts';
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
  it('"breaks the model" is measured against doing nothing too: a run as far from the oracles on validation as the pretrained models (above the success bound) is not broken; 1.25 × farther is', () => {
    // retraining at 1, the pretrained models at forget 10, validation 3 (three times the success bound's base)
    const s = set('influence-10', 'influence', 10, 1, 10, 3, [run('GA', 1e-3, 1, 8, 3), run('GA', 1e-3, 2, 6, 3.76), run('GA', 1e-3, 3, 4, 3.74)]);
    expect(s.runs.map((e) => broke(e, s, DEFAULTS.empirics))).toEqual([false, true, false]);
    const e = claim.measure(ctxWith(summary([set('random-10', 'random', 10, 1, 3, 1, [run('GA', 1e-3, 1, 2, 1)]), s]))) as Evidence;
    // the best non-breaking run on the influence set is the one at forget 4 (4× retraining's), not "every run breaks"
    expect(e.m!.sets[1]!.best).toBe(4);
  });
});
