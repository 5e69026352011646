/**
 * E.difficulty (Sec. 3, Figs. 1–3): forget sets differ in difficulty. Per forget set of the run: the
 * share of (run, stop) pairs that succeed and how close the best non-breaking run gets to retraining
 * on F (its forget KLoM in units of retraining's). The claim's PC1 part is measured on the
 * high-influence sets (last-layer TracIn self-influence, the stand-in for datamodel PC1): no success
 * there, and their best reachable forget KLoM farther from retraining than on every random set.
 * "Random sets occasionally" succeed: when no random set succeeds either, the difficulty shows only
 * in how close the best run gets (the caveat). The PC2 part has no stand-in here and is not checked.
 */
import fc from 'fast-check';
import { ctxWith, run, set, summary } from './empirics-arbitraries.ts';
import { DEFAULTS } from './arbitraries.ts';
import { broke, EMPIRICS_ASSUMPTIONS, empiricsClaim, pct, succeeded, type EmpiricsEvidence } from './empirics-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'E.difficulty';

export interface SetDifficulty {
  set: string;
  kind: string;
  pairs: number;
  successes: number;
  /** the best non-breaking run's forget KLoM / retraining's; null when every run breaks the model */
  best: number | null;
  /** the pretrained models' forget KLoM / retraining's */
  pretrained: number;
}

export interface Measured extends EvidenceBase {
  sets: SetDifficulty[];
}

export type Evidence = EmpiricsEvidence<Measured>;

/** Best reachable distance, with "no non-breaking run" as the farthest. */
const bestOf = (s: SetDifficulty): number => s.best ?? Number.POSITIVE_INFINITY;

function reading(m: Measured) {
  const infl = m.sets.filter((s) => s.kind === 'influence'), rand = m.sets.filter((s) => s.kind === 'random');
  return {
    infl, rand,
    noneOnInfl: infl.every((s) => s.successes === 0),
    harder: infl.every((i) => rand.every((r) => bestOf(i) > bestOf(r))),
    randomSucceeds: rand.some((s) => s.successes > 0),
  };
}

const frame = empiricsClaim<Measured>({
  id: ID,
  measureRun({ summary: sum }, a) {
    const sets = sum.sets.map((s) => {
      const fine = s.runs.filter((e) => !broke(e, s, a));
      return {
        set: s.name, kind: s.kind, pairs: s.runs.length, successes: s.runs.filter((e) => succeeded(e, s, a)).length,
        best: fine.length ? Math.min(...fine.map((e) => e.forget! / s.retrain.forget)) : null,
        pretrained: s.pretrained.forget / s.retrain.forget,
      };
    });
    return { casesTried: sets.length, casesInScope: sets.filter((s) => s.kind === 'influence' || s.kind === 'random').length, sets };
  },
  judgeRun(m) {
    const r = reading(m);
    if (!r.infl.length || !r.rand.length) return 'inconclusive';
    if (!(r.noneOnInfl && r.harder)) return 'refuted';
    return r.randomSucceeds ? 'holds' : 'holds-with-caveat';
  },
  describeRun(m, verdict, run) {
    const r = reading(m);
    const lines = m.sets.map((s) => `${s.set}: ${s.successes} of ${s.pairs} (${pct(s.successes, s.pairs)}) pairs succeed, best non-breaking forget KLoM ${s.best === null ? '— (every run breaks the model)' : `${s.best.toFixed(2)}×`} retraining's, pretrained ${s.pretrained.toFixed(2)}×`).join('; ');
    if (!r.infl.length || !r.rand.length) return { summary: 'needs both influence and random forget sets', evidence: `The run at ${run.label} lacks ${r.infl.length ? 'a random' : 'an influence'} forget set (${lines}).`, counterexample: null };
    const evidence = `At ${run.label}: ${lines}. High-influence sets (last-layer TracIn self-influence, the stand-in for datamodel PC1) ${r.noneOnInfl ? 'have no successful run' : 'have successful runs'}, and their best reachable forget KLoM is ${r.harder ? 'farther from retraining than on every random set' : 'not farther than on every random set'}; ${r.randomSucceeds ? 'a random set has successful runs' : 'no random set has a successful run'}.`;
    const notes = 'The PC2 part of the claim (GDA sometimes succeeds at a high cost) is not checked: there is no stand-in for datamodel PC2 here. The influence sets are a stand-in for PC1 (empirics/unlearn/forgetSets.ts).';
    const table = m.sets.map((s) => ({ set: s.set, kind: s.kind, successes: s.successes, pairs: s.pairs, bestRelativeForget: s.best }));
    if (verdict === 'refuted') return { summary: 'high-influence sets are not the hardest here', evidence, notes, counterexample: { sets: table } };
    if (verdict === 'holds-with-caveat') {
      return { summary: 'no run unlearns the high-influence set and random sets get closer, but no random set succeeds either', evidence, counterexample: { randomSets: table.filter((s) => s.kind === 'random') }, notes: `Caveat: "random sets occasionally" succeed is not seen at this scale (0 successes on ${r.rand.length} random sets); the difference in difficulty shows only in how close the best run gets. ${notes}` };
    }
    return { summary: `no run unlearns the high-influence set; random sets get closer${r.randomSucceeds ? ' and sometimes succeed' : ''}`, evidence, notes, counterexample: null };
  },
  keyRun: (m) => Object.fromEntries(m.sets.flatMap((s) => [[`${s.set}.successes`, s.successes], [`${s.set}.bestRelativeForget`, s.best ?? -1]])),
});

