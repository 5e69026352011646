/** AI.near-one (App. I): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { AI_CONFIGS, type Evidence } from './AI.near-one.ts';
import { claimProperties, judgeReaches } from './harness.ts';

type Row = Evidence['rows'][number];
const row = (i: number, deltaStar: number, epsC: number | null): Row => ({
  c: AI_CONFIGS[i]!, deltas: [0.1, 0.01, 0.001, 0.0001], eq9: [1e-3, 1e-4, 1e-5, 1e-6], eq14: [1e-3, 1e-5, 1e-7, 1e-9], eq15: [1e-4, 1e-7, 1e-10, 1e-13],
  order9: 1, order14: 2, order15: 3, eq12Worst: 1e-50, allExist: true, limitShrinks: true, deltaStar, epsC,
  inside: deltaStar < 1 ? { eps: 1 - 0.9 * deltaStar, daMinimum: true, eq14Real: true } : null,
  outside: deltaStar < 1 && epsC !== null ? { eps: epsC - 0.1 * (1 - epsC), daMinimum: false, eq14Real: false } : null,
});
const never = [row(0, 4.3, null), row(1, 2.1, null)];
const binds = [row(0, 4.3, null), row(1, 0.214, 0.7566)];
const base: Evidence = { casesTried: 8, casesInScope: 8, digits: 50, rows: never, nonConverged: 0, counterexample: null };
const ce = { lambda: '0.5', R: '1', D: '2', eps: '0.3', deltaStar: 0.107, X: -15.7, daFoldAlpha: 0.33, reproduce: 'ascent-verify solve2d --R 1 --F 1 --Rij 1 --alpha 1 --lambda 0.5 --eps 0.3 --json' };

describe('AI.near-one', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'every formula converges and the condition never binds (λ|R| ≥ √(8e))', evidence: base, verdict: 'holds' },
    { name: 'every formula converges, and Eq. 14\'s reality condition binds in one configuration', evidence: { ...base, rows: binds, counterexample: ce }, verdict: 'holds-with-caveat' },
    { name: 'Eq. 9\'s error does not vanish like 1 − ε', evidence: { ...base, rows: [{ ...binds[1]!, order9: 0.1 }] }, verdict: 'refuted' },
    { name: 'Eq. 12 is not exact', evidence: { ...base, rows: [{ ...never[0]!, eq12Worst: 1e-6 }] }, verdict: 'refuted' },
    { name: 'the condition binds but no case beyond its boundary was measured', evidence: { ...base, rows: [{ ...binds[1]!, outside: null }] }, verdict: 'inconclusive' },
    { name: 'a configuration did not converge', evidence: { ...base, nonConverged: 1 }, verdict: 'inconclusive' },
    { name: 'nothing was measured (empty scope)', evidence: { ...base, casesInScope: 0, rows: [] }, verdict: 'inconclusive' },
  ]);
});
