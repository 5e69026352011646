/**
 * F4.harm-window (Figure 4): its properties, its judge on evidence built by construction, and the
 * continuation's step cap: a planted wrong Hessian must make DA's continuation throw
 * NonConvergenceError quickly, not hang (issue 12, bug class (e)). Synchronous code cannot be timed
 * out inside vitest, so the planted call runs in a child process with a wall-clock limit.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import claim, { type Evidence } from './F4.harm-window.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const band = { testable: 7, grows: 7, extentShrinks: 4, example: [0.001, 0.005, 0.02, 0.1] };
const base: Evidence = {
  casesTried: 760, casesInScope: 400, digits: 30, configs: 40, epsPoints: 19, gridPoints: 41, nonEmpty: 400, exactNonEmpty: 600, pastFold: 0, f64NotContained: 0, checkedPoints: 1200, decimalFails: 0, nonConverged: 0,
  whyEmpty: { rbdNonPositive: 200, crossed: 150, inadmissible: 10 }, relWidth: [0.1, 0.2, 0.3], coverage: [0.3, 0.5, 0.7], exactRel: [0.2, 0.4, 0.6], ladder: [0.05, 0.1, 0.2, 0.4], ladderConfigs: 12,
  band: { window: band, exact: { ...band, testable: 12, grows: 12 } }, largeCriterion: { minNonEmptyFraction: 0.5, minMedianRelativeWidth: 0.1 }, tauWindow: [-0.5, -0.2, 0.1], tauExact: [-0.4, -0.6],
  epsWithWindow: [0.2, 0.95], chart: { s: { R: '100', F: '10', Rij: '5', lambda: '1' }, rows: [{ eps: 0.5, window: [0.01, 0.02], exact: [0.005, 0.05], fold: 0.5 }] }, counterexample: null,
};
const ce = { R: '3', F: '1', Rij: '1', alpha: '0', lambda: '1', eps: '0.5', eps1: '0.5', eps2: '0.6', word: 'wider', window1: ['0.1', '0.2'], window2: ['0.1', '0.3'], reproduce: 'ascent-verify figure4 …' };

describe('F4.harm-window', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'ordered inside every window and every word borne out', evidence: base, verdict: 'holds' },
    { name: 'ordered inside every window, but windows are narrow (not "typically large")', evidence: { ...base, nonEmpty: 148, casesInScope: 148, relWidth: [0.001, 0.005, 0.02], counterexample: ce }, verdict: 'holds-with-caveat' },
    { name: 'ordered inside every window, but wider at larger ε', evidence: { ...base, tauWindow: [0.3, 0.5, -0.1], counterexample: ce }, verdict: 'holds-with-caveat' },
    { name: 'the ordering fails at a point inside a window', evidence: { ...base, decimalFails: 1, counterexample: ce }, verdict: 'refuted' },
    { name: 'a decimal solve did not converge', evidence: { ...base, nonConverged: 1 }, verdict: 'inconclusive' },
    { name: 'every window is empty (empty scope)', evidence: { ...base, nonEmpty: 0, casesInScope: 0, relWidth: [], coverage: [] }, verdict: 'inconclusive' },
  ]);

  it('a planted wrong Hessian (through the test seam) makes DA\'s float64 continuation (h22 × 0.7) and the decimal Newton of L_D (h12 × 1.5) throw NonConvergenceError within seconds instead of hanging', () => {
    const theory = new URL('../theory/logistic2d.ts', import.meta.url).href;
    const code = `
      import { continueDA, daFoldF64, solveConvex, withHessianSeam, NonConvergenceError } from ${JSON.stringify(theory)};
      const s = { R: '1000', F: '200', Rij: '100', lambda: '0.01', eps: '0.5' };
      const fold = daFoldF64(s);
      const calls = [[{ h22: 0.7 }, () => continueDA(s, [fold.alpha * 0.9])], [{ h12: 1.5 }, () => solveConvex('D', { ...s, alpha: '0.5' }, 50)]];
      for (const [seam, f] of calls) {
        const t = Date.now();
        let what = 'returned';
        try { withHessianSeam(seam, f); } catch (e) { what = e instanceof NonConvergenceError ? 'NonConvergenceError' : 'other: ' + e; }
        console.log(what + ' ' + (Date.now() - t));
      }`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 60_000, encoding: 'utf8' });
    expect(r.error, 'a planted call hung past 60 s').toBeUndefined();
    const lines = r.stdout.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(2);
    for (const line of lines) {
      const [what, ms] = line.split(' ');
      expect(what, r.stderr).toBe('NonConvergenceError');
      expect(Number(ms)).toBeLessThan(20_000);
    }
  });
});
