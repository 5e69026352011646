/**
 * T52.two-minima (Sec. 5.2, Fig. 5): the pretraining loss landscape of the toy has a global and a
 * distinct local minimum. Measured under every reading of the garbled link: local minima by a grid
 * scan of the ball that holds every minimiser with loss ≤ L(0), refined by Newton and classified by
 * the Hessian (theory/toy52.ts), cross-checked by multi-start descent over the disc that holds every
 * stationary point; the family σ_κ between the logistic and tanh-half readings locates where the
 * second minimum disappears (properties/toy52-common.ts).
 */
import fc from 'fast-check';
import { derivative, parse } from 'mathjs';
import { descendToMinimum, gradHess, linkFamily, LINKS, localMinima, loss, multiStartMinima, stationaryRadius, WEIGHTS, XS, YS } from '../theory/toy52.ts';
import { claimSeed, lazy } from './common.ts';
import { familyText, fmt4, judgeReadings, landscape, measureReadings, pattern, probesText, readingsText, settingNotes, NO_READING, toyCounterexample, toyKeys, TOY, counts, type Plant, type Reading, type ReadingsEvidence } from './toy52-common.ts';
import { ensure, property, type CheckContext, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'T52.two-minima';

export interface Row {
  link: string;
  minima: { a: number; b: number; loss: number; eigenvalues: [number, number]; pattern: string }[];
  /** minima found by the multi-start descent (null where it was not run) */
  multiStart: { count: number; radius: number; starts: number } | null;
}

export type Evidence = EvidenceBase & ReadingsEvidence<Row>;

export const holds = (r: Row): boolean => r.minima.length >= 2;

const rowOf = (r: Reading): Row => ({
  link: r.link.name,
  minima: r.minimaD.map((m) => ({ a: m.a, b: m.b, loss: m.loss, eigenvalues: m.eigenvalues, pattern: pattern(counts(r.link, m.a, m.b, 'pretrain').correct) })),
  multiStart: r.multiStart,
});

export function measureWith(ctx: CheckContext, plant: Plant = {}): Evidence {
  return measureReadings(ctx, rowOf, holds, claimSeed(ctx, ID), plant, (rs) => {
    const show = rs.find((r) => holds(rowOf(r))) ?? rs[0]!;
    return [landscape('T52.two-minima-landscape', show, 'pretrain', ctx.assumptions.toy52.lambda * (plant.lambdaFactor ?? 1), show.minimaD.map((m, i) => ({ label: i === 0 ? 'global minimum' : 'local minimum', color: i === 0 ? '#d62728' : '#ff7f0e', points: [[m.a, m.b]] })))];
  });
}

/** L(a, b) written term by term as Sec. 5.2 states it, for mathjs to differentiate. */
export function lossExpression(linkExpr: string, weights: readonly number[], lambda: number, normaliser?: number): string {
  const W = normaliser ?? weights.reduce((s, w) => s + w, 0);
  const terms = XS.map((x, i) => `${weights[i]} * ((${linkExpr.replaceAll('z', `(a*(${x}) + b*(${x})^2)`)}) - (${YS[i]}))^2`);
  return `(${terms.join(' + ')}) / ${W} + (${lambda}/2) * (a^2 + b^2)`;
}

const LINK_LIST = Object.values(LINKS);
// built on first use: mathjs's symbolic derivatives take seconds, and verify never runs the properties
const SYMBOLIC = lazy(() => LINK_LIST.map((link) => {
  const node = parse(lossExpression(link.expression, WEIGHTS.pretrain, 0.1));
  const dA = derivative(node, 'a'), dB = derivative(node, 'b');
  return [node, dA, dB, derivative(dA, 'a'), derivative(dA, 'b'), derivative(dB, 'b')].map((n) => n.compile());
}));

const claim: ClaimModule<Evidence> = {
  entry: { id: ID, paperRef: 'Sec. 5.2, Fig. 5', statement: 'The pretraining loss landscape has a global minimum and a distinct local minimum.', dependsOn: [], assumptions: TOY },

  properties: [
    property({
      title: 'for all readings of the link and (a, b) ∈ [−4, 4]², then L, ∇L and the Hessian equal mathjs\'s symbolic derivatives of the loss as Sec. 5.2 writes it',
      arbitrary: fc.tuple(fc.nat({ max: LINK_LIST.length - 1 }), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true })),
      body: ([i, a, b]) => {
        const p = { link: LINK_LIST[i]!, weights: WEIGHTS.pretrain, lambda: 0.1 };
        const { g, H } = gradHess(p, a, b);
        const [e, ga, gb, haa, hab, hbb] = SYMBOLIC()[i]!.map((c) => c.evaluate({ a, b }) as number);
        const pairs: [string, number, number, number][] = [['L', loss(p, a, b), e!, 1e-10], ['∂L/∂a', g[0], ga!, 1e-9], ['∂L/∂b', g[1], gb!, 1e-9], ['H_aa', H[0], haa!, 1e-8], ['H_ab', H[1], hab!, 1e-8], ['H_bb', H[2], hbb!, 1e-8]];
        for (const [name, got, want, tol] of pairs) ensure(Math.abs(got - want) < tol, () => `${name} under ${p.link.name} at (${a}, ${b}): ${got} vs symbolic ${want}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 120, full: 2000 },
    }),
    property({
      title: 'for all readings, objectives and λ ∈ [0.05, 0.5], then the multi-start descent over the stationary disc finds exactly the grid scan\'s minima, all inside that disc',
      arbitrary: fc.tuple(fc.constantFrom(...LINK_LIST), fc.constantFrom(...Object.values(WEIGHTS)), fc.double({ min: 0.05, max: 0.5, noNaN: true })),
      body: ([link, weights, lambda]) => {
        const p = { link, weights, lambda };
        const scan = localMinima(p).minima;
        const multi = multiStartMinima(p, 6, 16);
        ensure(multi.minima.length === scan.length, () => `${link.name}, λ = ${lambda}: the scan found ${scan.length} minima, the multi-start ${multi.minima.length}`);
        for (const m of multi.minima) ensure(scan.some((q) => Math.hypot(q.a - m.a, q.b - m.b) < 1e-6) && Math.hypot(m.a, m.b) < stationaryRadius(p), () => `minimum (${m.a}, ${m.b}) missed by the scan or outside the disc`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 8, full: 120 },
    }),
    property({
      title: 'for all readings and starts (a, b) ∈ [−20, 20]², then descent ends at a point with zero gradient, a positive-definite Hessian and no higher loss',
      arbitrary: fc.tuple(fc.constantFrom(...LINK_LIST), fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true })),
      body: ([link, a, b]) => {
        const p = { link, weights: WEIGHTS.pretrain, lambda: 0.1 };
        const m = descendToMinimum(p, a, b);
        ensure(m !== null && m.eigenvalues[0] > 0 && loss(p, m.a, m.b) <= loss(p, a, b) + 1e-12, () => `descent from (${a}, ${b}) under ${link.name} ended at ${JSON.stringify(m)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 40, full: 600 },
    }),
    property({
      title: 'for all z ∈ [−30, 30], then the family σ_κ is the logistic reading at κ = 0 and the tanh-half reading at κ = 1, with threshold 0 in the middle of its range for every κ = k/20',
      arbitrary: fc.tuple(fc.double({ min: -30, max: 30, noNaN: true }), fc.integer({ min: 0, max: 20 })),
      body: ([z, k]) => {
        const f0 = linkFamily(0).f(z), f1 = linkFamily(1).f(z), l = LINKS.logistic!.f(z), t = LINKS['tanh-half']!.f(z);
        for (let j = 0; j < 3; j++) ensure(Math.abs(f0[j]! - l[j]!) < 1e-15 && Math.abs(f1[j]! - t[j]!) < 1e-15, () => `family ends differ from the readings at z = ${z}`);
        const kappa = k / 20;
        ensure(Math.abs(linkFamily(kappa).f(0)[0] - (1 - kappa) / 2) < 1e-15, () => `σ_κ(0) ≠ (1 − κ)/2 at κ = ${kappa}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 50, full: 500 },
    }),
  ],

  measure: (ctx) => measureWith(ctx),

  judge(e) {
    // the scan and the multi-start descent must agree on the count, or the evidence cannot decide
    if (e.rows.some((r) => r.multiStart !== null && r.multiStart.count !== r.minima.length)) return 'inconclusive';
    return judgeReadings(e.rows.map(holds));
  },

  describe(e, verdict) {
    const oks = e.rows.map((r) => ({ link: r.link, ok: holds(r) }));
    if (!e.rows.length) return NO_READING;
    const detail = e.rows.map((r) => `${r.link}: ${r.minima.length} local minim${r.minima.length === 1 ? 'um' : 'a'} (${r.minima.map((m) => `(a, b) = (${fmt4(m.a)}, ${fmt4(m.b)}), L = ${fmt4(m.loss)}, Hessian eigenvalues ${m.eigenvalues.map((x) => x.toPrecision(3)).join(', ')}, ${m.pattern}`).join('; ')})${r.multiStart ? `; multi-start descent from ${r.multiStart.starts} starts over the disc of radius ${r.multiStart.radius.toFixed(1)} that holds every stationary point found ${r.multiStart.count}` : ''}`);
    const bad = e.rows.find((r) => !holds(r));
    const disagree = e.rows.filter((r) => r.multiStart !== null && r.multiStart.count !== r.minima.length).map((r) => r.link);
    return {
      summary: verdict === 'inconclusive' ? `The grid scan and the multi-start descent disagree on the number of minima under ${disagree.join(', ')}.` : `A global and a distinct local minimum ${readingsText(oks)}.`,
      evidence: `Local minima of the pretraining loss (grid scan of the ball that holds every minimiser with loss ≤ L(0), then Newton to |∇L| < 1e−12, Hessian positive definite): ${detail.join(' — ')}. ${familyText(e.family)} ${probesText(e.probes)}`,
      notes: settingNotes(e.setting),
      counterexample: bad ? { link: bad.link, minima: bad.minima.map((m) => ({ a: m.a, b: m.b, loss: m.loss })), ...toyCounterexample(ID, e) } : null,
      charts: e.charts,
    };
  },

  keyNumbers: (e) => ({
    ...toyKeys(e, holds),
    ...Object.fromEntries(e.rows.flatMap((r) => [[`minima:${r.link}`, r.minima.length], [`globalLoss:${r.link}`, r.minima[0]?.loss ?? 0]])),
  }),
};

export default claim;
