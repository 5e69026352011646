/** L3.case1-range (App. E, case 1): its property, its range's formulas against exact fractions, its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { thresholds } from '../theory/logistic1d.ts';
import claim, { type Evidence } from './L3.case1-range.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { agrees, fractionValue, vectors1d } from './oneD-common.ts';

const base: Evidence = { casesTried: 450, casesInScope: 150, digits: 50, failures: 0, first: null, below: 150, belowFail: 150, above: 150, aboveFail: 150 };
const cfg = { R: '10', F: '1', Rj: '1', alpha: '0.05', lambda: '1' };

describe('L3.case1-range', () => {
  claimProperties(claim);
  it('the range\'s ends |F|²/(|R|(|F|+|D|)) and |F|/|R| equal exact fractions (tests/vectors/logistic1d.json) to 45 digits', () => {
    for (const v of vectors1d()) {
      const t = thresholds(v, 50);
      expect(agrees(t.alphaLow, fractionValue(v.alphaLowFraction).toString()), `${v.R} ${v.F} ${v.Rj}`).toBe(true);
      expect(agrees(t.alphaSplit, fractionValue(v.alphaSplitFraction).toString())).toBe(true);
    }
  });
  judgeReaches(claim, [
    { name: 'ordered everywhere inside the range', evidence: base, verdict: 'holds' },
    { name: 'one point inside the range is not ordered', evidence: { ...base, failures: 1, first: { cfg, wDA: '0.1', wD: '0.09', wR: '0.091' } }, verdict: 'refuted' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, casesTried: 0 }, verdict: 'inconclusive' },
  ]);
});
