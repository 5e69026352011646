/**
 * The verdict logic of the empirical claims (empirics/unlearn/claims.ts) on summaries drawn by
 * construction: a set's pretrained and retraining levels first, then runs placed inside or outside
 * the success corner on purpose, so each property knows the verdict it must get. The real numbers
 * come from results/empirics/ (tests/empirics.test.ts runs the pipeline itself).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadAssumptions } from '../cli/commands/verify.ts';
import { empiricsClaims } from '../empirics/unlearn/claims.ts';
import type { EmpiricsSummary, RunEntry, SetSummary, StabilityPoint } from '../empirics/unlearn/summary.ts';
import type { CheckContext, CheckResult } from './types.ts';
import { plan } from '../empirics/unlearn/profiles.ts';
import { fcParams, seedTag } from './seed.ts';

const { assumptions } = loadAssumptions(undefined);
const A = assumptions.empirics;
const ctx: CheckContext = { profile: 'quick', seed: 1, assumptions, digits: 50, log: () => {} };

/** A set whose retraining sits at (r, r) and pretrained at (pf, pv), with the given runs. */
function set(name: string, kind: string, size: number, r: number, pf: number, pv: number, runs: RunEntry[]): SetSummary {
  return {
    name, kind, size,
    pretrained: { forget: pf, retain: pv, val: pv, accForget: 0.9, accVal: 0.85 },
    retrain: { forget: r, retain: r, val: r, accForget: 0.85, accVal: 0.85 },
    oracleAccuracy: { forget: Array(20).fill(0.85), val: Array(20).fill(0.85) },
    runs,
  };
}

function summary(sets: SetSummary[], models = 20, points: StabilityPoint[] = []): EmpiricsSummary {
  const p = plan('quick', 'mnist');
  return {
    version: 1, tool: { name: 'ascent-verify', version: 'test', commit: 'test' },
    scale: { dataset: 'mnist', model: 'mlp', profile: 'quick', models, nTrain: 1000, nVal: 500, image: '14×14×1', grid: p.grid, forgetSets: sets.map((s) => s.name) },
    seed: 1, backend: 'cpu', createdAt: '2026-01-01T00:00:00Z', durationMs: 0, sets, stability: { set: sets[0]?.name ?? '', points },
  };
}

async function verdict(id: string, s: EmpiricsSummary): Promise<CheckResult> {
  const c = empiricsClaims({ path: '(drawn)', summary: s }).find((x) => x.id === id)!;
  return c.check(ctx);
}

const run = (method: 'GA' | 'GDA' | 'SCRUB', lr: number, epoch: number, forget: number, val: number): RunEntry =>
  ({ method, lr, epoch, broken: false, forget, retain: val, val, accForget: 0.85, accVal: 0.85 });

/** A value strictly inside (0, factor·r] — a success coordinate — or strictly above it. */
const inside = (r: number, u: number): number => r * A.successFactor * (0.2 + 0.8 * u);
const outside = (r: number, u: number): number => r * A.successFactor * (1.01 + u);

