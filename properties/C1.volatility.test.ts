/** C1.volatility (Corollary 1): its property and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './C1.volatility.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const path = { path: 'α = |F|/|R|', sizes: { R: 100, F: 10, Rj: 20, lambda: 0 }, lambda: ['1e-2', '1e-100'], deltaRD: ['1e-3', '1e-90'], deltaRDA: ['0.1', '215'], toZero: true, toInfinity: true };
const base: Evidence = { casesTried: 5, casesInScope: 5, digits: 160, paths: [path], failures: 0 };

describe('C1.volatility', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'both limits on every path', evidence: base, verdict: 'holds' },
    { name: 'Δ_{R,DA} stays bounded on a path', evidence: { ...base, paths: [{ ...path, toInfinity: false }], failures: 1 }, verdict: 'refuted' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, casesTried: 0, paths: [] }, verdict: 'inconclusive' },
  ]);
});
