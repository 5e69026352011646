/** E.klom-stability: its property, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Measured } from './E.klom-stability.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { bootstrapTests, frameCases, frameTests, onRun, reproduces } from './empirics-harness.ts';

const pt = (n: number, v: number) => ({ n, pretrainedVsOracle: { retain: v, val: v }, oracleVsOracle: null });
const m: Measured = { casesTried: 3, casesInScope: 3, set: 'random-100', points: [pt(20, 5), pt(40, 1.5), pt(80, 1.2)], fall2080: { retain: 4.2, val: 4.2 }, fall4080: 1.25, fall80100: null, intervals: [null, null, null], stabilityRatio: 1.5 };

describe('E.klom-stability', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'falls 4.2× from 20 to 80 and 1.25× from 40 to 80', evidence: onRun(m), verdict: 'holds' },
    { name: 'still falls 1.9× from 40 to 80', evidence: onRun({ ...m, fall4080: 1.9 }), verdict: 'holds-with-caveat' },
    { name: 'falls only 1.2× from 20 to 80 on validation', evidence: onRun({ ...m, fall2080: { retain: 4.2, val: 1.2 } }), verdict: 'refuted' },
    { name: 'the curve stops at 40 models', evidence: onRun({ ...m, fall2080: null, fall4080: null, points: m.points.slice(0, 2) }), verdict: 'inconclusive' },
    ...frameCases(m),
  ]);
  frameTests(claim, m);
  bootstrapTests(claim, m, 'refuted');
  reproduces(claim, onRun({ ...m, fall4080: 1.9 }));
});
