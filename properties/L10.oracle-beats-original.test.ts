/** L10.oracle-beats-original (Lemma 10): its properties, and its judge on evidence built by construction. */
import { describe } from 'vitest';
import claim, { type Evidence } from './L10.oracle-beats-original.ts';
import { claimProperties, judgeReaches } from './harness.ts';

const over = { settings: 50, tried: 58, inScope: 58, fails: 0, failsBelowOne: 0, nonConverged: 0, vacuous: 21, alphaAtLeastOne: 0, crossings: [] as number[] };
const base: Evidence = {
  casesTried: 140, casesInScope: 58, digits: 50, main: over, probe: { ...over, inScope: 82, tried: 82, alphaAtLeastOne: 28 }, probeForgetFraction: { min: 0.55, max: 0.9 },
  reconstruction: { worst: '2e-58', checked: 100, tolerance: '1e-45' }, medianThreshold: 0.1, maxThreshold: 0.65, counterexample: null,
};
const ce = { R: '29', F: '83', Rij: '14', alpha: '2.07', lambda: '1.68', eps: '0.48', alphaX: '3.3', alphaY: '2.1', xR: '0.27', xD: '0.2', yR: '0.211', yD: '0.212', reproduce: 'ascent-verify solve2d …' };
const failingProbe = { ...base.probe, fails: 11, crossings: [1.4, 2.02] };

describe('L10.oracle-beats-original', () => {
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'the conclusion holds below α_{R>D}, probe included', evidence: base, verdict: 'holds' },
    { name: 'it fails only in the probe, every boundary α* ≥ 1 (α < 1 is the condition)', evidence: { ...base, probe: failingProbe, counterexample: ce }, verdict: 'holds-with-caveat' },
    { name: 'it fails on the declared distribution', evidence: { ...base, main: { ...over, fails: 1, crossings: [0.3] }, counterexample: ce }, verdict: 'refuted' },
    { name: 'it fails in the probe at α < 1', evidence: { ...base, probe: { ...failingProbe, failsBelowOne: 1, crossings: [0.8] }, counterexample: ce }, verdict: 'refuted' },
    { name: 'the reconstruction does not solve its defining equations', evidence: { ...base, reconstruction: { worst: '1e-3', checked: 100, tolerance: '1e-45' }, counterexample: ce }, verdict: 'refuted' },
    { name: 'a solve did not converge', evidence: { ...base, main: { ...over, nonConverged: 1 } }, verdict: 'inconclusive' },
    { name: 'probe failures without a located boundary', evidence: { ...base, probe: { ...failingProbe, crossings: [] } }, verdict: 'inconclusive' },
    { name: 'α_{R>D} ≤ 0 everywhere (empty scope)', evidence: { ...base, casesInScope: 0, main: { ...over, tried: 0, inScope: 0, vacuous: 50 } }, verdict: 'inconclusive' },
  ]);
});
