/** X.logistic-da-minimum: its properties, and its judge on evidence built by construction. */
import { describe, expect, it } from 'vitest';
import claim, { failsAt, type Evidence } from './X.logistic-da-minimum.ts';
import { simulateCell } from './logistic-common.ts';
import { cellTheory } from '../theory/lossComparison.ts';
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
  // the comparison's own constant: a planted coefficient error of 1e−7 relative must count as "away"
  it('a DA run on a coefficient off by 1e−7 relative ends away from the theory (the endpoint tolerance resolves it)', () => {
    const cell = cellTheory({ R: 200, F: 20, Rj: 50 }, 0.3, 0.05);
    const planted = { ...cell, cDA: cell.cDA * (1 + 1e-7) };
    const sim = simulateCell(planted, 2_000_000);
    expect(sim).not.toBeNull();
    expect(failsAt(sim!.wDA, cell.logistic.wDA!)).toBe(true);
    expect(failsAt(simulateCell(cell, 2_000_000)!.wDA, cell.logistic.wDA!)).toBe(false);
  });
});
