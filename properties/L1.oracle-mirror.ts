/**
 * L1.oracle-mirror (Sec. 4), Lemma 1's consequence on an empirics run, per random forget set (the
 * lemma needs F drawn at random). First half: each reference oracle's accuracy on F and on the
 * validation set V differ by at most ε = Hoeffding's two-sided radius at δ = 0.05 for |F| plus that
 * for |V| (V's accuracy is itself an estimate), except in at most a δ fraction of oracles. Second
 * half: the runs in its scope are those that push forget accuracy more than ε below validation
 * accuracy; each must end farther from the oracle on F than retraining does (forget KLoM above
 * successFactor × retraining's). With no run in that scope the second half is undecided, and so is
 * the claim: a conjunction is not established by one half.
 */
import fc from 'fast-check';
import { ctxWith, run, set, summary } from './empirics-arbitraries.ts';
import { DEFAULTS } from './arbitraries.ts';
import { EMPIRICS_ASSUMPTIONS, empiricsClaim, runRecord, type EmpiricsEvidence } from './empirics-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'L1.oracle-mirror';

/** Hoeffding's confidence level: a δ fraction of oracles may lie outside ε by chance. */
const DELTA = 0.05;

export interface SetMirror {
  set: string;
  size: number;
  eps: number;
  oracles: number;
  meanGap: number;
  /** oracles whose |accuracy on F − on V| exceeds ε */
  violations: number;
  pretrained: { accForget: number; accVal: number };
  /** non-broken runs on the set, and the largest drop of forget accuracy below validation accuracy among them */
  runs: number;
  maxDrop: number;
}

export interface Measured extends EvidenceBase {
  sets: SetMirror[];
  /** runs in the second half's scope (forget accuracy more than ε below validation accuracy) */
  degraded: number;
  /** of those, farther from the oracle on F than retraining, and the ones that are not */
  degradedFar: number;
  degradedClose: Record<string, unknown>[];
  successFactor: number;
}

export type Evidence = EmpiricsEvidence<Measured>;

const oracles = (m: Measured): number => m.sets.reduce((s, x) => s + x.oracles, 0);
const violations = (m: Measured): number => m.sets.reduce((s, x) => s + x.violations, 0);

