/**
 * The bootstrap reading every empirical claim applies (properties/empirics-common.ts), end to end on
 * summaries built by construction with replicates: replicateSummary swaps in the b-th KLoM values,
 * the claim is re-measured and re-judged per replicate, and a verdict whose success count crosses
 * its threshold in more than 2.5% of the replicates is inconclusive, with the count's interval.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EmpiricsSummary, KlomBoot, RunEntry } from '../empirics/unlearn/summary.ts';
import gaGdaFail, { type Evidence } from './E.ga-gda-fail.ts';
import { bootstrapVerdict, replicateSummary, type BootstrapReading } from './empirics-common.ts';
import { A, ctxWith, inside, outside, run, set, summary } from './empirics-arbitraries.ts';
import { DEFAULTS } from './arbitraries.ts';
import { fcParams, seedTag } from './seed.ts';

const B = 200;
const constant = (v: number): number[] => Array(B).fill(v);
const boot = (forget: number[], val: number[], retain = val): KlomBoot => ({ forget, retain, val });

/** A summary whose every KLoM carries B replicates (constant unless given). */
function withReplicates(s: EmpiricsSummary): EmpiricsSummary {
  const fill = <T extends { forget?: number; retain?: number; val?: number; boot?: KlomBoot }>(x: T): T => (x.boot ? x : { ...x, boot: boot(constant(x.forget!), constant(x.val!), constant(x.retain!)) });
  return { ...s, sets: s.sets.map((t) => ({ ...t, pretrained: fill(t.pretrained), retrain: fill(t.retrain), runs: t.runs.map(fill) })), bootstrap: { replicates: B, seed: 1, method: 'test' } };
}

describe(`bootstrap over models in the empirical verdicts ${seedTag}`, () => {
  it('for all k in [0, 100] replicates in which a second of 10 GA/GDA pairs succeeds (1 of 10 = maxSuccessFraction on the point estimates; k more replicates mirror them above, so re-centring moves nothing), then E.ga-gda-fail holds for k ≤ 5 and is inconclusive for k ≥ 6, with the success count\'s interval reaching 2 from k ≥ 6', () => {
    expect(A.maxSuccessFraction).toBe(0.1);
    let asserted = 0;
    fc.assert(fc.property(fc.integer({ min: 0, max: B / 2 }), fc.double({ min: 1, max: 5, noNaN: true }), (k, r) => {
      const runs: RunEntry[] = Array.from({ length: 10 }, (_, i) => run(i % 2 ? 'GA' : 'GDA', 1e-3, 1 + i, i === 0 ? inside(r, 0.5) : outside(r, 0.5) + 3 * r, inside(r, 0.5)));
      // pair 1 fails on the point estimate; in the first k replicates its forget KLoM falls inside the corner, in the next k as far above
      const at = runs[1]!.forget!, low = inside(r, 0.5);
      runs[1] = { ...runs[1]!, boot: boot(Array.from({ length: B }, (_, b) => (b < k ? low : b < 2 * k ? 2 * at - low : at)), constant(runs[1]!.val!)) };
      const s = withReplicates(summary([set('random-10', 'random', 10, r, 5 * r, r, runs)]));
      const e = gaGdaFail.measure(ctxWith(s)) as Evidence;
      expect(e.m!.successes).toBe(1);
      expect(e.bootstrap!.verdicts).toEqual(k === 0 ? { holds: B } : { holds: B - k, refuted: k });
      expect(gaGdaFail.judge(e, DEFAULTS)).toBe(k <= 5 ? 'holds' : 'inconclusive');
      // numpy's linear percentiles of (200 − k) ones and k twos
      const [lo, hi] = e.bootstrap!.intervals.successes!;
      expect(lo).toBe(1);
      expect(hi).toBeCloseTo(k >= 6 ? 2 : k === 5 ? 1.025 : 1, 9);
      asserted++;
    }), fcParams({ quick: 60, full: 400 }));
    expect(asserted).toBe(fcParams({ quick: 60, full: 400 }).numRuns);
    expect(B / 2).toBeGreaterThanOrEqual(6);
  });

  it('replicateSummary takes the b-th value of every KLoM re-centred on its point estimate, and redraws the reference oracles\' accuracies with the oracle-A draws', () => {
    // forget replicates 0..199 around a point of 99.5: no shift; validation replicates all 7 around a point of 3: shifted to 3
    const runs = [run('GA', 1e-3, 1, 99.5, 3)];
    runs[0] = { ...runs[0]!, boot: boot(Array.from({ length: B }, (_, b) => b), constant(7)) };
    const acc = { forget: Array.from({ length: 20 }, (_, i) => i / 20), val: Array(20).fill(0.5) };
    const s = withReplicates(summary([set('random-10', 'random', 10, 1, 4, 1, runs, acc)]));
    const r = replicateSummary(s, 17);
    expect(r.sets[0]!.runs[0]!.forget).toBe(17);
    expect(r.sets[0]!.runs[0]!.val).toBe(3);
    // re-centring never goes below 0 (KLoM ≥ 0)
    const low = withReplicates(summary([set('random-10', 'random', 10, 1, 4, 1, [{ ...run('GA', 1e-3, 1, 0.5, 3), boot: boot(Array.from({ length: B }, (_, b) => (b < 100 ? 0 : 10)), constant(3)) }])]));
    expect(replicateSummary(low, 0).sets[0]!.runs[0]!.forget).toBe(0);
    expect(replicateSummary(low, 150).sets[0]!.runs[0]!.forget).toBe(5.5);
    const redrawn = r.sets[0]!.oracleAccuracy.forget;
    expect(redrawn).toHaveLength(20);
    expect(redrawn.every((x) => acc.forget.includes(x))).toBe(true);
    expect(new Set(redrawn).size).toBeLessThan(20);
  });

  it('bootstrapVerdict: a point verdict with 195 of 200 replicates stands, 194 does not; a holds/caveat split keeps the claim with its caveat', () => {
    const rd = (verdicts: BootstrapReading['verdicts']): BootstrapReading => ({ point: 'holds', replicates: B, level: 0.95, verdicts, intervals: {} });
    expect(bootstrapVerdict('refuted', rd({ refuted: 195, holds: 5 }))).toBe('refuted');
    expect(bootstrapVerdict('refuted', rd({ refuted: 194, holds: 6 }))).toBe('inconclusive');
    expect(bootstrapVerdict('holds', rd({ holds: 150, 'holds-with-caveat': 50 }))).toBe('holds-with-caveat');
    expect(bootstrapVerdict('holds', rd({ holds: 150, 'holds-with-caveat': 44, refuted: 6 }))).toBe('inconclusive');
    expect(bootstrapVerdict('holds', null)).toBe('holds');
    expect(bootstrapVerdict('inconclusive', rd({ holds: 200 }))).toBe('inconclusive');
  });
});
