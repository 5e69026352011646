/** E.retain-like-val: its property, its judge on evidence built by construction, and its noise sentence. */
import { describe, expect, it } from 'vitest';
import claim, { type Measured, type SetCorrelation } from './E.retain-like-val.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { frameCases, frameTests, onRun, reproduces } from './empirics-harness.ts';

const s: SetCorrelation = { set: 'random-10', pairs: 59, rho: 0.9, ratio: 1, near: 10, retainRange: [4, 8] };
const m: Measured = { casesTried: 59, casesInScope: 59, sets: [s], pooled: 0.9, threshold: 0.8 };

describe('E.retain-like-val', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'rank correlation 0.9 and ratio 1 on every set', evidence: onRun(m), verdict: 'holds' },
    { name: 'rank correlation 0.13 on a set', evidence: onRun({ ...m, sets: [{ ...s, rho: 0.13 }] }), verdict: 'refuted' },
    { name: 'pretrained retain/val ratio 2.5', evidence: onRun({ ...m, sets: [{ ...s, ratio: 2.5 }] }), verdict: 'refuted' },
    { name: 'a correlation that could not be computed', evidence: onRun({ ...m, sets: [{ ...s, rho: Number.NaN }] }), verdict: 'inconclusive' },
    ...frameCases(m),
  ]);
  frameTests(claim, m);
  reproduces(claim, onRun({ ...m, sets: [{ ...s, rho: 0.13 }] }));
  it('says runs barely moved only when most pairs stay near the pretrained models', () => {
    const near = claim.describe(onRun({ ...m, sets: [{ ...s, rho: 0.13, near: 50 }] }), 'refuted').notes!;
    const moved = claim.describe(onRun({ ...m, sets: [{ ...s, rho: 0.13, near: 5 }] }), 'refuted').notes!;
    expect(near).toMatch(/50 of 59 pairs stay near the pretrained models/);
    expect(moved).toMatch(/54 of 59 pairs moved away/);
    expect(moved).not.toMatch(/noise/);
  });
});
