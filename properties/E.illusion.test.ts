/** E.illusion: its property, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Measured } from './E.illusion.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { bootstrapTests, frameCases, frameTests, onRun, reproduces } from './empirics-harness.ts';

const ok = { forgetSet: 'random-10', method: 'GA', lr: 0.05, epoch: 3, klomForget: 6, klomVal: 5 };
const m: Measured = {
  casesTried: 35, casesInScope: 35, set: 'random-10', gaPairs: 35, successes: [ok], lrs: 7, epochs: 5, lrAlways: [], epochAlways: [],
  closest: { lr: 0.05, epoch: 3, forget: 6, val: 5 }, levels: { retrainForget: 5, retrainVal: 5, pretrainedForget: 9, pretrainedVal: 5 }, sensitivity: [0, 1, 3, 35, 35],
};

describe('E.illusion', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'one success at one (lr, epoch)', evidence: onRun(m), verdict: 'holds' },
    { name: 'no GA run succeeds', evidence: onRun({ ...m, successes: [] }), verdict: 'refuted' },
    { name: 'a learning rate succeeds at every epoch', evidence: onRun({ ...m, successes: Array(5).fill(ok), lrAlways: [0.05] }), verdict: 'refuted' },
    { name: 'most of the grid succeeds', evidence: onRun({ ...m, successes: Array(20).fill(ok) }), verdict: 'refuted' },
    { name: 'no random-10 set in the run', evidence: onRun({ ...m, casesTried: 0, casesInScope: 0, set: null, gaPairs: 0, successes: [], levels: null }), verdict: 'inconclusive' },
    ...frameCases(m),
  ]);
  frameTests(claim, m);
  bootstrapTests(claim, m, 'refuted');
  reproduces(claim, onRun({ ...m, successes: [] }));
});
