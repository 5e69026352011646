/** L3.case2-branches (App. E, case 2): its property, its counterexample replayed, its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { solve1d } from '../theory/logistic1d.ts';
import claim, { type Evidence } from './L3.case2-branches.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { parseReproduce1d, smallContext } from './oneD-common.ts';
import { DEFAULTS } from './arbitraries.ts';

const cfg = { R: '10', F: '1', Rj: '1', alpha: '0.1004', lambda: '1' };
const base: Evidence = { casesTried: 150, casesInScope: 150, digits: 50, asStated: 0, reversed: 150, other: 0, counterexample: { cfg, z: '-0.0004', W0: { w: '-0.0004', kind: 'min' }, Wm1: { w: '-10.1', kind: 'max' } } };

describe('L3.case2-branches', () => {
  claimProperties(claim);
  it('the measured counterexample reproduces: its command shows W0 a minimum and W−1 a maximum', async () => {
    const e = await claim.measure(smallContext());
    expect(claim.judge(e, DEFAULTS)).toBe('refuted');
    const s = solve1d(parseReproduce1d(String(claim.describe(e, 'refuted').counterexample!.reproduce)), 50);
    expect(s.stationaryDA.map((p) => [p.branch, p.kind])).toEqual([[0, 'min'], [-1, 'max']]);
  });
  judgeReaches(claim, [
    { name: 'reversed in every case-2 configuration', evidence: base, verdict: 'refuted' },
    { name: 'as stated in every configuration', evidence: { ...base, asStated: 150, reversed: 0, counterexample: null }, verdict: 'holds' },
    { name: 'case 2 never inside the setting (empty scope)', evidence: { ...base, casesInScope: 0, reversed: 0, counterexample: null }, verdict: 'inconclusive' },
  ]);
});

describe('L3.case2-branches on an empty scope', () => {
  it('assumptions with |R_j| = |R| always (minFractionOfR = 1) leave case 2 outside the setting: inconclusive, with the reason', async () => {
    const assumptions = { ...DEFAULTS, setting1d: { ...DEFAULTS.setting1d, Rj: { minFractionOfR: 1 } }, profiles: { ...DEFAULTS.profiles, quick: { runs: 5, gridPoints: 11 } } };
    const e = await claim.measure({ profile: 'quick', seed: 20251126, assumptions, digits: 50, log: () => {} });
    expect(e.casesInScope).toBe(0);
    expect(claim.judge(e, assumptions)).toBe('inconclusive');
    expect(claim.describe(e, 'inconclusive').summary).toMatch(/not reached/);
  });
});
