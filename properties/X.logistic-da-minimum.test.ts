/** X.logistic-da-minimum: its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './X.logistic-da-minimum.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const base: Evidence = {
  casesTried: 40, casesInScope: 40, cells: 40, sampled: 40, steps: 1000, within: 40, unconverged: 0, away: 0, worstError: 1e-13,
  case3: 12, proxyDiverged: 12, proxyDivergedWithin: 12, largestAbsWDA: 1e5, failure: null, shrunk: null, points: { case12: [[1, 1]], case3: [[-5, -5]] },
};
const cell = { R: '100', F: '10', Rj: '20', alpha: '0.3', lambda: '0.01', appECase: 3 as const, exponential: { wD: 1, wR: 2, wDA: null }, logistic: { wD: 1, wR: 2, wDA: -30 } };

describe('X.logistic-da-minimum', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'every sampled DA run reaches the minimum, case 3 included where the proxy diverged', evidence: base, verdict: 'holds' },
    { name: 'a converged run ends away from the minimum', evidence: { ...base, within: 39, away: 1, failure: { ...cell, theory: -30, simulatedDA: -29 }, shrunk: { ...cell, theory: -30, simulatedDA: -29, seed: 1, path: '0' } }, verdict: 'refuted' },
    { name: 'a run did not converge within the step budget', evidence: { ...base, within: 39, unconverged: 1 }, verdict: 'inconclusive' },
    { name: 'no sampled cell has the proxy diverging', evidence: { ...base, case3: 0, proxyDiverged: 0, proxyDivergedWithin: 0 }, verdict: 'inconclusive' },
    { name: 'nothing was simulated', evidence: { ...base, casesTried: 0, casesInScope: 0, sampled: 0, within: 0 }, verdict: 'inconclusive' },
  ]);
});
