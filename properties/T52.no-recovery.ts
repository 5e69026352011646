/**
 * T52.no-recovery (Sec. 5.2): finetuning on R after GDA (gradient descent on L_R from GDA's
 * solution) does not bring the model back: it keeps GDA's classification, which differs from
 * retraining's. Measured under every reading of the link and along the family σ_κ.
 */
import fc from 'fast-check';
import { classify, gradientDescent, LINKS, localMinima, NonConvergenceError, WEIGHTS } from '../theory/toy52.ts';
import { claimSeed } from './common.ts';
import { familyText, fmt4, judgeReadings, landscape, measureReadings, near, pattern, probesText, readingsText, settingNotes, NO_READING, toyCounterexample, toyKeys, TOY, type Plant, type Reading, type ReadingsEvidence } from './toy52-common.ts';
import { ensure, property, type CheckContext, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'T52.no-recovery';

export interface Row {
  link: string;
  gdaCorrect: boolean[];
  finetuned: { a: number; b: number; gradNorm: number; correct: boolean[]; nCorrect: number; nWrong: number };
  retrainedCorrect: boolean[];
  /** whether the finetuned model is L_R's global minimum (then "inferior" is by the count on R, not the loss) */
  finetunedIsGlobalR: boolean;
}

export type Evidence = EvidenceBase & ReadingsEvidence<Row>;

const same = (x: boolean[], y: boolean[]): boolean => x.length === y.length && x.every((c, i) => c === y[i]);
/** It stays: finetuning keeps GDA's classification, and that is not retraining's. */
export const holds = (r: Row): boolean => same(r.finetuned.correct, r.gdaCorrect) && !same(r.finetuned.correct, r.retrainedCorrect);

const rowOf = (r: Reading): Row => {
  const fin = classify(r.link, r.finetune.a, r.finetune.b, WEIGHTS.retrain);
  return {
    link: r.link.name,
    gdaCorrect: classify(r.link, r.gda.a, r.gda.b, WEIGHTS.retrain).correct,
    finetuned: { a: r.finetune.a, b: r.finetune.b, gradNorm: r.finetune.gradNorm, correct: fin.correct, nCorrect: fin.nCorrect, nWrong: fin.nWrong },
    retrainedCorrect: classify(r.link, r.retrain.a, r.retrain.b, WEIGHTS.retrain).correct,
    finetunedIsGlobalR: near(r.minimaR[0]!, r.finetune),
  };
};

export function measureWith(ctx: CheckContext, plant: Plant = {}): Evidence {
  return measureReadings(ctx, rowOf, holds, claimSeed(ctx, ID), plant, (rs) => {
    const show = rs[0]!;
    return [landscape('T52.no-recovery-landscape', show, 'retrain', ctx.assumptions.toy52.lambda * (plant.lambdaFactor ?? 1), [
      { label: 'retrained (GD from pretrained)', color: '#2ca02c', points: [[show.retrain.a, show.retrain.b]] },
      { label: 'finetuning path from GDA', color: '#ff7f0e', points: show.finetune.path, line: true },
      { label: 'finetuned end', color: '#d62728', points: [[show.finetune.a, show.finetune.b]] },
    ])];
  });
}

const LINK_LIST = Object.values(LINKS);

const claim: ClaimModule<Evidence> = {
  entry: { id: ID, paperRef: 'Sec. 5.2', statement: 'Finetuning on R after GDA does not bring the model back (it stays in the inferior minimum).', dependsOn: ['T52.gda-switches'], assumptions: TOY },

  properties: [
    property({
      title: 'for all readings and starts (a, b) ∈ [−3, 3]², then finetuning (gradient descent on L_R, η = 0.1) ends at one of the minima of L_R the grid scan lists',
      arbitrary: fc.tuple(fc.constantFrom(...LINK_LIST), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })),
      body: ([link, a, b]) => {
        const p = { link, weights: WEIGHTS.retrain, lambda: 0.1 };
        const end = gradientDescent(p, a, b, 0.1, 200_000);
        const ms = localMinima(p).minima;
        // a start on a saddle's stable manifold may end at the saddle: that is not a minimum to list
        if (!ms.some((m) => near(m, end))) return 'out-of-scope';
        return 'asserted';
      },
      floor: 0.95,
      runs: { quick: 30, full: 400 },
    }),
    property({
      title: 'for all readings and starts, then gradient descent with a step cap too small to settle throws NonConvergenceError (it never reports an unsettled point, and never hangs)',
      arbitrary: fc.tuple(fc.constantFrom(...LINK_LIST), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 1, max: 5 })),
      body: ([link, a, b, cap]) => {
        let threw = false;
        try {
          gradientDescent({ link, weights: WEIGHTS.retrain, lambda: 0.1 }, a, b, 0.1, cap);
        } catch (err) {
          threw = err instanceof NonConvergenceError;
        }
        ensure(threw, () => `gradient descent from (${a}, ${b}) with cap ${cap} did not throw NonConvergenceError`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 20, full: 200 },
    }),
  ],

  measure: (ctx) => measureWith(ctx),
  judge: (e) => judgeReadings(e.rows.map(holds)),

  describe(e, verdict) {
    if (!e.rows.length) return NO_READING;
    const oks = e.rows.map((r) => ({ link: r.link, ok: holds(r) }));
    const inferiorIsGlobal = e.rows.filter((r) => holds(r) && r.finetunedIsGlobalR).map((r) => r.link);
    const bad = e.rows.find((r) => !holds(r));
    return {
      summary: `Finetuning on R after GDA stays in GDA's minimum ${readingsText(oks)}.` + (inferiorIsGlobal.length ? ` Under ${inferiorIsGlobal.join(', ')} that minimum is L_R's global minimum: inferior by its count on R, not by the loss finetuning minimises.` : ''),
      evidence: e.rows.map((r) => `${r.link}: finetuning (gradient descent on L_R) from the GDA solution ends at (${fmt4(r.finetuned.a)}, ${fmt4(r.finetuned.b)}) (|∇L| = ${r.finetuned.gradNorm.toExponential(1)}), classifying ${pattern(r.finetuned.correct)} (${r.finetuned.nCorrect} correct, ${r.finetuned.nWrong} wrong on R; GDA's: ${pattern(r.gdaCorrect)}), against retraining's ${pattern(r.retrainedCorrect)}: ${holds(r) ? 'it does not recover' : 'it recovers the retrained classification'}${r.finetunedIsGlobalR ? "; the end point is L_R's global minimum" : ''}`).join(' — ') + `. ${familyText(e.family)} ${probesText(e.probes)}`,
      notes: settingNotes(e.setting),
      counterexample: bad && verdict !== 'holds' ? { link: bad.link, finetuned: { a: bad.finetuned.a, b: bad.finetuned.b }, classification: pattern(bad.finetuned.correct), retrained: pattern(bad.retrainedCorrect), ...toyCounterexample(ID, e) } : null,
      charts: e.charts,
    };
  },

  keyNumbers: (e) => ({
    ...toyKeys(e, holds),
    ...Object.fromEntries(e.rows.flatMap((r) => [[`finetunedCorrect:${r.link}`, r.finetuned.nCorrect], [`finetunedIsGlobalR:${r.link}`, r.finetunedIsGlobalR ? 1 : 0]])),
  }),
};

export default claim;
