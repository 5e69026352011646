/**
 * Iterative descent-ascent (Sec. 5.1.1 end, App. C.3): C3.first-order and C3.stabilisation.
 * The two-step map, its fixed points, their stability, the first-order coefficient, the far-left
 * asymptote and where an orbit from w_D ends come from theory/iterative.ts; the η-sequence from
 * assumptions.iterative.etas; configurations from assumptions.setting1d.
 */
import { Decimal } from 'decimal.js';
import {
  destinationFrom, farLeftAsymptote, firstOrderCoefficient, fixedPoints, STABILITY_RATIO, type FixedPoint, type IterativeParams,
} from '../iterative.ts';
import { lambertW0f64 } from '../lambertw.ts';
import { thresholds } from '../logistic1d.ts';
import { between, drawSizes, seededUniform, sizeRanges, type SizesConfig } from '../sampling.ts';
import type { ChartSeries, ChartSpec, CheckContext, CheckResult, Claim } from '../../properties/types.ts';

const DIGITS = 30; // distances down to ~1e−8 are compared: 30 digits leave a wide margin

function draw(ctx: CheckContext, salt: number, n: number): SizesConfig[] {
  const s1 = ctx.assumptions.setting1d;
  return drawSizes((ctx.seed ^ salt) >>> 0, sizeRanges(s1, s1.Rj.minFractionOfR), n).map((d) => d.sizes);
}

function coefficients(s: SizesConfig, alpha: Decimal): { cR: number; cF: number } {
  return { cR: s.Rj / s.R, cF: alpha.times(s.Rj).div(s.F).toNumber() };
}

/** Usable step sizes: the ridge step must contract (ηλ < 1). */
function etasFor(ctx: CheckContext, lambda: number): number[] {
  return ctx.assumptions.iterative.etas.filter((e) => e * lambda < 1).sort((a, b) => b - a);
}

function cli(s: SizesConfig, alpha: Decimal, eta: number): string {
  return `ascent-verify iterate --R ${s.R} --F ${s.F} --Rj ${s.Rj} --alpha ${alpha.toString()} --lambda ${new Decimal(s.lambda).toString()} --eta ${eta} --json`;
}

const ORDER_TOLERANCE = 0.9;
const COEFFICIENT_TOLERANCE = 0.1;

