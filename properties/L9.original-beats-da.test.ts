/** L9.original-beats-da (Lemma 9): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './L9.original-beats-da.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const over = { settings: 50, tried: 40, inScope: 40, fails: 0, nonConverged: 0, vacuous: 30, foldFirst: 30, alphaAtLeastOne: 9 };
const base: Evidence = { casesTried: 90, casesInScope: 40, digits: 50, main: over, probe: { ...over, inScope: 50, tried: 50, vacuous: 25 }, probeForgetFraction: { min: 0.55, max: 0.9 }, medianThreshold: 0.05, counterexample: null };
const ce = { R: '9', F: '20', Rij: '3', alpha: '1.23', lambda: '0.5', eps: '0.4', xD: '0.3', xDA: '0.4', yD: '0.2', yDA: '0.1', reproduce: 'ascent-verify solve2d …' };

describe('L9.original-beats-da', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'the conclusion holds above the threshold, probe included', evidence: base, verdict: 'holds' },
    { name: 'it fails above the threshold on the declared distribution', evidence: { ...base, main: { ...over, fails: 1 }, counterexample: ce }, verdict: 'refuted' },
    { name: 'it fails only in the |F| > |R| probe', evidence: { ...base, probe: { ...base.probe, fails: 2 }, counterexample: ce }, verdict: 'holds-with-caveat' },
    { name: 'a solve did not converge', evidence: { ...base, main: { ...over, nonConverged: 1 } }, verdict: 'inconclusive' },
    { name: 'no α above the threshold has a DA minimum (empty scope)', evidence: { ...base, casesInScope: 0, main: { ...over, tried: 0, inScope: 0, vacuous: 50 } }, verdict: 'inconclusive' },
  ]);
});
