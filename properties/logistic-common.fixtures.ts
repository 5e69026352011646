/** Evidence of the two X.* region claims built by construction, one case per verdict their judge returns (tests only). */
import type { JudgeCase } from './harness.ts';
import type { RegionEvidence } from './logistic-common.ts';

const cell = { R: '100', F: '10', Rj: '20', alpha: '0.3', lambda: '0.01', appECase: 1 as const, exponential: { wD: 1, wR: 2, wDA: 0.5 }, logistic: { wD: 1, wR: 2, wDA: 1.5 } };

export function regionCases(doNothing: boolean): JudgeCase<RegionEvidence>[] {
  const base: RegionEvidence = {
    casesTried: 40, casesInScope: 40, configs: 1, alphaPoints: 8, lambdaPoints: 5, lambdaRange: { min: 1e-6, max: 10 },
    byCase: { 1: { cells: 20, differ: 0 }, 2: { cells: 10, differ: 0 }, 3: { cells: 10, differ: 0 } },
    trueExponential: 30, trueLogistic: 30, sampled: 40, unconverged: 0, inaccurate: 0, simDisagree: 0, worstEndpointError: 1e-13, steps: 1000,
    ...(doNothing ? { offAlphaLow: { exponential: 0, logistic: 0 } } : {}),
    firstDisagreement: null, shrunk: null, maps: [],
  };
  return [
    { name: 'the losses agree on every cell and GD confirms every sampled cell', evidence: base, verdict: 'holds' },
    { name: 'the losses disagree on one case-1 cell (shrunk counterexample)', evidence: { ...base, byCase: { ...base.byCase, 1: { cells: 20, differ: 1 } }, trueLogistic: 29, firstDisagreement: cell, shrunk: { ...cell, seed: 1, path: '0' } }, verdict: 'refuted' },
    { name: 'GD endpoints give the other truth value on one sampled cell', evidence: { ...base, simDisagree: 1, firstDisagreement: { ...cell, simulated: { wD: 1, wR: 2, wDA: 1.2 } } }, verdict: 'refuted' },
    { name: 'a sampled cell did not converge', evidence: { ...base, unconverged: 1 }, verdict: 'inconclusive' },
    { name: 'two sampled cells converged away from the theory', evidence: { ...base, inaccurate: 2, firstDisagreement: { ...cell, simulated: { wD: 1, wR: 2, wDA: 1.5001 } } }, verdict: 'refuted' },
    { name: 'the grid is empty', evidence: { ...base, casesTried: 0, casesInScope: 0, sampled: 0, byCase: { 1: { cells: 0, differ: 0 }, 2: { cells: 0, differ: 0 }, 3: { cells: 0, differ: 0 } }, trueExponential: 0, trueLogistic: 0 }, verdict: 'inconclusive' },
  ];
}
