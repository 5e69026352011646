/** E.ga-gda-fail: its property, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Measured } from './E.ga-gda-fail.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { bootstrapCaveatTest, bootstrapTests, frameCases, frameTests, onRun, reproduces } from './empirics-harness.ts';

const lv = { forget: 5, retain: 5, val: 5 };
const m: Measured = {
  casesTried: 100, casesInScope: 100, sets: 1, pairs: 100, successes: 2, near: 90, broken: 8, neither: 0, sensitivity: [0, 2, 5, 50, 100], successFactor: 1.25, nearPretrainedFraction: 0.5,
  levels: [{ set: 'random-10', pretrained: { forget: 9, retain: 5, val: 5 }, retrain: lv }], successExamples: [{ method: 'GA' }], neitherExamples: [{ method: 'GDA' }], charts: [],
};

describe('E.ga-gda-fail', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: '2 of 100 pairs succeed, the rest stay near or break', evidence: onRun(m), verdict: 'holds' },
    { name: '11 of 100 pairs succeed (above maxSuccessFraction 0.1)', evidence: onRun({ ...m, successes: 11, near: 81 }), verdict: 'refuted' },
    { name: 'few succeed but 60 of 100 pairs neither stay near nor break', evidence: onRun({ ...m, near: 30, neither: 60 }), verdict: 'holds-with-caveat' },
    { name: 'the run has no GA or GDA pair', evidence: onRun({ ...m, casesTried: 0, casesInScope: 0, pairs: 0, successes: 0, near: 0, broken: 0 }), verdict: 'inconclusive' },
    ...frameCases(m),
  ]);
  frameTests(claim, m);
  bootstrapTests(claim, m, 'refuted');
  bootstrapCaveatTest(claim, m);
  reproduces(claim, onRun({ ...m, successes: 11, near: 81 }));
});
