/** C3.first-order (App. C.3): its properties, its judge on evidence built by construction, planted errors, and the step caps. */
import { describe, expect, it } from 'vitest';
import claim, { COEFFICIENT_TOLERANCE, MAX_HALVINGS, measureWith, ORDER_TOLERANCE, richardsonSlope, STALL_RATIO, type Evidence, type FirstOrderCase } from './C3.first-order.ts';
import { claimProperties, judgeReaches } from './harness.ts';
import { DEFAULTS } from './arbitraries.ts';
import { SEED } from './seed.ts';
import { fixedPoints, NonConvergenceError, searchInterval } from '../theory/iterative.ts';
import type { CheckContext } from './types.ts';

const ladder = [0.1, 0.05, 0.025, 0.0125, 0.00625, 0.003125];
const cfg = { R: 100, F: 10, Rj: 20, lambda: 0.1, alpha: '0.3' };
/** A case whose distances follow d(η) = f(η) exactly. */
const kase = (f: (eta: number) => number, C: number, halvings = 0): FirstOrderCase => ({ cfg, w0: 0.5, C, distances: ladder.map((eta) => [eta, f(eta)] as [number, number]), halvings, extraStable: 0 });
const linear = kase((eta) => -0.5 * eta + 0.1 * eta * eta, -0.5);
const base: Evidence = { casesTried: 3, casesInScope: 3, etas: ladder, cases: [linear, linear, linear], kinds: { one: 3, two: 0, doubledOnly: 0 }, shrunk: null };
const withCase = (c: FirstOrderCase): Evidence => ({ ...base, cases: [linear, c] });
const slow = (p: number) => (eta: number) => 0.1 * eta ** p;

describe('C3.first-order', () => {
  it('the judge\'s constants are the documented ones', () => {
    expect([ORDER_TOLERANCE, COEFFICIENT_TOLERANCE, MAX_HALVINGS, STALL_RATIO]).toEqual([0.9, 0.1, 14, 1.2]);
  });
  claimProperties(claim);
  judgeReaches(claim, [
    { name: 'distances shrink like Cη with the analytic C', evidence: base, verdict: 'holds' },
    // the constants are pinned by literal values on both sides of them (a loosened tolerance must fail here)
    { name: 'the Richardson slope is 9% off C (inside the 10% tolerance)', evidence: withCase({ ...linear, C: -0.5 / 1.09 }), verdict: 'holds' },
    { name: 'the Richardson slope is 11% off C', evidence: withCase({ ...linear, C: -0.5 / 1.11 }), verdict: 'refuted' },
    { name: 'the distance stalls at 0.01 after all 14 halvings (the fixed point tends elsewhere)', evidence: withCase(kase((eta) => 0.01 + 1e-3 * eta, 1e-3, 14)), verdict: 'refuted' },
    { name: 'the distance shrinks by 1.15 per halving of η after all 14 halvings (a stall: under 1.2)', evidence: withCase(kase(slow(Math.log2(1.15)), 1, 14)), verdict: 'refuted' },
    { name: 'the distance grows as η shrinks', evidence: withCase(kase((eta) => 0.01 / eta, 1, 14)), verdict: 'refuted' },
    { name: 'order 0.95 with a consistent slope (above the floor 0.9)', evidence: withCase({ ...kase(slow(0.95), 0), C: richardsonSlope(kase(slow(0.95), 0).distances) }), verdict: 'holds' },
    { name: 'order 0.85 after all 14 halvings (still shrinking, slower than first order)', evidence: withCase(kase(slow(0.85), 1, 14)), verdict: 'inconclusive' },
    { name: 'order 0.85 after 13 halvings (measurement incomplete)', evidence: withCase(kase(slow(0.85), 1, 13)), verdict: 'inconclusive' },
    { name: 'a non-finite distance', evidence: withCase(kase(() => Number.NaN, 1)), verdict: 'refuted' },
    { name: 'nothing in scope', evidence: { ...base, casesInScope: 0, cases: [] }, verdict: 'inconclusive' },
  ]);

  const ctx: CheckContext = { profile: 'quick', seed: SEED, assumptions: DEFAULTS, digits: 50, log: () => {} };
  it('planted: a first-order coefficient 20% too large is refuted, with a shrunk counterexample that reproduces', () => {
    const e = measureWith(ctx, { coefficient: 1.2 });
    expect(claim.judge(e, DEFAULTS)).toBe('refuted');
    const ce = claim.describe(e, 'refuted').counterexample!;
    expect(ce.shrunkBy).toBe('fast-check');
    expect(String(ce.reproduce)).toMatch(/^ascent-verify iterate --R \d+ --F \d+ --Rj \d+ --alpha [\d.e-]+ --lambda [\d.e-]+ --eta [\d.e-]+ --json$/);
  }, 60_000);
  it('planted: the limit with the ridge multiplied by 2.2 instead of 2 is refuted (the distance stalls)', () => {
    expect(claim.judge(measureWith(ctx, { ridge: 2.2 }), DEFAULTS)).toBe('refuted');
  }, 60_000);

  it('step cap: the fixed-point enumeration throws NonConvergenceError past its cell cap instead of running on', () => {
    expect(() => fixedPoints({ cR: 0.05, cF: 0.06, lambda: 0.01, eta: 0.1 }, 20, 64, 10)).toThrow(NonConvergenceError);
  });
  it('the search interval includes w = 0 when c_F barely exceeds the shrunk c_R (a regression: the left end used to land above the fixed point)', () => {
    const p = { cR: 0.05, cF: 0.0500001, lambda: 0.01, eta: 0.1 };
    expect(searchInterval(p)[0]).toBeLessThanOrEqual(-1);
    expect(fixedPoints(p, 25).points.length).toBeGreaterThan(0);
  });
});
