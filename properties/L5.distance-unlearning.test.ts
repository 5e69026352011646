/** L5.distance-unlearning (Lemma 5): its properties (bound and its tightness), the bound's formula against mpmath, its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { solve1d } from '../theory/logistic1d.ts';
import claim, { type Evidence } from './L5.distance-unlearning.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { agrees, vectors1d } from './oneD-common.ts';

const base: Evidence = { casesTried: 450, casesInScope: 150, digits: 50, failures: 0, first: null, case2: 24, case3: 126, excessMin: '1.001', excessMax: '2.5', atSplit: 150, atSplitZero: 150, probes: 150, probeFail: 150 };
const cfg = { R: '100', F: '10', Rj: '20', alpha: '0.2', lambda: '0.01' };

describe('L5.distance-unlearning', () => {
  claimProperties(claim);
  it('the bound W0(|R_j|/(λ|R|)) and w_DA equal mpmath values (tests/vectors/logistic1d.json) to 45 digits', () => {
    let withMinimum = 0;
    for (const v of vectors1d()) {
      const s = solve1d(v, 50);
      expect(agrees(s.lemma5Bound, v.lemma5Bound), `${v.R} ${v.Rj} ${v.lambda}`).toBe(true);
      expect(s.wDA === null).toBe(v.wDA === null);
      if (s.wDA !== null && v.wDA !== null) {
        withMinimum++;
        expect(agrees(s.wDA, v.wDA, 40)).toBe(true);
      }
    }
    expect(withMinimum).toBeGreaterThan(10);
  });
  judgeReaches(claim, [
    { name: 'the bound holds and w_DA = 0 at |F|/|R|', evidence: base, verdict: 'holds' },
    { name: 'Δ below the bound once', evidence: { ...base, failures: 1, first: { cfg, deltaRDA: '0.1', bound: '0.2' } }, verdict: 'refuted' },
    { name: 'w_DA ≠ 0 at α = |F|/|R|', evidence: { ...base, atSplitZero: 149, first: { cfg, deltaRDA: '0.1', bound: 'w_DA = 0.01, expected 0' } }, verdict: 'refuted' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, atSplit: 0, casesTried: 0 }, verdict: 'inconclusive' },
  ]);
});
