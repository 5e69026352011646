/** L3.case-split (App. E): its property, the thresholds against exact fractions and mpmath, its counterexample replayed, its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { solve1d, thresholds } from '../theory/logistic1d.ts';
import claim, { type Evidence } from './L3.case-split.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { agrees, fractionValue, parseReproduce1d, vectors1d, smallContext } from './oneD-common.ts';
import { DEFAULTS } from './arbitraries.ts';

const cfg = { R: '10', F: '1', Rj: '1', alpha: '0.1', lambda: '1' };
const ce = { cfg, z: '0', stated: 'two stationary points (−1/e ≤ z < 0)', actual: 'one minimum (z = 0)', stationaryPoints: 1, localMinima: 1 };
const base: Evidence = { casesTried: 1064, casesInScope: 1064, digits: 50, interior: 0, firstInterior: null, atSplit: 7, atSplitWrong: 7, nearSplit: 302, nearSplitAgree: 302, nearFold: 302, nearFoldAgree: 302, counterexample: ce };

describe('L3.case-split', () => {
  claimProperties(claim);
  it('|F|/|R| and the fold |F|/|R| + λ|F|/(e|R_j|) equal exact fractions and mpmath (tests/vectors/logistic1d.json) to 45 digits', () => {
    for (const v of vectors1d()) {
      const t = thresholds(v, 50);
      expect(agrees(t.alphaSplit, fractionValue(v.alphaSplitFraction).toString())).toBe(true);
      expect(agrees(t.alphaFold, v.alphaFold), `${v.R} ${v.F} ${v.Rj} ${v.lambda}`).toBe(true);
      expect(agrees(t.alphaMax, v.alphaMax)).toBe(true);
    }
  });
  it('the measured counterexample reproduces: at α = |F|/|R| its command gives z = 0 and one minimum', async () => {
    const e = await claim.measure(smallContext());
    expect(claim.judge(e, DEFAULTS)).toBe('holds-with-caveat');
    const s = solve1d(parseReproduce1d(String(claim.describe(e, 'holds-with-caveat').counterexample!.reproduce)), 50);
    expect(s.case).toBe('boundary');
    expect(s.z.isZero()).toBe(true);
    expect(s.stationaryDA.map((p) => p.kind)).toEqual(['min']);
  });
  judgeReaches(claim, [
    { name: 'exact except at α = |F|/|R|', evidence: base, verdict: 'holds-with-caveat' },
    { name: 'exact everywhere, |F|/|R| included', evidence: { ...base, atSplitWrong: 0, counterexample: null }, verdict: 'holds' },
    { name: 'a point inside a case contradicts the split', evidence: { ...base, interior: 1, firstInterior: { reproduce: 'x' } }, verdict: 'refuted' },
    { name: 'just above the fold the count is wrong (a moved fold)', evidence: { ...base, nearFoldAgree: 301, firstInterior: { reproduce: 'x' } }, verdict: 'refuted' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, casesTried: 0 }, verdict: 'inconclusive' },
  ]);
});