function checkFirstOrder(ctx: CheckContext): CheckResult {
  const n = Math.max(2, Math.ceil(ctx.assumptions.profiles[ctx.profile].runs / 15));
  const u = seededUniform(ctx.seed ^ 0x51a7);
  let tried = 0, inScope = 0;
  const orders: number[] = [];
  const coefErrors: number[] = [];
  const failures: Record<string, unknown>[] = [];
  const cases = { one: 0, two: 0, doubledOnly: 0 };
  let extraStable = 0;
  let lateStart = 0, smallestEta = Infinity, nearestBranch = Infinity, nonMonotoneEarly = 0;
  const series: { label: string; points: [number, number][] }[] = [];
  for (const s of draw(ctx, 0xc3f0, n)) {
    const th = thresholds({ R: String(s.R), F: String(s.F), Rj: String(s.Rj), alpha: '0', lambda: new Decimal(s.lambda).toString() }, DIGITS);
    // the doubled-ridge problem has a solution while (c_R − c_F)/(2λ) ≥ −1/e ⇔ α ≤ |F|/|R| + 2λ|F|/(e|R_j|)
    const hi = Decimal.min(th.alphaMax, th.alphaSplit.plus(new Decimal(2 * s.lambda * s.F).div(Math.E * s.Rj)));
    const alpha = between(new Decimal(0), hi, u()).toSignificantDigits(12);
    const { cR, cF } = coefficients(s, alpha);
    const fo = firstOrderCoefficient(cR, cF, s.lambda);
    const etas = etasFor(ctx, s.lambda);
    if (!fo || etas.length < 3) continue;
    tried++;
    const limit = fo.w0;
    const dist: [number, number][] = []; // [η, w*(η) − w₀], signed
    const distanceAt = (eta: number): void => {
      const fp = fixedPoints({ cR, cF, lambda: s.lambda, eta }, DIGITS);
      const stable = fp.points.filter((p) => p.stable);
      extraStable += Math.max(0, stable.length - 1);
      const near = stable.reduce<FixedPoint | null>((best, p) => (best === null || Math.abs(p.w.toNumber() - limit) < Math.abs(best.w.toNumber() - limit) ? p : best), null);
      if (near) dist.push([eta, near.w.toNumber() - limit]);
    };
    for (const eta of etas) distanceAt(eta);
    if (dist.length < 3) continue;
    inScope++;
    if (cR > cF) cases.one++;
    else if ((cR - cF) / s.lambda >= -1 / Math.E) cases.two++;
    else cases.doubledOnly++;
    const orderOf = (): number => {
      const k = dist.length;
      const o = (i: number): number => Math.log(Math.abs(dist[i]![1] / dist[i + 1]![1])) / Math.log(dist[i]![0] / dist[i + 1]![0]);
      return (o(k - 3) + o(k - 2)) / 2;
    };
    // the claim is asymptotic: where the η-sequence has not reached the first-order regime (close to
    // the branch point of the doubled-ridge problem C ∝ 1/(1 + w₀) is large and it starts late), keep halving η
    let extra = 0;
    while (orderOf() <= ORDER_TOLERANCE && extra < 14) {
      distanceAt(dist[dist.length - 1]![0] / 2);
      extra++;
    }
    if (extra) {
      lateStart++;
      smallestEta = Math.min(smallestEta, dist[dist.length - 1]![0]);
      nearestBranch = Math.min(nearestBranch, 1 + limit);
    }
    const order = orderOf();
    orders.push(order);
    // Richardson on the last two step sizes: d = Cη + Kη² ⇒ C = (d₂η₁² − d₁η₂²)/(η₁η₂(η₁ − η₂))
    const [e1, d1] = dist[dist.length - 2]!, [e2, d2] = dist[dist.length - 1]!;
    const cEst = (d2 * e1 * e1 - d1 * e2 * e2) / (e1 * e2 * (e1 - e2));
    // where C vanishes the distance is O(η²) (order ≈ 2) and a relative error of C says nothing
    const coefErr = order < 1.5 ? Math.abs(cEst - fo.C) / Math.abs(fo.C) : 0;
    if (order < 1.5) coefErrors.push(coefErr);
    // asymptotic: monotone over the three smallest η (the judged window); at large η the O(η²) term
    // may cancel Cη and make the distance dip, which says nothing about the limit
    const tail = dist.slice(-3);
    const decreasing = tail.every((d, i) => i === 0 || Math.abs(d[1]) < Math.abs(tail[i - 1]![1]));
    if (!dist.every((d, i) => i === 0 || Math.abs(d[1]) < Math.abs(dist[i - 1]![1]))) nonMonotoneEarly++;
    if (!(decreasing && order > ORDER_TOLERANCE && coefErr <= COEFFICIENT_TOLERANCE)) {
      failures.push({ R: s.R, F: s.F, Rj: s.Rj, lambda: s.lambda, alpha: alpha.toString(), limit, C: fo.C, Cestimated: cEst, distances: dist, order, reproduce: cli(s, alpha, dist[dist.length - 1]![0]) });
    }
    if (series.length < 6) series.push({ label: `|R|=${s.R}, α=${alpha.toSignificantDigits(3)}, λ=${s.lambda.toPrecision(2)}`, points: dist.map(([e, d]) => [e, Math.abs(d)] as [number, number]) });
  }
  const verdict = inScope === 0 ? 'inconclusive' : failures.length ? 'refuted' : 'holds';
  const minOrder = orders.length ? Math.min(...orders) : NaN, maxOrder = orders.length ? Math.max(...orders) : NaN;
  const maxCoefErr = coefErrors.length ? Math.max(...coefErrors) : NaN;
  const chart: ChartSpec = {
    id: 'C3.first-order-distance',
    title: 'C3: distance of the iterative fixed point to W((c_R − c_F)/(2λ)) against η',
    xLabel: 'step size η', yLabel: '|w*(η) − W((c_R − c_F)/(2λ))|', xLog: true, yLog: true,
    series: [
      ...series.map((s) => ({ ...s, kind: 'line' as const })),
      { label: 'slope 1 (first order)', kind: 'line', dashed: true, color: '#000000', points: series[0] ? [[series[0].points[0]![0], series[0].points[0]![1]], [series[0].points[series[0].points.length - 1]![0], (series[0].points[0]![1] * series[0].points[series[0].points.length - 1]![0]) / series[0].points[0]![0]]] : [] },
    ],
    caption: 'Straight lines of slope 1 on log–log axes: the fixed point approaches the doubled-ridge solution at first order in η.',
  };
  return {
    verdict, casesTried: tried, casesInScope: inScope, counterexample: failures[0] ?? null,
    summary: verdict === 'holds'
      ? `The stable fixed point tends to W((c_R − c_F)/(2λ)) at first order in η (observed order ${minOrder.toFixed(2)}–${maxOrder.toFixed(2)}, slope within ${(100 * maxCoefErr).toPrecision(2)}% of the analytic coefficient) in all ${inScope} configurations.`
      : `${failures.length} of ${inScope} configurations do not converge at first order to the doubled-ridge solution.`,
    evidence:
      `Derivation (ours): a fixed point of the two-step map satisfies G(w) = 0 with G(w) = (λw − c_R e^{−w}) + (λw' + c_F e^{−w'}), w' = w − η(λw − c_R e^{−w}); at η = 0 this is 2λw − (c_R − c_F)e^{−w} = 0, i.e. w = W((c_R − c_F)/(2λ)) = W((|R_j|/|R| − α|R_j|/|F|)/(2λ)): simultaneous DA with the ridge doubled, the paper's λ_DA = 2λ_iter-DA. ` +
      `The implicit function theorem gives w*(η) = w₀ + Cη + O(η²) with C = −(λ − c_F e^{−w₀})(c_R + c_F)e^{−w₀}/(4λ(1 + w₀)), which grows without bound at the branch point w₀ = −1. ` +
      `Check: ${inScope} configurations (${cases.one} with c_R > c_F, simultaneous DA case 1; ${cases.two} with c_R ≤ c_F where simultaneous DA still has its W₀ solution, case 2; ${cases.doubledOnly} where only the doubled-ridge problem has one), every fixed point of the map enumerated for η ∈ {${ctx.assumptions.iterative.etas.join(', ')}} (with ηλ < 1), classified by |T′| < 1, and the stable one nearest W((c_R − c_F)/(2λ)) followed. ` +
      `Its distance decreased over the three smallest η in ${inScope - failures.length} configurations${nonMonotoneEarly ? ` (in ${nonMonotoneEarly} of them not over the whole sequence: at the larger η the O(η²) term can cancel Cη, so the distance dips before the first-order regime sets in)` : ''}, with observed order ${minOrder.toFixed(3)} to ${maxOrder.toFixed(3)} (mean of the last two η-ratios), and the Richardson estimate of the slope agreed with the analytic C to ${(100 * maxCoefErr).toFixed(2)}% at worst (${coefErrors.length} configurations of order < 1.5): first order, as App. C.3 says. ` +
      (lateStart ? `In ${lateStart} configurations the first-order regime had not begun within the configured η (close to the branch point: 1 + w₀ down to ${nearestBranch.toFixed(3)}), so η was halved further, down to ${smallestEta.toExponential(2)}, before judging. ` : '') +
      `The paper's main text puts the ascent step first, App. C.3 the descent step; the limit is the same (the fixed points of the two orders differ by one descent step, O(η), with equal multipliers; properties/iterative.test.ts). ` +
      `Note: ${extraStable} additional stable fixed points appeared far to the left where c_F > c_R(1 − ηλ) (the O(η²) mechanism of C3.stabilisation); the claim is about the fixed point near the doubled-ridge solution.`,
    notes: `Criterion: distances strictly decreasing over the three smallest η, mean order over the last two ratios above ${ORDER_TOLERANCE} (first order with an O(η) correction reads 1 ± O(η); an order-0 stall or a wrong limit reads ≈ 0), and, where the order is below 1.5, the Richardson slope within ${100 * COEFFICIENT_TOLERANCE}% of C (the same O(η) allowance). Fixed points from theory/iterative.ts at ${DIGITS} digits.`,
    charts: series.length ? [chart] : [],
  };
}

