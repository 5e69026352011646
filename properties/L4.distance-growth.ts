/**
 * L4.distance-growth (Lemma 4, App. F): Δ_{R,D} = |w_D − w_R| ≤ |ln((1+α)|R|/|D|)| for every λ > 0.
 * The proof writes Δ = |ln a| − |ln(W(a·x)/W(x))| with a = (1+α)|R|/|D|, x = |R_j|/(λ|R|) and drops
 * the second term. Since d ln W / d ln y = 1/(1 + W), that term lies between |ln a|/(1 + max w) and
 * |ln a|/(1 + min w), so Δ/bound ∈ [m/(1+m), M/(1+M)] with m, M the smaller and larger of w_D, w_R:
 * the bound is tight exactly as λ → 0 (m → ∞). Both the sandwich and the limit are properties; the
 * bound's formula is pinned to mpmath values in the test (tests/vectors/logistic1d.json).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { solve1d, thresholds, tolerance, type Config1d, type Solution1d } from '../theory/logistic1d.ts';
import { between } from '../theory/sampling.ts';
import { config1d, sizes1d, unit, withAlphaIn } from './arbitraries.ts';
import { fmt } from './common.ts';
import { counterexample1d, drawClaimSizes, reproduce1d, SETTING_1D, solveMemo } from './oneD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase, type ChartSpec } from './types.ts';

const DIGITS_PROPERTY = 30;
/** The tightness ladder: Δ/bound at these λ, for the first configuration. */
const LADDER = ['1e-2', '1e-50', '1e-200'];
/** The least Δ/bound the tightness property accepts for λ ≤ 1e−20 (the sandwich's floor m/(1+m) ≥ 0.97 there). */
export const TIGHT_FLOOR = 0.95;

/** [m/(1+m), M/(1+M)]: where Δ/bound must lie (see the header). */
export function sandwich(s: Solution1d): [Decimal, Decimal] {
  const m = Decimal.min(s.wD, s.wR), M = Decimal.max(s.wD, s.wR);
  return [m.div(m.plus(1)), M.div(M.plus(1))];
}

const ratio = (s: Solution1d): Decimal => s.deltaRD.div(s.lemma4Bound);

