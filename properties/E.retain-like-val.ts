/**
 * E.retain-like-val (App. K, Figs. 6–7): per forget set, as the paper compares Fig. 7 with Fig. 6
 * panel by panel. Judged against the noise floor an independent retraining gives (summary.ts:
 * oracles B against oracles A, what a perfect unlearner reaches with N models), not against a raw
 * rank correlation, which finite-N noise pulls toward 0 wherever runs barely move: a (run, stop)
 * pair's retain KLoM is "above its floor" when it exceeds assumptions.empirics.successFactor × the
 * retraining's retain KLoM, and likewise on validation. Retain behaves like validation on a set when
 * at least assumptions.empirics.retainValAgreement of its pairs are above both floors or within
 * both, and the pretrained models' retain/validation p95 ratio lies within [1/2, 2]. A run where no
 * pair rises above either floor tests nothing: inconclusive. Spearman's rank correlation is reported
 * beside it, not judged.
 */
import fc from 'fast-check';
import type { RunEntry } from '../empirics/unlearn/summary.ts';
import { ctxWith, set, summary } from './empirics-arbitraries.ts';
import { DEFAULTS } from './arbitraries.ts';
import { EMPIRICS_ASSUMPTIONS, empiricsClaim, spearman, type EmpiricsEvidence } from './empirics-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'E.retain-like-val';

/** The pretrained retain/validation p95 ratio must lie in [1/RATIO, RATIO]. */
const RATIO = 2;

export interface SetAgreement {
  set: string;
  pairs: number;
  /** successFactor × the independent retraining's p95 KLoM on R and on V */
  floors: { retain: number; val: number };
  /** pairs above both floors, within both, above only the retain floor, above only the validation floor */
  both: number;
  neither: number;
  retainOnly: number;
  valOnly: number;
  /** (both + neither) / pairs; NaN without pairs */
  agreement: number;
  /** Spearman over the set's non-broken pairs (reported, not judged); NaN with fewer than two distinct values */
  rho: number;
  /** pretrained retain p95 / validation p95 */
  ratio: number;
}

export interface Measured extends EvidenceBase {
  sets: SetAgreement[];
  threshold: number;
  /** pairs above at least one floor, over all sets: 0 means nothing was tested */
  moved: number;
}

export type Evidence = EmpiricsEvidence<Measured>;

const badSet = (x: SetAgreement, threshold: number): boolean => (x.pairs > 0 && x.agreement < threshold) || x.ratio < 1 / RATIO || x.ratio > RATIO;

const frame = empiricsClaim<Measured>({
  id: ID,
  measureRun({ summary: sum }, a) {
    const sets = sum.sets.map((s): SetAgreement => {
      const ok = s.runs.filter((e) => !e.broken);
      const floors = { retain: a.successFactor * s.retrain.retain, val: a.successFactor * s.retrain.val };
      let both = 0, neither = 0, retainOnly = 0, valOnly = 0;
      for (const e of ok) {
        const r = e.retain! > floors.retain, v = e.val! > floors.val;
        if (r && v) both++;
        else if (!r && !v) neither++;
        else if (r) retainOnly++;
        else valOnly++;
      }
      return {
        set: s.name, pairs: ok.length, floors, both, neither, retainOnly, valOnly, agreement: ok.length ? (both + neither) / ok.length : Number.NaN,
        rho: ok.length >= 2 ? spearman(ok.map((e) => e.retain!), ok.map((e) => e.val!)) : Number.NaN, ratio: s.pretrained.retain / s.pretrained.val,
      };
    });
    const pairs = sets.reduce((n, x) => n + x.pairs, 0);
    return { casesTried: pairs, casesInScope: pairs, sets, threshold: a.retainValAgreement, moved: sets.reduce((n, x) => n + x.both + x.retainOnly + x.valOnly, 0) };
  },
  judgeRun(m, a) {
    if (!m.sets.length || m.casesInScope === 0) return 'inconclusive';
    if (m.sets.some((x) => badSet(x, a.retainValAgreement))) return 'refuted';
    return m.moved > 0 ? 'holds' : 'inconclusive';
  },
  describeRun(m, verdict, r) {
    const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'undefined');
    const table = m.sets.map((x) => `${x.set}: of ${x.pairs} pairs ${x.both} above both floors, ${x.neither} within both, ${x.retainOnly} above the retain floor only, ${x.valOnly} above the validation floor only (agreement ${f(x.agreement)}; floors retain ${f(x.floors.retain)}, validation ${f(x.floors.val)} nats); Spearman ${f(x.rho)}; pretrained retain/val p95 ${x.ratio.toFixed(2)}`).join('; ');
    const evidence = `At ${r.label}, per forget set, whether a (run, stop) pair's retain p95 KLoM and its validation p95 KLoM are both above, or both within, their noise floors (the independent retraining's KLoM × the success factor; required agreement ≥ ${m.threshold}), and the pretrained models' retain/validation p95 ratio (required within [${1 / RATIO}, ${RATIO}]): ${table}.`;
    const bad = m.sets.filter((x) => badSet(x, m.threshold));
    if (verdict === 'refuted') return { summary: `retain KLoM does not rise above its noise floor together with validation KLoM on ${bad.map((x) => x.set).join(', ')}`, evidence, counterexample: { sets: bad } };
    if (verdict === 'holds') return { summary: `retain and validation KLoM rise above their noise floors together (agreement ${m.sets.map((x) => f(x.agreement)).join(', ')})`, evidence, counterexample: null };
    if (m.sets.length && m.moved === 0) return { summary: 'no pair rises above the noise floor on retain or validation: nothing to compare', evidence, counterexample: null };
    return { summary: m.sets.length ? `retain against validation KLoM (agreement ${m.sets.map((x) => f(x.agreement)).join(', ')})` : 'the run has no forget set', evidence, counterexample: null };
  },
  keyRun: (m) => ({ moved: m.moved, ...Object.fromEntries(m.sets.flatMap((x) => [[`${x.set}.pairs`, x.pairs], [`${x.set}.agreement`, x.agreement], [`${x.set}.both`, x.both], [`${x.set}.neither`, x.neither], [`${x.set}.rho`, x.rho], [`${x.set}.ratio`, x.ratio]])) }),
  decisive: (m) => m.sets.map((x) => `${x.set}.agreement`),
});

