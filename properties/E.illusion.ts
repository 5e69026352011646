/**
 * E.illusion (Sec. 3, Fig. 2): GA on the run's random forget set of 10 images, over the learning rate
 * × stopping epoch grid. The claim needs some successes (a few runs "look successful") and success
 * that is fragile: at most half of the grid, no learning rate succeeding at every epoch and no epoch
 * at every learning rate (neither can be fixed in advance).
 */
import fc from 'fast-check';
import type { RunEntry } from '../empirics/unlearn/summary.ts';
import { ctxWith, run, set, summary } from './empirics-arbitraries.ts';
import { DEFAULTS } from './arbitraries.ts';
import { EMPIRICS_ASSUMPTIONS, SENSITIVITY_FACTORS, empiricsClaim, fx, runRecord, sensitivity, sensitivityLine, succeeded, type EmpiricsEvidence } from './empirics-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'E.illusion';

export interface Measured extends EvidenceBase {
  /** the random-10 set's name, or null when the run has none */
  set: string | null;
  gaPairs: number;
  successes: Record<string, unknown>[];
  lrs: number;
  epochs: number;
  /** learning rates that succeed at every epoch, epochs that succeed at every learning rate */
  lrAlways: number[];
  epochAlways: number[];
  closest: { lr: number; epoch: number; forget: number; val: number } | null;
  levels: { retrainForget: number; retrainVal: number; pretrainedForget: number; pretrainedVal: number } | null;
  sensitivity: number[];
}

export type Evidence = EmpiricsEvidence<Measured>;

const EMPTY = { successes: [], lrs: 0, epochs: 0, lrAlways: [], epochAlways: [], closest: null, levels: null, sensitivity: [] };

const frame = empiricsClaim<Measured>({
  id: ID,
  measureRun({ summary: sum }, a) {
    const s = sum.sets.find((x) => x.kind === 'random' && x.size === 10);
    if (!s) return { casesTried: 0, casesInScope: 0, set: null, gaPairs: 0, ...EMPTY };
    const ga = s.runs.filter((e) => e.method === 'GA');
    const ok = ga.filter((e) => succeeded(e, s, a));
    const lrs = [...new Set(ga.map((e) => e.lr))], epochs = [...new Set(ga.map((e) => e.epoch))];
    const rel = (x: RunEntry): number => Math.max(x.forget! / s.retrain.forget, x.val! / s.retrain.val);
    const closest = ga.filter((e) => !e.broken).sort((x, y) => rel(x) - rel(y))[0];
    return {
      casesTried: ga.length, casesInScope: ga.length, set: s.name, gaPairs: ga.length,
      successes: ok.map((e) => runRecord(e, s)),
      lrs: lrs.length, epochs: epochs.length,
      lrAlways: lrs.filter((lr) => ga.filter((e) => e.lr === lr).every((e) => succeeded(e, s, a))),
      epochAlways: epochs.filter((ep) => ga.filter((e) => e.epoch === ep).every((e) => succeeded(e, s, a))),
      closest: closest ? { lr: closest.lr, epoch: closest.epoch, forget: closest.forget!, val: closest.val! } : null,
      levels: { retrainForget: s.retrain.forget, retrainVal: s.retrain.val, pretrainedForget: s.pretrained.forget, pretrainedVal: s.pretrained.val },
      sensitivity: sensitivity(ga.map((e) => ({ e, s }))),
    };
  },
  judgeRun(m) {
    if (m.set === null || m.gaPairs === 0) return 'inconclusive';
    if (m.successes.length === 0) return 'refuted';
    const fragile = m.successes.length <= m.gaPairs / 2 && !m.lrAlways.length && !m.epochAlways.length;
    return fragile ? 'holds' : 'refuted';
  },
  describeRun(m, verdict, r) {
    if (m.set === null || !m.levels) return { summary: 'no random forget set of 10 images in this run', evidence: `The run at ${r.label} has no random forget set of 10 images.`, counterexample: null };
    const k = m.successes.length, n = m.gaPairs;
    const grid = m.successes.map((e) => `lr ${e.lr} epoch ${e.epoch} (forget ${fx(e.klomForget as number)}, val ${fx(e.klomVal as number)})`).join('; ');
    const fragile = k <= n / 2 && !m.lrAlways.length && !m.epochAlways.length;
    const robustness = k === 0 ? 'No GA run looks successful at this scale, so there is no illusion to fall for.'
      : fragile ? 'Success needs both the learning rate and the stopping epoch: no learning rate succeeds at every epoch and no epoch at every learning rate.'
        : `Success is not fragile:${m.lrAlways.length ? ` lr ${m.lrAlways.join(', ')} succeeds at every epoch;` : ''}${m.epochAlways.length ? ` epoch ${m.epochAlways.join(', ')} succeeds at every lr;` : ''}${k > n / 2 ? ` ${k} of ${n} pairs (most of the grid) succeed.` : ''}`;
    const evidence =
      `GA on ${m.set} at ${r.label}: ${k} of ${n} (lr, stopping epoch) pairs over ${m.lrs} learning rates × ${m.epochs} epochs succeed (retraining's level: forget ${fx(m.levels.retrainForget)}, val ${fx(m.levels.retrainVal)}; pretrained: forget ${fx(m.levels.pretrainedForget)}, val ${fx(m.levels.pretrainedVal)})${k ? `: ${grid}` : ''}.` +
      `${m.closest ? ` Closest: lr ${m.closest.lr} stopped at epoch ${m.closest.epoch}, forget ${fx(m.closest.forget)}, val ${fx(m.closest.val)}.` : ''} Sensitivity: ${sensitivityLine(m.sensitivity, n)}. ${robustness}`;
    if (verdict === 'refuted') {
      return k === 0
        ? { summary: 'no GA run on 10 random images reaches the oracle level at this scale', evidence, counterexample: { forgetSet: m.set, gaRuns: n, closest: m.closest, retrainForget: m.levels.retrainForget, retrainVal: m.levels.retrainVal } }
        : { summary: `GA succeeds robustly on 10 random images (${k} of ${n} settings)`, evidence, counterexample: { successes: m.successes, lrAlways: m.lrAlways, epochAlways: m.epochAlways } };
    }
    if (verdict === 'holds') return { summary: `${k} of ${n} GA settings look successful, each only at its own learning rate and stopping epoch`, evidence, counterexample: null };
    return { summary: `${k} of ${n} GA settings succeed`, evidence, counterexample: null };
  },
  keyRun: (m) => ({ gaPairs: m.gaPairs, successes: m.successes.length, lrAlways: m.lrAlways.length, epochAlways: m.epochAlways.length, ...Object.fromEntries(m.sensitivity.map((c, i) => [`successesAtFactor${SENSITIVITY_FACTORS[i]}`, c])) }),
  decisive: () => ['successes', 'lrAlways', 'epochAlways'],
});