export interface Evidence extends EvidenceBase {
  digits: number;
  failures: number;
  first: { cfg: Config1d; deltaRD: string; bound: string } | null;
  /** configurations where Δ/bound left [m/(1+m), M/(1+M)] */
  sandwichFailures: number;
  maxRatio: string;
  /** probes with α beyond |F|/|R_j| (outside the setting) and how many broke the bound */
  beyond: number;
  beyondFail: number;
  /** Δ/bound and its floor m/(1+m) at each λ of LADDER (first configuration) */
  ladder: { lambda: string; ratio: string; floor: string }[];
  pairs: [number, number][];
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L4.distance-growth',
    paperRef: 'Lemma 4',
    statement: 'Lemma 4: `Δ_{R,D} = |w_D − w_R| ≤ |ln((1+α)|R|/|D|)|` for every `λ > 0`.',
    dependsOn: ['L2.closed-form'],
    assumptions: SETTING_1D,
  },

  properties: [
    property({
      title: 'for all configurations and α ∈ [0, |F|/|R_j|] (α ≠ |F|/|R|), then Δ_{R,D}/|ln((1+α)|R|/|D|)| lies in [m/(1+m), M/(1+M)], m and M the smaller and larger of w_D, w_R (so Δ ≤ bound)',
      arbitrary: withAlphaIn(() => new Decimal(0), (s) => thresholds(config1d(s, 0), DIGITS_PROPERTY).alphaMax),
      body: ({ cfg }) => {
        const s = solve1d(cfg, DIGITS_PROPERTY);
        if (s.lemma4Bound.isZero()) return 'out-of-scope';
        const [lo, hi] = sandwich(s);
        const r = ratio(s), slack = tolerance(DIGITS_PROPERTY).times(1e3);
        ensure(r.gte(lo.minus(slack)) && r.lte(hi.plus(slack)), () => `Δ/bound ${r} outside [${lo}, ${hi}] at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 0.99,
      runs: { quick: 150, full: 5000 },
    }),
    property({
      title: `for all configurations, α ∈ [0, |F|/|R_j|] and λ = 10^−k (k ∈ [20, 200]), then the bound is tight: Δ_{R,D}/bound ≥ ${TIGHT_FLOOR}`,
      arbitrary: fc.tuple(sizes1d, unit, fc.integer({ min: 20, max: 200 })).map(([s, u, k]) => {
        const t = thresholds(config1d(s, 0), DIGITS_PROPERTY);
        // away from α = |F|/|R|, where the bound and Δ both vanish
        const alpha = u < 0.5 ? between(new Decimal(0), t.alphaSplit.times(0.9), u * 2) : between(t.alphaSplit.times(1.1), Decimal.max(t.alphaMax, t.alphaSplit.times(1.2)), u * 2 - 1);
        return { ...config1d(s, alpha), lambda: `1e-${k}` } as Config1d;
      }),
      body: (cfg) => {
        const s = solve1d(cfg, DIGITS_PROPERTY + 10);
        ensure(ratio(s).gte(TIGHT_FLOOR), () => `Δ/bound ${ratio(s)} < ${TIGHT_FLOOR} at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 60, full: 2000 },
    }),
  ],

  measure(ctx) {
    const digits = ctx.digits;
    let inScope = 0, failures = 0, sandwichFailures = 0, beyond = 0, beyondFail = 0;
    let maxRatio = new Decimal(0);
    let first: Evidence['first'] = null;
    const slack = tolerance(digits);
    const pairs: [number, number][] = [];
    const holds = (s: Solution1d): boolean => s.deltaRD.lte(s.lemma4Bound.plus(slack.times(Decimal.max(s.lemma4Bound, 1))));
    const draws = drawClaimSizes(ctx, 'L4.distance-growth');
    for (const { sizes, u } of draws) {
      const t = thresholds(config1d(sizes, 0), digits);
      inScope++;
      const cfg = config1d(sizes, between(new Decimal(0), t.alphaMax, u()));
      const s = solveMemo(cfg, digits);
      if (!holds(s)) {
        failures++;
        first ??= { cfg, deltaRD: s.deltaRD.toString(), bound: s.lemma4Bound.toString() };
      }
      if (s.lemma4Bound.gt(0)) {
        const r = ratio(s), [lo, hi] = sandwich(s);
        if (r.gt(maxRatio)) maxRatio = r;
        if (r.lt(lo.minus(slack.times(1e3))) || r.gt(hi.plus(slack.times(1e3)))) sandwichFailures++;
        if (s.deltaRD.gt(0)) pairs.push([s.lemma4Bound.toNumber(), s.deltaRD.toNumber()]);
      }
      beyond++;
      if (!holds(solveMemo(config1d(sizes, between(t.alphaMax, t.alphaMax.times(10), u())), digits))) beyondFail++;
    }
    const s0 = draws[0]?.sizes;
    const ladder = s0 === undefined ? [] : LADDER.map((lam) => {
      const t = thresholds(config1d(s0, 0), digits);
      const s = solveMemo({ ...config1d(s0, t.alphaMax.div(2).toSignificantDigits(20)), lambda: lam }, digits);
      return { lambda: lam, ratio: ratio(s).toString(), floor: sandwich(s)[0].toString() };
    });
    return { casesTried: inScope + beyond, casesInScope: inScope, digits, failures, first, sandwichFailures, maxRatio: maxRatio.toString(), beyond, beyondFail, ladder, pairs };
  },

  judge(e) {
    if (e.casesInScope === 0) return 'inconclusive';
    return e.failures > 0 ? 'refuted' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'Lemma 4 has no side condition: the bound follows from W(y) = ln y − ln W(y) for every y > 0, and both arguments are positive for every α ≥ 0 and λ > 0.' },

  describe(e, verdict) {
    const n = e.casesInScope;
    if (n === 0) return { summary: 'No configuration was measured: the scope is empty under these assumptions.', evidence: '0 configurations measured.', counterexample: null };
    const ladder = e.ladder.map((l) => `λ = ${l.lambda}: Δ/bound = ${fmt(l.ratio, 6)} (floor m/(1+m) = ${fmt(l.floor, 6)})`).join('; ');
    const lo = Math.min(...e.pairs.map((p) => p[0])), hi = Math.max(...e.pairs.map((p) => p[0]));
    const chart: ChartSpec = {
      id: 'L4.distance-growth-bound',
      title: 'Lemma 4: true distance |w_D − w_R| against the bound |ln((1+α)|R|/|D|)|',
      xLabel: 'bound |ln((1+α)|R|/|D|)|', yLabel: 'Δ_{R,D} = |w_D − w_R|', xLog: true, yLog: true,
      series: [
        { label: `configurations (${e.pairs.length})`, kind: 'scatter', color: '#1f77b4', points: e.pairs, pointSize: 3 },
        { label: 'Δ = bound', kind: 'line', color: '#d62728', dashed: true, points: [[lo, lo], [hi, hi]] },
      ],
      caption: `${n - e.failures} of ${n} points lie on or below the dashed line (largest Δ/bound ${fmt(e.maxRatio, 4)}).`,
    };
    return {
      summary: verdict === 'refuted' ? `The bound fails in ${e.failures} of ${n} configurations.` : `The bound holds in all ${n} configurations (largest Δ/bound ${fmt(e.maxRatio, 3)}); Δ/bound reaches ${fmt(e.ladder[e.ladder.length - 1]?.ratio ?? null, 4)} at λ = ${e.ladder[e.ladder.length - 1]?.lambda ?? 'none'}.`,
      evidence:
        `Δ_{R,D} ≤ |ln((1+α)|R|/|D|)| held in ${n - e.failures} of ${n} configurations with α drawn in [0, |F|/|R_j|] at ${e.digits} digits (largest Δ/bound ${fmt(e.maxRatio, 6)}); Δ/bound left its sandwich [m/(1+m), M/(1+M)] in ${e.sandwichFailures}. ` +
        `With α beyond |F|/|R_j| (outside the setting) it held in ${e.beyond - e.beyondFail} of ${e.beyond} probes${e.beyondFail === 0 ? ', so the setting\'s constraint on α is not what the bound rests on' : ''}. Tightness as λ → 0 (first configuration, α = |F|/(2|R_j|)): ${ladder}.`,
      notes: 'The proof\'s identity W(z) = ln z − ln W(z) needs z > 0, true for both arguments here.',
      counterexample: e.first ? counterexample1d(e.first.cfg, { deltaRD: e.first.deltaRD, bound: e.first.bound }) : null,
      charts: e.pairs.length ? [chart] : [],
    };
  },

  keyNumbers: (e) => ({
    casesTried: e.casesTried, casesInScope: e.casesInScope, failures: e.failures, sandwichFailures: e.sandwichFailures, maxRatio: Number(e.maxRatio), beyond: e.beyond, beyondFail: e.beyondFail,
    ...Object.fromEntries(e.ladder.map((l) => [`ratioAtLambda${l.lambda}`, Number(l.ratio)])),
  }),
};

export default claim;
