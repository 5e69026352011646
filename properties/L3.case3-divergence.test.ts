/** L3.case3-divergence (App. E, G): its property and its judge on evidence built by construction. */
import { describe } from 'vitest';
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