describe('empirical claims: verdict logic on drawn summaries', () => {
  it(`E.ga-gda-fail: for all GA/GDA grids with k of n pairs in the success corner, then refuted exactly when k/n > maxSuccessFraction ${seedTag}`, async () => {
    await fc.assert(fc.asyncProperty(
      // n pairs, then k ≤ n successes (fc.double's bias toward its ends would rarely land near the threshold)
      fc.integer({ min: 5, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))), fc.double({ min: 1, max: 10, noNaN: true }), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 60, maxLength: 60 }),
      async ([n, k], r, us) => {
        const runs = Array.from({ length: n }, (_, i) => (i < k
          ? run(i % 2 ? 'GA' : 'GDA', 1e-3, 1 + i, inside(r, us[i]!), inside(r, us[59 - i]!))
          : run(i % 2 ? 'GA' : 'GDA', 1e-3, 1 + i, outside(r, us[i]!) + 3 * r, inside(r, us[59 - i]!))));
        const res = await verdict('E.ga-gda-fail', summary([set('random-10', 'random', 10, r, 5 * r, r, runs)]));
        expect(res.verdict === 'refuted').toBe(k / n > A.maxSuccessFraction);
        expect(res.casesTried).toBe(n);
      }), fcParams({ quick: 60, full: 1000 }));
  });

  it(`E.illusion: for all GA grids on 10 random images, then one lone success holds, a learning rate that succeeds at every epoch refutes, and no success refutes ${seedTag}`, async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.double({ min: 1, max: 10, noNaN: true }), async (li, ei, r) => {
      const lrs = [1e-5, 5e-5, 1e-4, 5e-4, 1e-3, 1e-2, 5e-2], epochs = [1, 3, 5, 7, 10];
      const grid = (ok: (l: number, e: number) => boolean): RunEntry[] =>
        lrs.flatMap((lr, l) => epochs.map((ep, e) => (ok(l, e) ? run('GA', lr, ep, r, r) : run('GA', lr, ep, 3 * r, r))));
      const s = (runs: RunEntry[]) => summary([set('random-10', 'random', 10, r, 4 * r, r, runs)]);
      expect((await verdict('E.illusion', s(grid((l, e) => l === li && e === ei)))).verdict).toBe('holds');
      expect((await verdict('E.illusion', s(grid((l) => l === li)))).verdict).toBe('refuted');
      expect((await verdict('E.illusion', s(grid(() => false)))).verdict).toBe('refuted');
    }), fcParams({ quick: 30, full: 300 }));
  });

  it(`E.klom-stability: for all curves, then refuted below stabilityRatio from 20 to 80 models, a caveat while it still falls as much from 40 to 80, inconclusive without 80 ${seedTag}`, async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 5, max: 80 }).map((t) => t / 10), fc.integer({ min: 5, max: 80 }).map((t) => t / 10), fc.integer({ min: 1, max: 30 }).map((t) => t / 10), async (r2080, r4080, v80) => {
      const pt = (n: number, v: number): StabilityPoint => ({ n, pretrainedVsOracle: { retain: v, val: v }, oracleVsOracle: null });
      const pts = [pt(20, v80 * r2080), pt(40, v80 * r4080), pt(80, v80)];
      const res = await verdict('E.klom-stability', summary([set('random-100', 'random', 100, 1, 2, 1, [])], 20, pts));
      const want = r2080 < A.stabilityRatio ? 'refuted' : r4080 >= A.stabilityRatio ? 'holds-with-caveat' : 'holds';
      expect(res.verdict).toBe(want);
      expect((await verdict('E.klom-stability', summary([set('random-100', 'random', 100, 1, 2, 1, [])], 20, pts.slice(0, 2)))).verdict).toBe('inconclusive');
    }), fcParams({ quick: 60, full: 1000 }));
  });

  it(`L1.oracle-mirror, E.difficulty, E.retain-like-val: for all summaries with fewer than minModels models per side, then every empirical claim is inconclusive and says why ${seedTag}`, async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: A.minModels - 1 }), async (models) => {
      const s = summary([set('random-10', 'random', 10, 1, 2, 1, [run('GA', 1e-3, 1, 1, 1)]), set('influence-10', 'influence', 10, 1, 2, 1, [run('GA', 1e-3, 1, 3, 1)])], models);
      for (const id of ['L1.oracle-mirror', 'E.ga-gda-fail', 'E.illusion', 'E.difficulty', 'E.retain-like-val', 'E.klom-stability']) {
        const res = await verdict(id, s);
        expect(res.verdict, id).toBe('inconclusive');
        expect(res.evidence).toMatch(new RegExp(`N = ${models} < ${A.minModels}`));
      }
    }), fcParams({ quick: 10, full: 100 }));
  });

  it('without empirics results every empirical claim is inconclusive and names the command that produces them', async () => {
    for (const c of empiricsClaims(null)) {
      const res = await c.check(ctx);
      expect(res.verdict).toBe('inconclusive');
      expect(res.evidence).toMatch(/ascent-verify empirics --profile quick/);
      expect(c.expected).toBe('inconclusive');
    }
  });
});
