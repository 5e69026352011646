/**
 * E.difficulty (Sec. 3, Figs. 1–3): forget sets differ in difficulty. Per forget set of the run: the
 * share of (run, stop) pairs that succeed and how close the best non-breaking run gets to retraining
 * on F (its forget KLoM in units of retraining's). The claim's PC1 part is measured on the
 * high-influence sets (last-layer TracIn self-influence, the stand-in for datamodel PC1): no success
 * there, and their best reachable forget KLoM farther from retraining than on every random set.
 * "Random sets occasionally" succeed: when no random set succeeds either, the difficulty shows only
 * in how close the best run gets (the caveat). The PC2 part is measured on the pc2 sets (the 2nd
 * eigenvector of the mean last-layer TracIn influence matrix, empirics/unlearn/influencePCs.ts): at
 * least one GDA (run, stop) pair succeeds on each, or the claim is refuted; "at a high cost" is
 * unquantified in the paper (its Fig. 3 shows about 25% of retraining), so the cost of the cheapest
 * GDA success, in images processed relative to retraining (ascent epochs × |F| + epochs × |R| over
 * pretraining epochs × |R|), is reported, not judged. Without a pc2 set the PC2 part is not checked
 * and the description says so.
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
  /** GDA pairs that succeed (the PC2 part) */
  gdaSuccesses: number;
  /** the cheapest GDA success's cost relative to retraining (null: none, or the summary lacks pretraining epochs) */
  gdaCost: number | null;
}

export interface Measured extends EvidenceBase {
  sets: SetDifficulty[];
}

export type Evidence = EmpiricsEvidence<Measured>;

/** Best reachable distance, with "no non-breaking run" as the farthest. */
const bestOf = (s: SetDifficulty): number => s.best ?? Number.POSITIVE_INFINITY;

function reading(m: Measured) {
  const infl = m.sets.filter((s) => s.kind === 'influence'), rand = m.sets.filter((s) => s.kind === 'random'), pc2 = m.sets.filter((s) => s.kind === 'pc2');
  return {
    infl, rand, pc2,
    pc2Succeeds: pc2.every((s) => s.gdaSuccesses > 0),
    noneOnInfl: infl.every((s) => s.successes === 0),
    harder: infl.every((i) => rand.every((r) => bestOf(i) > bestOf(r))),
    randomSucceeds: rand.some((s) => s.successes > 0),
  };
}