const claim: ClaimModule<Evidence> = {
  entry: {
    id: ID,
    paperRef: 'App. K, Figs. 6–7',
    statement: 'KLoM on the retain set behaves like KLoM on the validation set (Fig. 7 vs Fig. 6).',
    dependsOn: ['E.klom-stability'],
    assumptions: EMPIRICS_ASSUMPTIONS,
  },

  properties: [
    property({
      title: 'for all forget sets whose pairs are above both noise floors or within both (k of them above) with a pretrained ratio in [1/2, 2], then it holds when k > 0; with the retain side flipped on more than 1 − retainValAgreement of the pairs, or the ratio outside, it is refuted',
      // n pairs, k of them above both floors (retraining's KLoM is 1 on R and V, success factor 1.25: floors 1.25)
      arbitrary: fc.integer({ min: 3, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.double({ min: 0.55, max: 1.8, noNaN: true }), fc.double({ min: 2.1, max: 5, noNaN: true }))),
      body: ([n, k, ratio, off]) => {
        const runs = (flip: (i: number) => boolean): RunEntry[] => Array.from({ length: n }, (_, i) => {
          const above = i < k, retainAbove = flip(i) ? !above : above;
          return { method: 'GA', lr: 1e-3, epoch: i + 1, broken: false, forget: 3, retain: retainAbove ? 2 + i / n : 0.5 + i / (4 * n), val: above ? 3 + i / n : 0.6 + i / (4 * n), accForget: 0.85, accVal: 0.85 };
        });
        const verdict = (rs: RunEntry[], rt: number) => {
          const s = set('random-10', 'random', 10, 1, 3, 1, rs);
          s.pretrained.retain = rt * s.pretrained.val;
          return frame.judge(frame.measure(ctxWith(summary([s]))), DEFAULTS);
        };
        ensure(verdict(runs(() => false), ratio) === 'holds', () => `${k} of ${n} pairs above both floors at ratio ${ratio} is not read as alike`);
        // flip the retain side of every pair: agreement 0
        ensure(verdict(runs(() => true), ratio) === 'refuted', () => 'retain above its floor exactly where validation is not is read as alike');
        ensure(verdict(runs(() => false), off) === 'refuted', () => `pretrained ratio ${off} is read as alike`);
        const none = runs(() => false).map((e) => ({ ...e, retain: 0.5, val: 0.6 }));
        ensure(verdict(none, ratio) === 'inconclusive', () => 'no pair above either floor is judged');
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 40, full: 400 },
    }),
  ],

  ...frame,
  unreachable: { 'holds-with-caveat': 'the claim states no condition: per forget set retain KLoM tracks validation KLoM or it does not' },
};

export default claim;
