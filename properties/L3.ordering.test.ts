/** L3.ordering (Lemma 3): its properties, the range's formulas against exact fractions, its counterexample replayed, its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { locateChange, NonConvergenceError } from '../theory/alphaMap.ts';
import { thresholds, solve1d } from '../theory/logistic1d.ts';
import claim, { type Evidence } from './L3.ordering.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { agrees, fractionValue, parseReproduce1d, vectors1d, smallContext } from './oneD-common.ts';
import { DEFAULTS } from './arbitraries.ts';

const cfg = { R: '10', F: '1', Rj: '1', alpha: '0.0001', lambda: '1' };
const sides = { belowLowFails: 50, aboveLowHolds: 50, belowSplitHolds: 50, aboveSplitFails: 50, splitIsSettingEnd: 0 };
const base: Evidence = {
  casesTried: 6000, casesInScope: 50, digits: 50, gridPoints: 41, evaluations: 6000, sets: [], emptySets: 0, singleInterval: 50, containsAppE: 50,
  worstGapLow: '5e-31', worstGapSplit: '5e-31', sides,
  counterexample: { cfg, alphaLow: '0.00833', product: '-5.8e-5', wDA: '0.0912', wD: '0.0836', wR: '0.0913' }, phase: { R: 1000, F: 100, Rj: 20, points: {} },
};

describe('L3.ordering', () => {
  claimProperties(claim);
  it('the ordering range |F|²/(|R|(|F|+|D|)) and |F|/|R| equals exact fractions and mpmath (tests/vectors/logistic1d.json) to 45 digits', () => {
    const vs = vectors1d();
    expect(vs.length).toBeGreaterThan(20);
    for (const v of vs) {
      const t = thresholds(v, 50);
      expect(agrees(t.alphaLow, fractionValue(v.alphaLowFraction).toString()) && agrees(t.alphaLow, v.alphaLow), `${v.R} ${v.F}`).toBe(true);
      expect(agrees(t.alphaSplit, fractionValue(v.alphaSplitFraction).toString()) && agrees(t.alphaSplit, v.alphaSplit)).toBe(true);
    }
  });
  it('the measured counterexample reproduces: its command gives an α < |F|/|R| where the ordering fails', async () => {
    const e = await claim.measure(smallContext());
    const c = claim.describe(e, claim.judge(e, DEFAULTS)).counterexample!;
    const replay = parseReproduce1d(String(c.reproduce));
    const s = solve1d(replay, 50);
    expect(s.lemma3).toBe(false);
    expect(s.thresholds.alphaSplit.gt(replay.alpha)).toBe(true);
    expect(claim.judge(e, DEFAULTS)).toBe('holds-with-caveat');
  });
  judgeReaches(claim, [
    { name: 'the set is App. E\'s range in every configuration and fails below its lower end', evidence: base, verdict: 'holds-with-caveat' },
    { name: 'no counterexample below |F|/|R| was found', evidence: { ...base, counterexample: null }, verdict: 'holds' },
    { name: 'an empty set', evidence: { ...base, emptySets: 1, worstGapLow: 'Infinity' }, verdict: 'refuted' },
    { name: 'the ordering fails inside App. E\'s range (a moved threshold)', evidence: { ...base, containsAppE: 49, worstGapLow: '0.2' }, verdict: 'refuted' },
    { name: 'the lower end not shown necessary everywhere', evidence: { ...base, sides: { ...sides, belowLowFails: 49 } }, verdict: 'inconclusive' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, casesTried: 0 }, verdict: 'inconclusive' },
  ]);
});

describe('theory/alphaMap.ts step cap', () => {
  it('a location that cannot converge in its step cap throws NonConvergenceError instead of looping', () => {
    // a value that never changes sign inside the bracket's halves forces bisection; 5 steps cannot reach 1e−30
    const signed = (a: Decimal) => ({ holds: a.gt('0.3'), value: null });
    expect(() => locateChange(signed, new Decimal(0), new Decimal(1), signed(new Decimal(0)), signed(new Decimal(1)), new Decimal('1e-30'), 5)).toThrow(NonConvergenceError);
    const r = locateChange(signed, new Decimal(0), new Decimal(1), signed(new Decimal(0)), signed(new Decimal(1)), new Decimal('1e-15'));
    expect(r.at.minus('0.3').abs().lte('1e-14')).toBe(true);
  });
});
