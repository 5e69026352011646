/**
 * T52.retrain-keeps (Sec. 5.2, Fig. 5): retraining (gradient descent on L_R, the x = 4 cluster's
 * weight 4 → 2, from the pretrained model) stays in the pretrained (global) minimum, with x1, x2, x4
 * right and x3 wrong: 11 correct, 1 wrong on R. Measured under every reading of the link, and along
 * the family σ_κ (properties/toy52-common.ts); "the same (global) minimum" is read as: the retrained
 * model keeps the pretrained classification and is L_R's global minimum.
 */
import fc from 'fast-check';
import { classify, gradHess, gradientDescent, LINKS, localMinima, loss, WEIGHTS } from '../theory/toy52.ts';
import { claimSeed } from './common.ts';
import { familyText, fmt4, judgeReadings, measureReadings, near, pattern, probesText, readingsText, settingNotes, NO_READING, toyCounterexample, toyKeys, TOY, type Plant, type Reading, type ReadingsEvidence } from './toy52-common.ts';
import { ensure, property, type CheckContext, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'T52.retrain-keeps';
/** The paper's pattern and counts on R for the retrained model. */
export const EXPECTED = { correct: [true, true, false, true], nCorrect: 11, nWrong: 1 };

export interface Row {
  link: string;
  pretrained: { a: number; b: number; correct: boolean[] };
  retrained: { a: number; b: number; gradNorm: number; correct: boolean[]; nCorrect: number; nWrong: number };
  /** L_R's global minimum, and whether the retrained model is it */
  globalR: { a: number; b: number; correct: boolean[] };
  isGlobal: boolean;
}

export type Evidence = EvidenceBase & ReadingsEvidence<Row>;

const same = (x: boolean[], y: boolean[]): boolean => x.length === y.length && x.every((c, i) => c === y[i]);
export const keepsPattern = (r: Row): boolean => same(r.pretrained.correct, r.retrained.correct);
export const paperCounts = (r: Row): boolean => same(r.retrained.correct, EXPECTED.correct) && r.retrained.nCorrect === EXPECTED.nCorrect && r.retrained.nWrong === EXPECTED.nWrong;
export const holds = (r: Row): boolean => keepsPattern(r) && paperCounts(r) && r.isGlobal;

const rowOf = (r: Reading): Row => {
  const pre = classify(r.link, r.pretrained.a, r.pretrained.b, WEIGHTS.pretrain);
  const ret = classify(r.link, r.retrain.a, r.retrain.b, WEIGHTS.retrain);
  const g = r.minimaR[0]!;
  return {
    link: r.link.name,
    pretrained: { a: r.pretrained.a, b: r.pretrained.b, correct: pre.correct },
    retrained: { a: r.retrain.a, b: r.retrain.b, gradNorm: r.retrain.gradNorm, correct: ret.correct, nCorrect: ret.nCorrect, nWrong: ret.nWrong },
    globalR: { a: g.a, b: g.b, correct: classify(r.link, g.a, g.b, WEIGHTS.retrain).correct },
    isGlobal: near(g, r.retrain),
  };
};

export const measureWith = (ctx: CheckContext, plant: Plant = {}): Evidence => measureReadings(ctx, rowOf, holds, claimSeed(ctx, ID), plant, () => []);

const LINK_LIST = Object.values(LINKS);

const claim: ClaimModule<Evidence> = {
  entry: { id: ID, paperRef: 'Sec. 5.2, Fig. 5', statement: 'Retraining keeps the model in the same (global) minimum as pretraining: x1, x2, x4 correct, x3 wrong (11 correct, 1 wrong on R).', dependsOn: ['T52.two-minima'], assumptions: TOY },

  properties: [
    property({
      title: 'for all readings and λ ∈ [0.05, 0.2], then gradient descent on L_R from L_D\'s global minimum ends at a local minimum of L_R that the grid scan lists, with no higher L_R loss than where it started',
      arbitrary: fc.tuple(fc.constantFrom(...LINK_LIST), fc.double({ min: 0.05, max: 0.2, noNaN: true })),
      body: ([link, lambda]) => {
        const pre = localMinima({ link, weights: WEIGHTS.pretrain, lambda }).minima[0]!;
        const pR = { link, weights: WEIGHTS.retrain, lambda };
        const run = gradientDescent(pR, pre.a, pre.b, 0.1, 100_000);
        const { g } = gradHess(pR, run.a, run.b);
        ensure(Math.hypot(g[0], g[1]) < 1e-12, () => `|∇L_R| = ${Math.hypot(g[0], g[1])} at the end`);
        ensure(localMinima(pR).minima.some((m) => near(m, run)), () => `the end (${run.a}, ${run.b}) is not a scanned minimum of L_R under ${link.name}`);
        ensure(loss(pR, run.a, run.b) <= loss(pR, pre.a, pre.b) + 1e-12, () => 'descent raised the loss');
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 6, full: 80 },
    }),
    property({
      title: 'for all models (a, b) ∈ [−3, 3]² and weight vectors, then the weighted counts add up to the total weight and a sample is correct iff the sign of a·x + b·x² − threshold is its label',
      arbitrary: fc.tuple(fc.constantFrom(...LINK_LIST), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(...Object.values(WEIGHTS))),
      body: ([link, a, b, w]) => {
        const c = classify(link, a, b, w);
        ensure(c.nCorrect + c.nWrong === (w as readonly number[]).reduce((s, x) => s + x, 0), () => 'counts do not add up to the weight');
        const xs = [-1, 1, 3, 4], ys = [-1, 1, -1, 1];
        xs.forEach((x, i) => ensure(c.correct[i] === ((a * x + b * x * x > link.threshold ? 1 : -1) === ys[i]), () => `sample x = ${x} misclassified`));
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 1000 },
    }),
  ],

  measure: (ctx) => measureWith(ctx),
  judge: (e) => judgeReadings(e.rows.map(holds)),

  describe(e, verdict) {
    if (!e.rows.length) return NO_READING;
    const oks = e.rows.map((r) => ({ link: r.link, ok: holds(r) }));
    const staysOnly = e.rows.filter((r) => keepsPattern(r) && paperCounts(r) && !r.isGlobal).map((r) => r.link);
    const bad = e.rows.find((r) => !holds(r));
    return {
      summary: `Retraining stays in the pretrained minimum, which is also L_R's global minimum, with x1, x2, x4 right and x3 wrong (11/1), ${readingsText(oks)}.` + (staysOnly.length ? ` Under ${staysOnly.join(', ')} it keeps the pretrained classification with the paper's counts, but that basin is not L_R's global minimum.` : ''),
      evidence: e.rows.map((r) => `${r.link}: gradient descent on L_R from the pretrained (${fmt4(r.pretrained.a)}, ${fmt4(r.pretrained.b)}) ends at (${fmt4(r.retrained.a)}, ${fmt4(r.retrained.b)}) (|∇L| = ${r.retrained.gradNorm.toExponential(1)}), classifying ${pattern(r.retrained.correct)}: ${r.retrained.nCorrect} correct, ${r.retrained.nWrong} wrong on R (${keepsPattern(r) ? 'the pretrained pattern' : `pretrained: ${pattern(r.pretrained.correct)}`}); ${r.isGlobal ? 'this is' : 'this is NOT'} L_R's global minimum${r.isGlobal ? '' : ` (which is (${fmt4(r.globalR.a)}, ${fmt4(r.globalR.b)}), classifying ${pattern(r.globalR.correct)})`}`).join(' — ') + `. ${familyText(e.family)} ${probesText(e.probes)}`,
      notes: settingNotes(e.setting),
      counterexample: bad && verdict !== 'holds' ? { link: bad.link, retrained: { a: bad.retrained.a, b: bad.retrained.b }, classification: pattern(bad.retrained.correct), onR: `${bad.retrained.nCorrect} correct, ${bad.retrained.nWrong} wrong`, globalMinimumOfLR: { a: bad.globalR.a, b: bad.globalR.b }, retrainedIsGlobal: bad.isGlobal, ...toyCounterexample(ID, e) } : null,
      charts: e.charts,
    };
  },

  keyNumbers: (e) => ({
    ...toyKeys(e, holds),
    ...Object.fromEntries(e.rows.flatMap((r) => [[`nCorrect:${r.link}`, r.retrained.nCorrect], [`nWrong:${r.link}`, r.retrained.nWrong], [`isGlobal:${r.link}`, r.isGlobal ? 1 : 0]])),
  }),
};

export default claim;