/** n pairs on one set: k successes (at retraining's level), the rest at `far` × retraining's forget KLoM. */
const pairs = (n: number, k: number, far: number) => Array.from({ length: n }, (_, i) => (i < k ? run('GA', 1e-3, i + 1, 1, 1) : run('GA', 1e-3, i + 1, far, 1)));

const claim: ClaimModule<Evidence> = {
  entry: {
    id: ID,
    paperRef: 'Sec. 3, Figs. 1–3',
    statement: 'Forget sets differ greatly in difficulty: high-influence (PC1) sets show no successful run; random sets occasionally; PC2 sets sometimes succeed via GDA at a high cost.',
    dependsOn: ['E.ga-gda-fail'],
    assumptions: EMPIRICS_ASSUMPTIONS,
  },

  properties: [
    property({
      title: 'for all runs with an influence set and a random set, then: no success on the influence set and its best run farther than the random set\'s holds when the random set succeeds somewhere (caveat when not); an influence success or a closer influence run refutes',
      // the influence set's best forget KLoM sits at 1.5 + d (> the success bound 1.25), the random set's at 1.3 + something smaller
      arbitrary: fc.tuple(fc.integer({ min: 3, max: 20 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0.05, max: 2, noNaN: true }), fc.boolean()),
      body: ([n, kRand, d, influenceSucceeds]) => {
        const k = Math.min(kRand, n);
        const sets = [set('random-10', 'random', 10, 1, 3, 1, pairs(n, k, 1.3 + d / 10)), set('influence-10', 'influence', 10, 1, 3, 1, pairs(n, influenceSucceeds ? 1 : 0, 1.5 + d))];
        const v = frame.judge(frame.measure(ctxWith(summary(sets))), DEFAULTS);
        const want = influenceSucceeds ? 'refuted' : k > 0 ? 'holds' : 'holds-with-caveat';
        ensure(v === want, () => `${k} random successes, influence ${influenceSucceeds ? 'succeeds' : 'does not'}: got ${v}, want ${want}`);
        // and the random set closer than the influence set is what the claim needs: swapped, it refutes
        const swapped = [set('random-10', 'random', 10, 1, 3, 1, pairs(n, 0, 1.5 + d)), set('influence-10', 'influence', 10, 1, 3, 1, pairs(n, 0, 1.3 + d / 10))];
        ensure(frame.judge(frame.measure(ctxWith(summary(swapped))), DEFAULTS) === 'refuted', () => 'an influence set easier than the random set is not refuted');
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 60, full: 600 },
    }),
  ],

  ...frame,
};

export default claim;
