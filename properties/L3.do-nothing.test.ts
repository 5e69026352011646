/** L3.do-nothing (Sec. 5.1.1): its properties, its counterexample replayed, its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { solve1d } from '../theory/logistic1d.ts';
import claim, { type Evidence } from './L3.do-nothing.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { parseReproduce1d, smallContext } from './oneD-common.ts';
import { DEFAULTS } from './arbitraries.ts';

const cfg = { R: '10', F: '1', Rj: '1', alpha: '0.001', lambda: '1' };
const base: Evidence = {
  casesTried: 3600, casesInScope: 50, digits: 50, evaluations: 3600, sets: [], failingConfigs: 50, singleToEnd: 10, worstGapLow: '4e-31', case2Gaps: 0,
  counterexample: { cfg, deltaRD: '0.0076', deltaRDA: '0.00084', alphaLow: '0.00833' }, phase: { R: 1000, F: 100, Rj: 20, points: {} },
};

describe('L3.do-nothing', () => {
  claimProperties(claim);
  it('the measured counterexample reproduces: its command gives Δ_{R,DA} < Δ_{R,D}', async () => {
    const e = await claim.measure(smallContext());
    expect(claim.judge(e, DEFAULTS)).toBe('refuted');
    const s = solve1d(parseReproduce1d(String(claim.describe(e, 'refuted').counterexample!.reproduce)), 50);
    expect(s.deltaRDA.lt(s.deltaRD)).toBe(true);
  });
  judgeReaches(claim, [
    { name: 'DA is closer below |F|²/(|R|(|F|+|D|))', evidence: base, verdict: 'refuted' },
    { name: 'the map fails somewhere but no reproducible point was found', evidence: { ...base, counterexample: null }, verdict: 'inconclusive' },
    { name: 'doing nothing is at least as good everywhere', evidence: { ...base, failingConfigs: 0, counterexample: null }, verdict: 'holds' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, casesTried: 0 }, verdict: 'inconclusive' },
  ]);
});
