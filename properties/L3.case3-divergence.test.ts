/** L3.case3-divergence (App. E, G): its property and its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from './arbitraries.ts';
import claim, { type Evidence } from './L3.case3-divergence.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const cfg = { R: '100', F: '10', Rj: '20', alpha: '0.45', lambda: '0.01' };
const base: Evidence = { casesTried: 150, casesInScope: 137, digits: 50, failures: 0, first: null, smallestMargin: '0.0558', probes: 137, probesWithMinimum: 137 };

describe('L3.case3-divergence', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'f′ > 0 in every case-3 configuration', evidence: base, verdict: 'holds' },
    { name: 'a case-3 configuration with a stationary point', evidence: { ...base, failures: 1, first: { cfg, margin: '-0.1', stationaryPoints: ['-2'] } }, verdict: 'refuted' },
    { name: 'case 3 never inside the setting (empty scope)', evidence: { ...base, casesInScope: 0, smallestMargin: null, probes: 0, probesWithMinimum: 0 }, verdict: 'inconclusive' },
  ]);
});

describe('L3.case3-divergence on an empty scope', () => {
  it('assumptions with λ ≥ e (case 3 needs λ < e(1 − |R_j|/|R|)) leave case 3 outside the setting: inconclusive, with the reason', async () => {
    const assumptions = { ...DEFAULTS, setting1d: { ...DEFAULTS.setting1d, lambda: { min: 3, max: 10 } }, profiles: { ...DEFAULTS.profiles, quick: { runs: 5, gridPoints: 11 } } };
    const e = await claim.measure({ profile: 'quick', seed: 20251126, assumptions, digits: 50, log: () => {} });
    expect(e.casesInScope).toBe(0);
    expect(claim.judge(e, assumptions)).toBe('inconclusive');
    expect(claim.describe(e, 'inconclusive').summary).toMatch(/not reached/);
  });
});