const frame = empiricsClaim<Measured>({
  id: ID,
  measureRun({ summary: sum }, a) {
    let degraded = 0, degradedFar = 0;
    const degradedClose: Record<string, unknown>[] = [];
    const sets = sum.sets.filter((s) => s.kind === 'random').map((s) => {
      // two-sided Hoeffding at δ for F and for V
      const eps = Math.sqrt(Math.log(2 / DELTA) / (2 * s.size)) + Math.sqrt(Math.log(2 / DELTA) / (2 * sum.scale.nVal));
      const gaps = s.oracleAccuracy.forget.map((f, i) => f - s.oracleAccuracy.val[i]!);
      const fine = s.runs.filter((e) => !e.broken);
      for (const e of fine) {
        if (e.accForget! >= e.accVal! - eps) continue;
        degraded++;
        if (e.forget! > a.successFactor * s.retrain.forget) degradedFar++;
        else degradedClose.push(runRecord(e, s));
      }
      return {
        set: s.name, size: s.size, eps, oracles: gaps.length, meanGap: gaps.reduce((x, y) => x + y, 0) / Math.max(1, gaps.length), violations: gaps.filter((g) => Math.abs(g) > eps).length,
        pretrained: { accForget: s.pretrained.accForget, accVal: s.pretrained.accVal },
        runs: fine.length, maxDrop: Math.max(0, ...fine.map((e) => e.accVal! - e.accForget!)),
      };
    });
    const tried = sets.reduce((s, x) => s + x.oracles + x.runs, 0);
    return { casesTried: tried, casesInScope: sets.reduce((s, x) => s + x.oracles, 0) + degraded, sets, degraded, degradedFar, degradedClose, successFactor: a.successFactor };
  },
  judgeRun(m) {
    if (!m.sets.length || oracles(m) === 0) return 'inconclusive';
    if (violations(m) / oracles(m) > DELTA) return 'refuted';
    if (m.degradedClose.length > 0) return 'refuted';
    return m.degraded === 0 ? 'inconclusive' : 'holds';
  },
  describeRun(m, verdict, r) {
    if (!m.sets.length) return { summary: 'needs a random forget set', evidence: `The run at ${r.label} has no random forget set.`, counterexample: null };
    const lines = m.sets.map((x) => `${x.set}: oracle accuracy (margin > 0) on F − on V has mean ${x.meanGap.toFixed(3)}, |gap| > ε = ${x.eps.toFixed(3)} for ${x.violations} of ${x.oracles} oracles (pretrained: F ${x.pretrained.accForget.toFixed(3)}, V ${x.pretrained.accVal.toFixed(3)}); the largest drop of forget accuracy below validation accuracy over its ${x.runs} non-broken (run, stop) pairs is ${x.maxDrop.toFixed(3)}`).join('; ');
    const runs = m.sets.reduce((s, x) => s + x.runs, 0);
    const mirror = violations(m) / oracles(m) <= DELTA;
    const second = m.degraded === 0
      ? `No (run, stop) pair of the ${runs} on random sets pushes forget accuracy more than ε below validation accuracy, so the second half ("a method that degrades forget metrics below test level moves away from the oracle") has no case in scope at this scale: it is undecided, not confirmed.`
      : `Runs that push forget accuracy more than ε below validation accuracy: ${m.degraded} of ${runs}; of these ${m.degradedFar} are farther from the oracle on F than retraining (forget KLoM > ${m.successFactor} × retraining's) and ${m.degradedClose.length} are not.`;
    const evidence = `At ${r.label}: ${lines}. First half (Hoeffding at δ = ${DELTA}): ${violations(m)} of ${oracles(m)} oracles outside ε (${mirror ? 'at most' : 'more than'} a δ fraction). ${second}`;
    if (verdict === 'refuted') {
      return {
        summary: mirror ? `${m.degradedClose.length} runs degrade forget accuracy below test level yet stay as close to the oracle as retraining` : `oracle forget accuracy departs from validation accuracy in ${violations(m)} of ${oracles(m)} oracles`,
        evidence, counterexample: { hoeffdingViolations: violations(m), oracles: oracles(m), degradedButClose: m.degradedClose.slice(0, 5) },
      };
    }
    if (verdict === 'holds') return { summary: 'oracles score the same on a random forget set as on unseen data; every run that pushes forget accuracy below it moves away from the oracle', evidence, counterexample: null };
    return {
      summary: m.degraded === 0 && oracles(m) > 0 ? `oracles score the same on a random forget set as on unseen data (${violations(m)} of ${oracles(m)} outside ε), but no run degrades forget accuracy below test level, so the second half is untested` : 'no oracle to compare',
      evidence, counterexample: null,
    };
  },
  keyRun: (m) => ({ oracles: oracles(m), violations: violations(m), degraded: m.degraded, degradedFar: m.degradedFar, degradedClose: m.degradedClose.length, ...Object.fromEntries(m.sets.flatMap((x) => [[`${x.set}.maxDrop`, x.maxDrop], [`${x.set}.eps`, x.eps]])) }),
  decisive: () => ['violations', 'degraded', 'degradedClose'],
});

const claim: ClaimModule<Evidence> = {
  entry: {
    id: ID,
    paperRef: 'Sec. 4',
    statement: 'Consequence: for the oracle (trained on R only), forget-set metrics match test-set metrics; a method that degrades forget metrics below test level moves away from the oracle.',
    dependsOn: ['L1.hoeffding'],
    assumptions: EMPIRICS_ASSUMPTIONS,
  },

  properties: [
    property({
      title: 'for all random forget sets whose oracles mirror validation accuracy and whose degrading runs are far from the oracle, then it holds; a degrading run as close as retraining refutes; with no degrading run it is inconclusive',
      // forget accuracy of the degrading run: at least 0.5 below validation accuracy (ε ≈ 0.49 for |F| = 10)
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 0.3, noNaN: true }), fc.double({ min: 1.3, max: 5, noNaN: true })),
      body: ([k, accF, far]) => {
        const verdict = (forget: number, degrading: boolean) => {
          const runs = Array.from({ length: k }, (_, i) => run('GA', 1e-3, i + 1, forget, 1, degrading ? { forget: accF, val: 0.85 } : { forget: 0.85, val: 0.85 }));
          return frame.judge(frame.measure(ctxWith(summary([set('random-10', 'random', 10, 1, 3, 1, runs)]))), DEFAULTS);
        };
        ensure(verdict(far, true) === 'holds', () => `${k} runs at forget accuracy ${accF}, ${far}× retraining's KLoM: not holds`);
        ensure(verdict(1, true) === 'refuted', () => `${k} degrading runs at retraining's KLoM are not a counterexample`);
        ensure(verdict(far, false) === 'inconclusive', () => 'without a degrading run the second half is read as confirmed');
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 40, full: 400 },
    }),
  ],

  ...frame,
  unreachable: { 'holds-with-caveat': 'Lemma 1\'s consequence has no side condition to name: oracles mirror validation or not, degrading runs move away or not' },
};

export default claim;