type Fate = 'first-order' | 'far-left' | 'none';

function checkStabilisation(ctx: CheckContext): CheckResult {
  const n = Math.max(2, Math.ceil(ctx.assumptions.profiles[ctx.profile].runs / 15));
  const budget = Math.min(ctx.assumptions.iterative.maxSteps, ctx.profile === 'quick' ? 20_000 : 200_000);
  const u = seededUniform(ctx.seed ^ 0x57ab);
  let tried = 0, inScope = 0, withLimit = 0, pure = 0, pairs = 0;
  const fates: Record<Fate, number> = { 'first-order': 0, 'far-left': 0, none: 0 };
  const noStable: Record<string, unknown>[] = [];
  const notHarmful: Record<string, unknown>[] = [];
  const thresholdMisses: Record<string, unknown>[] = [];
  let lemma3Order = 0, destinations = 0;
  const slopes: number[] = [];
  const offsets: number[] = [];
  const multipliers: [number, number][] = [];
  let minFar = Infinity;
  const series: { label: string; points: [number, number][] }[] = [];
  for (const s of draw(ctx, 0xc3ab, n * 3)) {
    if (inScope >= n) break;
    tried++;
    const th = thresholds({ R: String(s.R), F: String(s.F), Rj: String(s.Rj), alpha: '0', lambda: new Decimal(s.lambda).toString() }, DIGITS);
    if (!th.alphaMax.gt(th.alphaFold)) continue; // simultaneous DA keeps a minimum everywhere in the setting
    const etas = etasFor(ctx, s.lambda);
    if (etas.length < 2) continue;
    inScope++;
    const alpha = between(th.alphaFold, th.alphaMax, u()).toSignificantDigits(12);
    const { cR, cF } = coefficients(s, alpha);
    const ratio = cF / cR;
    const fo = firstOrderCoefficient(cR, cF, s.lambda);
    if (fo) withLimit++;
    else pure++;
    const wD = lambertW0f64(((1 + alpha.toNumber()) * s.Rj) / (s.lambda * (s.R + s.F)));
    const wR = lambertW0f64(s.Rj / (s.lambda * s.R));
    const track: [number, number][] = [];
    for (const eta of etas) {
      pairs++;
      const p: IterativeParams = { cR, cF, lambda: s.lambda, eta };
      const fp = fixedPoints(p, DIGITS);
      const asym = farLeftAsymptote(p)!; // c_F > c_R throughout case 3
      // the O(η²) point is the left-most fixed point; the first-order one the fixed point nearest W₀((c_R − c_F)/(2λ))
      const far = fp.points[0]!;
      const firstOrder = fo ? fp.points.reduce((b, x) => (Math.abs(x.w.toNumber() - fo.w0) < Math.abs(b.w.toNumber() - fo.w0) ? x : b)) : null;
      const farW = far.w.toNumber();
      if (firstOrder !== far) {
        track.push([eta, farW]);
        multipliers.push([asym.L, far.slope]);
        minFar = Math.min(minFar, farW);
        if (far.stable !== ratio < STABILITY_RATIO) thresholdMisses.push({ ratio, L: asym.L, eta, etaLambda: eta * s.lambda, slope: far.slope, predicted: asym.multiplier });
      }
      const dest = destinationFrom(wD, p, fp.points, budget);
      const fate: Fate = dest.point === null ? 'none' : dest.point === firstOrder ? 'first-order' : 'far-left';
      fates[fate]++;
      const row = { R: s.R, F: s.F, Rj: s.Rj, lambda: s.lambda, alpha: alpha.toString(), eta, ratio, wD, wR, reproduce: cli(s, alpha, eta) };
      if (!dest.point) {
        noStable.push({ ...row, fixedPoints: fp.points.map((x) => ({ w: x.w.toString(), slope: x.slope })), orbits: [...new Set(dest.statuses)].join(', ') });
        continue;
      }
      destinations++;
      const w = dest.point.w.toNumber();
      if ((w - wD) * (wD - wR) >= 0) lemma3Order++;
      if (!(Math.abs(w - wR) > Math.abs(wD - wR))) notHarmful.push({ ...row, fixedPoint: dest.point.w.toString(), fate });
    }
    if (track.length >= 2) {
      // least squares of w* on ln η, then the offset to the asymptote ln(ηc_R/L) at the smallest η
      const xs = track.map(([e]) => Math.log(e)), ys = track.map(([, w]) => w);
      const mx = xs.reduce((a, b) => a + b, 0) / xs.length, my = ys.reduce((a, b) => a + b, 0) / ys.length;
      slopes.push(xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i]! - my), 0) / xs.reduce((acc, x) => acc + (x - mx) ** 2, 0));
      const [eMin, wMin] = track[track.length - 1]!;
      offsets.push(Math.abs(wMin - farLeftAsymptote({ cR, cF, lambda: s.lambda, eta: eMin })!.w));
    }
    if (series.length < 6 && track.length) series.push({ label: `|R|=${s.R}, α=${alpha.toSignificantDigits(3)}, c_F/c_R=${ratio.toFixed(2)}${fo ? ' (2λ-limit exists)' : ''}`, points: track });
  }
  const harmPersists = notHarmful.length === 0;
  const ratioCaveat = noStable.length > 0;
  const driftCaveat = slopes.length > 0;
  const verdict = inScope === 0 ? 'inconclusive' : !harmPersists ? 'refuted' : ratioCaveat || driftCaveat ? 'holds-with-caveat' : 'holds';
  const median = (xs: number[]): number => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const aboveRatio = noStable.filter((x) => (x.ratio as number) >= STABILITY_RATIO).length;
  const orbitKinds = new Map<string, number>();
  for (const x of noStable) orbitKinds.set(x.orbits as string, (orbitKinds.get(x.orbits as string) ?? 0) + 1);
  const multiplierSeries: ChartSeries[] = [
    { label: 'T′ at the O(η²) fixed point (all η)', kind: 'scatter', color: '#d62728', pointSize: 4, points: multipliers },
    { label: '1 − L² (η → 0)', kind: 'line', color: '#000000', points: Array.from({ length: 61 }, (_, i) => { const L = (3.5 * i) / 60; return [L, 1 - L * L] as [number, number]; }) },
    { label: 'T′ = −1', kind: 'line', dashed: true, color: '#7f7f7f', points: [[0, -1], [3.5, -1]] },
  ];
  return {
    verdict, casesTried: tried, casesInScope: inScope, counterexample: notHarmful[0] ?? noStable[0] ?? null,
    summary: verdict === 'refuted'
      ? `In ${notHarmful.length} cases the iteration from w_D settles closer to the oracle than doing nothing.`
      : `Two unstated conditions: the stabilised point is stable only while α|R|/|F| = c_F/c_R < e^{√2} ≈ 4.11, whatever the step (beyond it the iteration oscillates), and it still runs off to −∞ like ln η as η → 0 (slope ${mean(slopes).toFixed(2)}). Where it is reached, the harm persists.`,
    evidence:
      `${inScope} configurations in App. E's case 3 (α drawn above the fold, where simultaneous DA has no minimum), ${pairs} (configuration, η) pairs with η ∈ {${ctx.assumptions.iterative.etas.join(', ')}}, ηλ < 1. ` +
      `Two mechanisms are separated: in ${withLimit} configurations the doubled-ridge problem still has a solution ((c_R − c_F)/(2λ) ≥ −1/e): the map has a fixed point near W₀((c_R − c_F)/(2λ)) already at first order (the factor 2 of C3.first-order, not the O(η²) term); in ${pure} it has none, and any fixed point comes from the O(η²) term, which is the paper's claim. ` +
      `That O(η²) fixed point sits where the descent kick u = ηc_R e^{−w} equals L = ln(c_F/c_R): w* = ln(ηc_R/L) + o(1) (observed slope of w* against ln η ${mean(slopes).toFixed(3)}, mean over ${slopes.length} configurations; offset to ln(ηc_R/L) at the smallest η: median ${median(offsets).toExponential(2)}, largest ${offsets.length ? Math.max(...offsets).toExponential(2) : 'n/a'} (where ηλ or 1/L is not small); as far left as w* = ${Number.isFinite(minFar) ? minFar.toFixed(2) : 'n/a'}), so it exists for each finite η but diverges as η → 0: the stabilisation is an artefact of the finite step. ` +
      `Its multiplier tends to T′ = (1 + L)(1 − L) = 1 − L², so it attracts only while c_F/c_R = α|R|/|F| < e^{√2} ≈ 4.113, for every small η (not "for small enough η"): ${thresholdMisses.length} of ${multipliers.length} (configuration, η) pairs disagreed with that prediction${thresholdMisses.length ? ` (all within |L − √2| ≤ ${Math.max(...thresholdMisses.map((x) => Math.abs((x.L as number) - Math.SQRT2))).toFixed(3)}, with ηλ up to ${Math.max(...thresholdMisses.map((x) => x.etaLambda as number)).toPrecision(2)}: the limit neglects terms of order ηλ)` : ''}. ` +
      `Where the iteration from w_D ends (by monotonicity of T above w_mono = ln(ηc_R/(1 − ηλ)), else by iterating every phase of the entry below w_mono, ${budget} steps each): the first-order fixed point in ${fates['first-order']} pairs, the O(η²) fixed point in ${fates['far-left']}, no fixed point in ${fates.none} (${aboveRatio} of these have c_F/c_R ≥ e^{√2}; orbit statuses: ${[...orbitKinds].map(([k, v]) => `${k}: ${v}`).join('; ') || 'none'}; past e^{√2} the orbits period-double into chaos and, further out, relax in long excursions to large w after each deep dip (an excursion beyond |w| = 1e12 counts as diverged), never converging). ` +
      `Lemma 3's harm is not remedied: ${harmPersists ? `in all ${destinations} pairs with a destination the iterative solution is farther from the oracle w_R than the original model w_D` : `in ${notHarmful.length} pairs it is closer to w_R than w_D`}. Its form differs from Lemma 3's ordering: for α > |F|/|R|, w_D > w_R > 0 > w*, so the solution overshoots past the oracle instead of lying on the far side of w_D (the ordering (w* − w_D)(w_D − w_R) ≥ 0 held in ${lemma3Order} of ${destinations}).`,
    notes: 'Stability by |T′(w*)| < 1 (theory/iterative.ts: every fixed point enumerated on a proven interval). The leading-order analysis behind e^{√2} and ln(ηc_R/L) is in the header of theory/iterative.ts; properties/iterative.test.ts checks it on random parameters.',
    charts: series.length ? [{
      id: 'C3.stabilisation-fixed-point',
      title: 'C3: the O(η²) fixed point of iterative DA against η, where simultaneous DA diverges',
      xLabel: 'step size η', yLabel: 'left-most fixed point w*', xLog: true,
      series: series.map((s) => ({ ...s, kind: 'line' as const })),
      caption: 'Each line is one configuration in case 3: the fixed point exists for every η but moves left as ln η (slope 1 on these axes) as η → 0.',
    }, {
      id: 'C3.stabilisation-multiplier',
      title: 'C3: multiplier T′ of the O(η²) fixed point against L = ln(c_F/c_R)',
      xLabel: 'L = ln(c_F/c_R) = ln(α|R|/|F|)', yLabel: 'T′(w*)',
      series: multiplierSeries,
      caption: 'The fixed point attracts while T′ > −1, i.e. L < √2 (c_F/c_R < e^{√2} ≈ 4.11), whatever the step size: the points for all η lie on 1 − L².',
    }] : [],
  };
}

export const claims: Claim[] = [
  {
    id: 'C3.first-order',
    paperRef: 'App. C.3, Eq. (5)',
    statement: 'To first order in η the two-step map equals simultaneous DA with the ridge doubled (λ_DA = 2λ): its fixed point tends to W((|R_j|/|R| − α|R_j|/|F|)/(2λ)) as η → 0.',
    assumptions: ['the 1-D setting of Sec. 5.1.1', 'descent step on R then ascent step on F, same η, ridge in both', 'η from assumptions.iterative.etas with ηλ < 1'],
    expected: 'holds',
    check: checkFirstOrder,
  },
  {
    id: 'C3.stabilisation',
    paperRef: 'Sec. 5.1.1, App. C.3',
    statement: 'The omitted O(η²) term stops the iterative solution from diverging (where simultaneous DA diverges), but does not remedy Lemma 3\'s harm.',
    assumptions: ['the 1-D setting, α above the fold (App. E case 3)', 'η from assumptions.iterative.etas with ηλ < 1', 'stability by |T′(w*)| < 1', 'the iterative solution = where the iteration from w_D converges'],
    expected: 'holds-with-caveat',
    check: checkStabilisation,
  },
];
