/** T52.gda-switches (Sec. 5.2): its properties, its judge on evidence built by construction, planted errors. */
import { describe, expect, it } from 'vitest';
import claim, { measureWith, type Evidence, type Row } from './T52.gda-switches.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { constructed } from './toy52-common.ts';
import { DEFAULTS } from './arbitraries.ts';
import { SEED } from './seed.ts';
import type { CheckContext } from './types.ts';

const switches: Row = { link: 'logistic', pretrainedCorrect: [true, true, false, true], gda: { a: 1.41, b: -0.85, correct: [true, true, true, false], seen: [10, 0], onR: [10, 2], boundaries: [0, 1.665] }, basin: { a: 1.22, b: -0.76, isPretrained: false }, pretrainingMinima: 2 };
const ownBasin: Row = { ...switches, link: 'tanh-half', basin: { a: 1.32, b: -0.2, isPretrained: true }, pretrainingMinima: 1 };
const base: Evidence = constructed([switches, ownBasin], 0);

describe('T52.gda-switches', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'switches under one reading, stays in its own basin under the other', evidence: base, verdict: 'holds-with-caveat' },
    { name: 'switches with the paper\'s counts under every reading', evidence: { ...base, rows: [switches, { ...switches, link: 'printed-shifted' }] }, verdict: 'holds' },
    { name: 'switches with 10/1 on what it sees', evidence: { ...base, rows: [{ ...switches, gda: { ...switches.gda, seen: [10, 1] } }] }, verdict: 'refuted' },
    { name: 'reaches no listed minimum', evidence: { ...base, rows: [{ ...switches, basin: null }] }, verdict: 'refuted' },
    { name: 'no reading measured', evidence: { ...base, casesTried: 0, casesInScope: 0, rows: [] }, verdict: 'inconclusive' },
  ]);

  const ctx: CheckContext = { profile: 'quick', seed: SEED, assumptions: DEFAULTS, digits: 50, log: () => {} };
  it('planted: GDA with the x = 4 cluster kept at weight 2 (retraining, no ascent) is refuted under every reading', () => {
    expect(claim.judge(measureWith(ctx, { weights: { gda: [5, 4, 1, 2] } }), DEFAULTS)).toBe('refuted');
  }, 60_000);
});
