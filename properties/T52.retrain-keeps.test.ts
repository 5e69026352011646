/** T52.retrain-keeps (Sec. 5.2): its properties, its judge on evidence built by construction, planted errors. */
import { describe, expect, it } from 'vitest';
import claim, { measureWith, type Evidence, type Row } from './T52.retrain-keeps.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { constructed } from './toy52-common.ts';
import { DEFAULTS } from './arbitraries.ts';
import { SEED } from './seed.ts';
import { classify, LINKS, WEIGHTS } from '../theory/toy52.ts';
import type { CheckContext } from './types.ts';

const paper = [true, true, false, true];
const keeps: Row = { link: 'tanh-half', pretrained: { a: 1.32, b: -0.2, correct: paper }, retrained: { a: 1.35, b: -0.24, gradNorm: 1e-13, correct: paper, nCorrect: 11, nWrong: 1 }, globalR: { a: 1.35, b: -0.24, correct: paper }, isGlobal: true };
const notGlobal: Row = { ...keeps, link: 'logistic', globalR: { a: 1.31, b: -0.8, correct: [true, true, true, false] }, isGlobal: false };
const base: Evidence = constructed([keeps, notGlobal], 1);

describe('T52.retrain-keeps', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'kept and global under one reading, not global under the other', evidence: base, verdict: 'holds-with-caveat' },
    { name: 'kept and global under every reading', evidence: { ...base, rows: [keeps, { ...keeps, link: 'logistic' }] }, verdict: 'holds' },
    { name: 'kept with 10/2 instead of 11/1', evidence: { ...base, rows: [{ ...keeps, retrained: { ...keeps.retrained, nCorrect: 10, nWrong: 2 } }] }, verdict: 'refuted' },
    { name: 'the classification changes', evidence: { ...base, rows: [{ ...keeps, retrained: { ...keeps.retrained, correct: [true, true, true, false] } }] }, verdict: 'refuted' },
    { name: 'no reading measured', evidence: { ...base, casesTried: 0, casesInScope: 0, rows: [] }, verdict: 'inconclusive' },
  ]);

  const ctx: CheckContext = { profile: 'quick', seed: SEED, assumptions: DEFAULTS, digits: 50, log: () => {} };
  it('planted: retraining with the x = 4 cluster removed (weight 0 instead of 2) is refuted under every reading', () => {
    expect(claim.judge(measureWith(ctx, { weights: { retrain: [5, 4, 1, 0] } }), DEFAULTS)).toBe('refuted');
  }, 60_000);

  it('classification counts are weighted: the paper\'s pretrained pattern x1, x2, x4 right gives 13 correct, 1 wrong on D', () => {
    // a = 1.3, b = −0.2: z = a·x + b·x² = (−1.5, 1.1, 2.1, 2.0): x3 (label −1) lands on the + side
    const c = classify(LINKS['tanh-half']!, 1.3, -0.2, WEIGHTS.pretrain);
    expect(c.correct).toEqual([true, true, false, true]);
    expect([c.nCorrect, c.nWrong]).toEqual([13, 1]);
  });
});
