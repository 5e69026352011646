/** C3.stabilisation (Sec. 5.1.1, App. C.3): its properties, its judge on evidence built by construction, planted errors, and the step caps. */
import { describe, expect, it } from 'vitest';
import claim, { DRIFT_THRESHOLD, DRIFT_Z, measureWith, type Evidence, type Pair } from './C3.stabilisation.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { DEFAULTS } from './arbitraries.ts';
import { SEED } from './seed.ts';
import { converge, fixedPoints, NonConvergenceError, runIteration, STABILITY_RATIO } from '../theory/iterative.ts';
import { execFileSync } from 'node:child_process';
import type { CheckContext } from './types.ts';

const eta = 0.003125;
const below = { R: 100, F: 10, Rj: 5, lambda: 1e-4, alpha: '0.3' }; // c_F/c_R = 3
const above = { R: 100, F: 10, Rj: 5, lambda: 1e-4, alpha: '0.5' }; // c_F/c_R = 5
const settles: Pair = { cfg: below, eta, ratio: 3, fate: 'far-left', end: -8, wD: 5, wR: 4, far: { w: -8, slope: -0.2, stable: true } };
const none: Pair = { cfg: above, eta, ratio: 5, fate: 'none', end: null, wD: 5, wR: 4, far: { w: -7, slope: -1.6, stable: false } };
const drift = (slope: number, se = 0.01) => ({ cfg: below, slope, se, points: 6 });
const base: Evidence = {
  casesTried: 2, casesInScope: 2, etas: [eta], budget: 20000, withLimit: 0, shrunk: null,
  pairs: [settles, none],
  drifts: [drift(1.0), drift(1.02), drift(0.99)],
  boundaries: [{ cfg: below, eta, ratio: STABILITY_RATIO, bracket: [4.11, 4.12] }, { cfg: above, eta, ratio: STABILITY_RATIO, bracket: [4.11, 4.12] }],
};
const only = (pairs: Pair[], slopes: number[]): Evidence => ({ ...base, pairs, drifts: slopes.map((s) => drift(s)) });

describe('C3.stabilisation', () => {
  it('the judge\'s constants are the documented ones', () => expect([DRIFT_THRESHOLD, DRIFT_Z]).toEqual([0.5, 2]));
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'settles below the ratio boundary, nowhere above it, and w* drifts like ln η', evidence: base, verdict: 'holds-with-caveat' },
    { name: 'both sides of the ratio boundary, drift bounded', evidence: only([settles, none], [0.01, 0.02, 0]), verdict: 'holds-with-caveat' },
    // literal slopes on both sides of the stated threshold 0.5 (a moved threshold must fail here)
    { name: 'only below the boundary, drift slope 0.55 ± 0.006 (above 0.5)', evidence: only([settles], [0.54, 0.55, 0.56]), verdict: 'holds-with-caveat' },
    { name: 'only below the boundary, drift slope 0.45 ± 0.006 (below 0.5)', evidence: only([settles], [0.44, 0.45, 0.46]), verdict: 'holds' },
    { name: 'only below the boundary, drift slope 0.55 ± 0.058: mean − 2 SE under 0.5 (straddling)', evidence: only([settles], [0.45, 0.55, 0.65]), verdict: 'inconclusive' },
    { name: 'the iteration ends closer to the oracle than w_D', evidence: { ...base, pairs: [{ ...settles, end: 4.5 }, none] }, verdict: 'refuted' },
    { name: 'nothing settles anywhere', evidence: { ...base, pairs: [none] }, verdict: 'refuted' },
    { name: 'nothing in scope', evidence: { ...base, casesInScope: 0, pairs: [], drifts: [], boundaries: [] }, verdict: 'inconclusive' },
  ]);

  const ctx: CheckContext = { profile: 'quick', seed: SEED, assumptions: DEFAULTS, digits: 50, log: () => {} };
  it('planted: the harm distance |w* − w_R| scaled by 0.01 is refuted', () => {
    expect(claim.judge(measureWith(ctx, { harmFactor: 0.01 }), DEFAULTS)).toBe('refuted');
  }, 60_000);
  it('planted: with the ratio condition\'s far side removed, the measured drift alone gives the caveat, and a drift shifted by −1 gives holds', () => {
    const e = measureWith(ctx);
    const nearSide = (x: Evidence): Evidence => ({ ...x, pairs: x.pairs.filter((p) => p.fate !== 'none') });
    expect(claim.judge(nearSide(e), DEFAULTS)).toBe('holds-with-caveat');
    const shifted = measureWith(ctx, { driftShift: -1 });
    expect(claim.judge(nearSide(shifted), DEFAULTS)).toBe('holds');
  }, 60_000);
  it('the committed run\'s shrunk counterexample reproduces: `ascent-verify iterate` exits 2 naming c_F/c_R ≥ e^{√2}', () => {
    const e = measureWith(ctx);
    const ce = claim.describe(e, claim.judge(e, DEFAULTS)).counterexample!;
    expect(ce.shrunkBy).toBe('fast-check');
    const args = String(ce.reproduce).split(' ').slice(1);
    let out = '', code = 0;
    try {
      execFileSync(process.execPath, [new URL('../bin/ascent-verify.js', import.meta.url).pathname, ...args], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const x = err as { status: number; stderr: string };
      code = x.status;
      out = x.stderr;
    }
    expect(code).toBe(2);
    expect(out).toMatch(/too large: the two-step map has no stable fixed point/);
  }, 60_000);

  it('where simultaneous DA has no minimum, iterating from w_D stops at a stable fixed point for small η, far on the wrong side', () => {
    // |R| = 1000, |F| = 100, |R_j| = 50, α = 0.12, λ = 0.01: z = (c_R − c_F)/λ = −1 < −1/e
    const p = { cR: 0.05, cF: 0.06, lambda: 0.01, eta: 0.1 };
    const w = converge(Math.log(5.09), p, 1_000_000);
    const fp = fixedPoints(p, 30).points.filter((x) => x.stable);
    expect(fp).toHaveLength(1);
    expect(Math.abs(w - fp[0]!.w.toNumber())).toBeLessThan(1e-10);
    expect(w).toBeLessThan(-3);
  });
  it('beyond c_F/c_R = e^{√2} the iteration does not converge (period 2 just past it), and converge throws NonConvergenceError instead of hanging', () => {
    const p = { cR: 0.01, cF: 0.045, lambda: 1e-4, eta: 0.01 };
    const run = runIteration(1, p, 1_000_000);
    expect(run.status).toBe('oscillating');
    expect(run.period).toBe(2);
    expect(fixedPoints(p, 25).points.every((x) => !x.stable)).toBe(true);
    expect(() => converge(1, p, 100_000)).toThrow(NonConvergenceError);
  });
  it('step cap: an iteration without a finite cap is refused', () => {
    expect(() => runIteration(1, { cR: 0.05, cF: 0.06, lambda: 0.01, eta: 0.1 }, Infinity)).toThrow(RangeError);
  });
});