const frame = empiricsClaim<Measured>({
  id: ID,
  measureRun({ summary: sum }, a) {
    const nD = sum.scale.nTrain, pre = sum.scale.pretrainEpochs;
    const sets = sum.sets.map((s) => {
      const fine = s.runs.filter((e) => !broke(e, s, a));
      const gda = s.runs.filter((e) => e.method === 'GDA' && succeeded(e, s, a));
      const R = nD - s.size;
      const costs = pre ? gda.map((e) => ((e.ascentEpochs ?? 0) * s.size + e.epoch * R) / (pre * R)) : [];
      return {
        set: s.name, kind: s.kind, pairs: s.runs.length, successes: s.runs.filter((e) => succeeded(e, s, a)).length,
        best: fine.length ? Math.min(...fine.map((e) => e.forget! / s.retrain.forget)) : null,
        pretrained: s.pretrained.forget / s.retrain.forget,
        gdaSuccesses: gda.length, gdaCost: costs.length ? Math.min(...costs) : null,
      };
    });
    return { casesTried: sets.length, casesInScope: sets.filter((s) => s.kind === 'influence' || s.kind === 'random' || s.kind === 'pc2').length, sets };
  },
  judgeRun(m) {
    const r = reading(m);
    if (!r.infl.length || !r.rand.length) return 'inconclusive';
    if (!(r.noneOnInfl && r.harder) || !r.pc2Succeeds) return 'refuted';
    return r.randomSucceeds ? 'holds' : 'holds-with-caveat';
  },
  describeRun(m, verdict, run) {
    const r = reading(m);
    const lines = m.sets.map((s) => `${s.set}: ${s.successes} of ${s.pairs} (${pct(s.successes, s.pairs)}) pairs succeed (${s.gdaSuccesses} by GDA${s.gdaCost === null ? '' : `, the cheapest at ${(100 * s.gdaCost).toFixed(0)}% of retraining's cost`}), best non-breaking forget KLoM ${s.best === null ? '— (every run breaks the model)' : `${s.best.toFixed(2)}×`} retraining's, pretrained ${s.pretrained.toFixed(2)}×`).join('; ');
    if (!r.infl.length || !r.rand.length) return { summary: 'needs both influence and random forget sets', evidence: `The run at ${run.label} lacks ${r.infl.length ? 'a random' : 'an influence'} forget set (${lines}).`, counterexample: null };
    const pc2Text = r.pc2.length
      ? ` PC2 sets (2nd eigenvector of the mean last-layer TracIn influence matrix): ${r.pc2Succeeds ? 'every one has a successful GDA run' : `${r.pc2.filter((s) => s.gdaSuccesses === 0).map((s) => s.set).join(', ')} has no successful GDA run`}.`
      : '';
    const evidence = `At ${run.label}: ${lines}. High-influence sets (last-layer TracIn self-influence, the stand-in for datamodel PC1) ${r.noneOnInfl ? 'have no successful run' : 'have successful runs'}, and their best reachable forget KLoM is ${r.harder ? 'farther from retraining than on every random set' : 'not farther than on every random set'}; ${r.randomSucceeds ? 'a random set has successful runs' : 'no random set has a successful run'}.${pc2Text}`;
    const notes = `${r.pc2.length ? 'The PC2 sets are a stand-in (empirics/unlearn/influencePCs.ts); "at a high cost" is reported (the cheapest GDA success\'s cost relative to retraining), not judged: the paper does not quantify it.' : 'The PC2 part of the claim (GDA sometimes succeeds at a high cost) is not checked: this run has no pc2 forget set (the n100 profile has one).'} The influence sets are a stand-in for PC1 (empirics/unlearn/forgetSets.ts).`;
    const table = m.sets.map((s) => ({ set: s.set, kind: s.kind, successes: s.successes, gdaSuccesses: s.gdaSuccesses, pairs: s.pairs, bestRelativeForget: s.best }));
    if (verdict === 'refuted') {
      const why = !(r.noneOnInfl && r.harder) ? 'high-influence sets are not the hardest here' : 'no GDA run unlearns the PC2 set';
      return { summary: why, evidence, notes, counterexample: { sets: table } };
    }
    if (verdict === 'holds-with-caveat') {
      return { summary: `no run unlearns the high-influence set and random sets get closer${r.pc2.length ? ', GDA unlearns the PC2 set' : ''}, but no random set succeeds`, evidence, counterexample: { randomSets: table.filter((s) => s.kind === 'random') }, notes: `Caveat: "random sets occasionally" succeed is not seen at this scale (0 successes on ${r.rand.length} random sets); the difference in difficulty shows only in how close the best run gets. ${notes}` };
    }
    return { summary: `no run unlearns the high-influence set; random sets get closer${r.randomSucceeds ? ' and sometimes succeed' : ''}${r.pc2.length ? '; GDA sometimes unlearns the PC2 set' : ''}`, evidence, notes, counterexample: null };
  },
  keyRun: (m) => Object.fromEntries(m.sets.flatMap((s) => [[`${s.set}.successes`, s.successes], [`${s.set}.bestRelativeForget`, s.best ?? -1], ...(s.kind === 'pc2' ? [[`${s.set}.gdaSuccesses`, s.gdaSuccesses], [`${s.set}.gdaCost`, s.gdaCost ?? -1]] : [])])),
  decisive: (m) => m.sets.flatMap((s) => (s.kind === 'random' ? [] : s.kind === 'pc2' ? [`${s.set}.gdaSuccesses`] : [`${s.set}.successes`, `${s.set}.bestRelativeForget`])),
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
      title: 'for all runs with an influence set and a random set, then: no success on the influence set and its best run farther than the random set\'s holds when the random set succeeds somewhere (caveat when not); an influence success, a closer influence run, or a PC2 set with no GDA success refutes',
      // the influence set's best forget KLoM sits at 1.5 + d (> the success bound 1.25), the random set's at 1.3 + something smaller
      arbitrary: fc.tuple(fc.integer({ min: 3, max: 20 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0.05, max: 2, noNaN: true }), fc.boolean()),
      body: ([n, kRand, d, influenceSucceeds]) => {
        const k = Math.min(kRand, n);
        // a PC2 set where GDA succeeds keeps every verdict; one where only GA succeeds refutes
        const pc2 = (gda: boolean) => set('pc2-10', 'pc2', 10, 1, 3, 1, [run(gda ? 'GDA' : 'GA', 1e-3, 5, 1, 1), ...pairs(n, 0, 2 + d)]);
        const withPc2 = frame.judge(frame.measure(ctxWith(summary([set('random-10', 'random', 10, 1, 3, 1, pairs(n, k, 1.3 + d / 10)), set('influence-10', 'influence', 10, 1, 3, 1, pairs(n, influenceSucceeds ? 1 : 0, 1.5 + d)), pc2(true)]))), DEFAULTS);
        const gaOnlyPc2 = frame.judge(frame.measure(ctxWith(summary([set('random-10', 'random', 10, 1, 3, 1, pairs(n, k, 1.3 + d / 10)), set('influence-10', 'influence', 10, 1, 3, 1, pairs(n, 0, 1.5 + d)), pc2(false)]))), DEFAULTS);
        ensure(gaOnlyPc2 === 'refuted', () => `a PC2 set with no GDA success gave ${gaOnlyPc2}`);
        const sets = [set('random-10', 'random', 10, 1, 3, 1, pairs(n, k, 1.3 + d / 10)), set('influence-10', 'influence', 10, 1, 3, 1, pairs(n, influenceSucceeds ? 1 : 0, 1.5 + d))];
        const v = frame.judge(frame.measure(ctxWith(summary(sets))), DEFAULTS);
        const want = influenceSucceeds ? 'refuted' : k > 0 ? 'holds' : 'holds-with-caveat';
        ensure(v === want, () => `${k} random successes, influence ${influenceSucceeds ? 'succeeds' : 'does not'}: got ${v}, want ${want}`);
        ensure(withPc2 === want, () => `with a PC2 set GDA unlearns: got ${withPc2}, want ${want}`);
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
