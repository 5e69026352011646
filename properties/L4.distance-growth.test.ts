/** L4.distance-growth (Lemma 4): its properties (sandwich and tightness), the bound's formula against mpmath, its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { solve1d } from '../theory/logistic1d.ts';
import claim, { type Evidence } from './L4.distance-growth.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { agrees, vectors1d } from './oneD-common.ts';

const base: Evidence = { casesTried: 300, casesInScope: 150, digits: 50, failures: 0, first: null, sandwichFailures: 0, maxRatio: '0.91', beyond: 150, beyondFail: 0, ladder: [{ lambda: '1e-200', ratio: '0.998', floor: '0.997' }], pairs: [[1, 0.5]] };
const cfg = { R: '100', F: '10', Rj: '20', alpha: '0.45', lambda: '0.01' };

describe('L4.distance-growth', () => {
  claimProperties(claim);
  it('the bound |ln((1+α)|R|/|D|)| and w_D, w_R equal mpmath values (tests/vectors/logistic1d.json) to 45 digits', () => {
    for (const v of vectors1d()) {
      const s = solve1d(v, 50);
      expect(agrees(s.lemma4Bound, v.lemma4Bound), `${v.R} ${v.F} ${v.alpha}`).toBe(true);
      expect(agrees(s.wD, v.wD) && agrees(s.wR, v.wR)).toBe(true);
    }
  });
  judgeReaches(claim, [
    { name: 'Δ ≤ bound everywhere', evidence: base, verdict: 'holds' },
    { name: 'Δ above the bound once', evidence: { ...base, failures: 1, first: { cfg, deltaRD: '0.5', bound: '0.4' } }, verdict: 'refuted' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, casesTried: 0, pairs: [], ladder: [] }, verdict: 'inconclusive' },
  ]);
});
