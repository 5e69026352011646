/**
 * T52.gda-switches (Sec. 5.2, Fig. 5): GDA (gradient descent with the x = 4 cluster's weight 4 → 0,
 * from the pretrained model) moves to the other minimum, whose boundary gets x1, x2, x3 right: 10
 * correct, 0 wrong on what GDA sees, 10 correct, 2 wrong on the real retain set. "The other minimum"
 * is read as the pretraining landscape's other minimum (Fig. 5: "GDA chooses the local minimum"):
 * gradient descent on L_D from GDA's solution must reach a pretraining minimum other than the
 * pretrained one. Measured under every reading of the link and along the family σ_κ.
 */
import fc from 'fast-check';
import { derivative, parse } from 'mathjs';
import { classify, gradHess, LINKS, localMinima, WEIGHTS } from '../theory/toy52.ts';
import { claimSeed, lazy } from './common.ts';
import { lossExpression } from './T52.two-minima.ts';
import { decisionChart, familyText, fmt4, judgeReadings, landscape, measureReadings, near, pattern, probesText, readingsText, settingNotes, NO_READING, toyCounterexample, toyKeys, TOY, type Plant, type Reading, type ReadingsEvidence } from './toy52-common.ts';
import { ensure, property, type CheckContext, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'T52.gda-switches';
/** The paper's pattern on what GDA sees and its counts there and on the real retain set. */
export const EXPECTED = { correct: [true, true, true, false], seen: [10, 0], onR: [10, 2] };

export interface Row {
  link: string;
  pretrainedCorrect: boolean[];
  gda: { a: number; b: number; correct: boolean[]; seen: [number, number]; onR: [number, number]; boundaries: number[] };
  /** the pretraining minimum gradient descent on L_D reaches from GDA's solution, and whether it is the pretrained one */
  basin: { a: number; b: number; isPretrained: boolean } | null;
  pretrainingMinima: number;
}

export type Evidence = EvidenceBase & ReadingsEvidence<Row>;

const same = (x: readonly (boolean | number)[], y: readonly (boolean | number)[]): boolean => x.length === y.length && x.every((c, i) => c === y[i]);
export const switched = (r: Row): boolean => !same(r.pretrainedCorrect, r.gda.correct);
export const paperCounts = (r: Row): boolean => same(r.gda.correct, EXPECTED.correct) && same(r.gda.seen, EXPECTED.seen) && same(r.gda.onR, EXPECTED.onR);
export const otherMinimum = (r: Row): boolean => r.basin !== null && !r.basin.isPretrained;
export const holds = (r: Row): boolean => switched(r) && paperCounts(r) && otherMinimum(r);

const rowOf = (r: Reading): Row => {
  const seen = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.gda);
  const onR = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.retrain);
  const basin = r.minimaD.find((m) => near(m, r.gdaBasinD)) ?? null;
  return {
    link: r.link.name,
    pretrainedCorrect: classify(r.link, r.pretrained.a, r.pretrained.b, WEIGHTS.pretrain).correct,
    gda: { a: r.gda.a, b: r.gda.b, correct: seen.correct, seen: [seen.nCorrect, seen.nWrong], onR: [onR.nCorrect, onR.nWrong], boundaries: seen.boundaries },
    basin: basin ? { a: basin.a, b: basin.b, isPretrained: near(basin, r.pretrained) } : null,
    pretrainingMinima: r.minimaD.length,
  };
};

export function measureWith(ctx: CheckContext, plant: Plant = {}): Evidence {
  return measureReadings(ctx, rowOf, holds, claimSeed(ctx, ID), plant, (rs) => {
    const show = rs[0]!;
    return [
      landscape('T52.gda-switches-landscape', show, 'gda', ctx.assumptions.toy52.lambda * (plant.lambdaFactor ?? 1), [
        { label: 'pretrained model', color: '#d62728', points: [[show.pretrained.a, show.pretrained.b]] },
        { label: 'GDA path', color: '#ff7f0e', points: show.gda.path, line: true },
        { label: 'GDA end', color: '#ff7f0e', points: [[show.gda.a, show.gda.b]] },
      ]),
      decisionChart('T52.gda-switches-boundaries', show, [
        { label: 'pretrained', color: '#1f77b4', a: show.pretrained.a, b: show.pretrained.b },
        { label: 'retrained', color: '#2ca02c', a: show.retrain.a, b: show.retrain.b },
        { label: 'GDA', color: '#ff7f0e', a: show.gda.a, b: show.gda.b },
      ]),
    ];
  });
}

const LINK_LIST = Object.values(LINKS);
// built on first use: mathjs's symbolic derivatives take seconds, and verify never runs the properties
const SYMBOLIC = lazy(() => LINK_LIST.map((link) => {
  const node = parse(lossExpression(link.expression, WEIGHTS.gda, 0.1, 14));
  return [derivative(node, 'a'), derivative(node, 'b')].map((n) => n.compile());
}));

