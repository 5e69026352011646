/** T52.no-recovery (Sec. 5.2): its properties, its judge on evidence built by construction, planted errors, the descent's step cap. */
import { describe, expect, it } from 'vitest';
import claim, { measureWith, type Evidence, type Row } from './T52.no-recovery.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { constructed } from './toy52-common.ts';
import { DEFAULTS } from './arbitraries.ts';
import { SEED } from './seed.ts';
import { gradientDescent, LINKS, NonConvergenceError, WEIGHTS } from '../theory/toy52.ts';
import type { CheckContext } from './types.ts';

const gdaPattern = [true, true, true, false], retrained = [true, true, false, true];
const stays: Row = { link: 'logistic', gdaCorrect: gdaPattern, finetuned: { a: 1.31, b: -0.8, gradNorm: 1e-13, correct: gdaPattern, nCorrect: 10, nWrong: 2 }, retrainedCorrect: retrained, finetunedIsGlobalR: true };
const recovers: Row = { ...stays, link: 'tanh-half', finetuned: { ...stays.finetuned, correct: retrained, nCorrect: 11, nWrong: 1 } };
const base: Evidence = constructed([stays, recovers], 0);

describe('T52.no-recovery', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'stays under one reading, recovers under the other', evidence: base, verdict: 'holds-with-caveat' },
    { name: 'stays under every reading', evidence: { ...base, rows: [stays, { ...stays, link: 'printed-shifted' }] }, verdict: 'holds' },
    { name: 'recovers under every reading', evidence: { ...base, rows: [recovers] }, verdict: 'refuted' },
    { name: 'GDA already had retraining\'s classification (nothing to recover from)', evidence: { ...base, rows: [{ ...stays, gdaCorrect: retrained, finetuned: { ...stays.finetuned, correct: retrained } }] }, verdict: 'refuted' },
    { name: 'no reading measured', evidence: { ...base, casesTried: 0, casesInScope: 0, rows: [] }, verdict: 'inconclusive' },
  ]);

  const ctx: CheckContext = { profile: 'quick', seed: SEED, assumptions: DEFAULTS, digits: 50, log: () => {} };
  it('planted: GDA with the x = 4 cluster kept at weight 2 (no ascent) recovers under every reading and is refuted', () => {
    expect(claim.judge(measureWith(ctx, { weights: { gda: [5, 4, 1, 2] } }), DEFAULTS)).toBe('refuted');
  }, 60_000);

  it('step cap: gradient descent that cannot settle within the cap throws NonConvergenceError (a diverging step included) instead of running on', () => {
    const p = { link: LINKS.logistic!, weights: WEIGHTS.retrain, lambda: 0.1 };
    expect(() => gradientDescent(p, 3, 3, 0.1, 10)).toThrow(NonConvergenceError);
    expect(() => gradientDescent(p, 3, 3, 500, 10_000)).toThrow(NonConvergenceError);
    expect(gradientDescent(p, 1.3, -0.3, 0.1, 20_000).gradNorm).toBeLessThan(1e-12);
  });
});