const LRS = [1e-5, 5e-5, 1e-4, 5e-4, 1e-3, 1e-2, 5e-2], EPOCHS = [1, 3, 5, 7, 10];

const claim: ClaimModule<Evidence> = {
  entry: {
    id: ID,
    paperRef: 'Sec. 3, Fig. 2',
    statement: 'For a tiny random forget set (10 samples), a few GA runs look successful, but only with the right learning rate and stopping epoch, neither known in advance.',
    dependsOn: ['E.ga-gda-fail'],
    assumptions: EMPIRICS_ASSUMPTIONS,
  },

  properties: [
    property({
      title: 'for all GA grids on 10 random images and any one (lr, epoch) cell, then a lone success there holds, a learning rate that succeeds at every epoch refutes, and no success refutes',
      arbitrary: fc.tuple(fc.integer({ min: 0, max: LRS.length - 1 }), fc.integer({ min: 0, max: EPOCHS.length - 1 }), fc.double({ min: 1, max: 10, noNaN: true })),
      body: ([li, ei, r]) => {
        const grid = (ok: (l: number, e: number) => boolean): RunEntry[] =>
          LRS.flatMap((lr, l) => EPOCHS.map((ep, e) => (ok(l, e) ? run('GA', lr, ep, r, r) : run('GA', lr, ep, 3 * r, r))));
        const verdict = (runs: RunEntry[]) => frame.judge(frame.measure(ctxWith(summary([set('random-10', 'random', 10, r, 4 * r, r, runs)]))), DEFAULTS);
        ensure(verdict(grid((l, e) => l === li && e === ei)) === 'holds', () => `a lone success at lr ${LRS[li]}, epoch ${EPOCHS[ei]} is not read as fragile`);
        ensure(verdict(grid((l) => l === li)) === 'refuted', () => `lr ${LRS[li]} succeeding at every epoch is read as fragile`);
        ensure(verdict(grid(() => false)) === 'refuted', () => 'a grid without success is read as an illusion');
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 30, full: 300 },
    }),
  ],

  ...frame,
  unreachable: { 'holds-with-caveat': 'the claim names its own conditions (the right learning rate and stopping epoch); success is fragile or it is not' },
};

export default claim;