const claim: ClaimModule<Evidence> = {
  entry: { id: ID, paperRef: 'Sec. 5.2, Fig. 5', statement: 'GDA moves the model to the other minimum, whose boundary gets x1, x2, x3 right (10 correct, 0 wrong on what it sees) but is wrong on the real retain set (10 correct, 2 wrong).', dependsOn: ['T52.two-minima'], assumptions: TOY },

  properties: [
    property({
      title: 'for all readings and (a, b) ∈ [−4, 4]², then the GDA loss divided by |D| = 14 (the normaliser probe) has mathjs\'s symbolic gradient',
      arbitrary: fc.tuple(fc.nat({ max: LINK_LIST.length - 1 }), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true })),
      body: ([i, a, b]) => {
        const { g } = gradHess({ link: LINK_LIST[i]!, weights: WEIGHTS.gda, lambda: 0.1, normaliser: 14 }, a, b);
        const [ga, gb] = SYMBOLIC()[i]!.map((c) => c.evaluate({ a, b }) as number);
        ensure(Math.abs(g[0] - ga!) < 1e-9 && Math.abs(g[1] - gb!) < 1e-9, () => `∇ under ${LINK_LIST[i]!.name} at (${a}, ${b}): (${g}) vs symbolic (${ga}, ${gb})`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 90, full: 1500 },
    }),
    property({
      title: 'for all readings and λ ∈ [0.05, 0.2], then every scanned minimum of the GDA loss has zero gradient and a positive-definite Hessian, sorted by loss',
      arbitrary: fc.tuple(fc.constantFrom(...LINK_LIST), fc.double({ min: 0.05, max: 0.2, noNaN: true })),
      body: ([link, lambda]) => {
        const p = { link, weights: WEIGHTS.gda, lambda };
        const ms = localMinima(p).minima;
        ensure(ms.length > 0, () => 'no minimum found');
        ms.forEach((m, i) => {
          const { g } = gradHess(p, m.a, m.b);
          ensure(Math.hypot(g[0], g[1]) < 1e-10 && m.eigenvalues[0] > 0, () => `(${m.a}, ${m.b}) is not a minimum`);
          if (i) ensure(m.loss >= ms[i - 1]!.loss, () => 'minima not sorted by loss');
        });
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 6, full: 80 },
    }),
  ],

  measure: (ctx) => measureWith(ctx),
  judge: (e) => judgeReadings(e.rows.map(holds)),

  describe(e, verdict) {
    if (!e.rows.length) return NO_READING;
    const oks = e.rows.map((r) => ({ link: r.link, ok: holds(r) }));
    const countsOnly = e.rows.filter((r) => switched(r) && paperCounts(r) && !otherMinimum(r)).map((r) => r.link);
    const bad = e.rows.find((r) => !holds(r));
    return {
      summary: `GDA moves to the other minimum of the pretraining landscape (x1, x2, x3 right: 10/0 on what it sees, 10/2 on R) ${readingsText(oks)}.` + (countsOnly.length ? ` Under ${countsOnly.join(', ')} GDA's solution has exactly the stated counts, but it lies in the pretrained model's own basin of L_D.` : ''),
      evidence: e.rows.map((r) => `${r.link}: gradient descent on the GDA loss from the pretrained model ends at (${fmt4(r.gda.a)}, ${fmt4(r.gda.b)}), classifying ${pattern(r.gda.correct)}: ${r.gda.seen[0]} correct, ${r.gda.seen[1]} wrong on the samples GDA sees, ${r.gda.onR[0]} correct, ${r.gda.onR[1]} wrong on the real retain set; decision boundaries at x = ${r.gda.boundaries.map((v) => v.toFixed(3)).join(', ')}; the pretraining landscape has ${r.pretrainingMinima} minim${r.pretrainingMinima === 1 ? 'um' : 'a'} and gradient descent on L_D from GDA's solution reaches ${r.basin ? `${r.basin.isPretrained ? 'the minimum GDA started from' : 'the other (local) minimum'} (${fmt4(r.basin.a)}, ${fmt4(r.basin.b)})` : 'no listed minimum'}`).join(' — ') + `. ${familyText(e.family)} ${probesText(e.probes)}`,
      notes: settingNotes(e.setting) + ' "The other minimum" is read as the pretraining landscape\'s other minimum: GDA\'s solution must lie in its basin under gradient descent on L_D.',
      counterexample: bad && verdict !== 'holds' ? { link: bad.link, gda: { a: bad.gda.a, b: bad.gda.b }, classification: pattern(bad.gda.correct), pretrainingMinima: bad.pretrainingMinima, basinOfGdaSolutionUnderLD: bad.basin, ...toyCounterexample(ID, e) } : null,
      charts: e.charts,
    };
  },

  keyNumbers: (e) => ({
    ...toyKeys(e, holds),
    ...Object.fromEntries(e.rows.flatMap((r) => [[`seenCorrect:${r.link}`, r.gda.seen[0]], [`onRWrong:${r.link}`, r.gda.onR[1]], [`otherMinimum:${r.link}`, otherMinimum(r) ? 1 : 0]])),
  }),
};

export default claim;
