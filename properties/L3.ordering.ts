/**
 * L3.ordering (Lemma 3, App. E). Measured: per configuration, the set of α ∈ [0, |F|/|R_j|] where
 * (w_DA − w_D)(w_D − w_R) ≥ 0, its ends located numerically (properties/oneD-sets.ts) and compared
 * with App. E's |F|²/(|R|(|F|+|D|)) and |F|/|R|; the condition is shown necessary by cases just
 * either side of each measured end; the main text's "holds for α < |F|/|R|" is searched for a
 * counterexample by fast-check and the smallest one kept. Also home of the property that pins the
 * float64 solver (solve1dF64, used by the phase maps and the simulations) to the decimal one.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { solve1d, solve1dF64, thresholds, type Config1d } from '../theory/logistic1d.ts';
import { config1d, unit, withAlphaIn } from './arbitraries.ts';
import { fmt } from './common.ts';
import { counterexample1d, reproduce1d, SETTING_1D, shrunk1d, sizesRjBelowR, solveMemo } from './oneD-common.ts';
import { coverageText, LOCATE_WIDTH, measureSets, phaseChart, phaseMap, relativeGap, type MeasuredSet, type PhaseMap } from './oneD-sets.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

const DIGITS_PROPERTY = 30;
const th = (s: Parameters<typeof config1d>[0]) => thresholds(config1d(s, 0), DIGITS_PROPERTY);
/** A located end counts as App. E's threshold when within this relative gap (the ends are located to 1e−30). */
export const END_TOLERANCE = '1e-20';
/** How far either side of a measured end the necessity cases sit, relative. */
const SIDE = new Decimal('1e-6');

export interface Evidence extends EvidenceBase {
  digits: number;
  gridPoints: number;
  evaluations: number;
  sets: MeasuredSet[];
  /** configurations whose set is empty (Lemma 3 has no range there) */
  emptySets: number;
  /** configurations whose set is one interval */
  singleInterval: number;
  /** configurations whose set contains App. E's [|F|²/(|R|(|F|+|D|)), |F|/|R|] (ends within END_TOLERANCE) */
  containsAppE: number;
  /** largest relative gap between a measured end and App. E's threshold, over configurations (decimal strings; Infinity when missing) */
  worstGapLow: string;
  worstGapSplit: string;
  /** the cases either side of each measured end */
  sides: { belowLowFails: number; aboveLowHolds: number; belowSplitHolds: number; aboveSplitFails: number; splitIsSettingEnd: number };
  /** the smallest α < |F|/|R| (the main text's range) where the ordering fails, from fast-check's shrinking */
  counterexample: { cfg: Config1d; alphaLow: string; product: string; wDA: string; wD: string; wR: string } | null;
  phase: PhaseMap;
}

/** The relative tolerance of the float64 solver against the decimal one (see the property). */
export const F64_ULPS = 64;

/**
 * The float64 error bound of a Lambert-W solution w = W(z) with z = (a − b)/λ formed in float64:
 * z carries rounding ~ε(|a| + |b|)/λ, which W turns into |dW/dz|·δz = δz/(e^w (1 + w)); W itself is
 * within a few ulp. F64_ULPS units of ε on both terms.
 */
function f64Bound(w: number, zTerms: number): number {
  const eps = Number.EPSILON * F64_ULPS;
  return eps * Math.abs(w) + (eps * zTerms) / Math.abs(Math.exp(w) * (1 + w)) + 1e-300;
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L3.ordering',
    paperRef: 'Lemma 3',
    statement: 'Lemma 3: for a range of α, `(w_DA − w_D)·(w_D − w_R) ≥ 0` (DA and the oracle lie on opposite sides of the original model).',
    dependsOn: ['L2.closed-form'],
    assumptions: [...SETTING_1D, 'w_DA is DA\'s local minimum (where descent from w_D ends); w_DA = −∞ where none exists', 'the main text adds "the lemma holds for α < |F|/|R|": searched for a counterexample'],
  },

  properties: [
    property({
      title: 'for all configurations and α ∈ [|F|²/(|R|(|F|+|D|)), |F|/|R|], then (w_DA − w_D)(w_D − w_R) ≥ 0',
      arbitrary: withAlphaIn((s) => th(s).alphaLow, (s) => th(s).alphaSplit),
      body: ({ cfg }) => {
        const s = solve1d(cfg, DIGITS_PROPERTY);
        ensure(s.lemma3 && s.wDA !== null && s.wDA.minus(s.wD).times(s.wD.minus(s.wR)).gte(0), () => `ordering fails at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 3000 },
    }),
    property({
      title: 'for all configurations and α ∈ (0, |F|²/(|R|(|F|+|D|))), then the ordering fails: DA lies strictly between w_D and the oracle',
      arbitrary: withAlphaIn(() => new Decimal(0), (s) => th(s).alphaLow),
      body: ({ cfg }) => {
        const s = solve1d(cfg, DIGITS_PROPERTY);
        ensure(!s.lemma3 && s.wDA !== null && s.wD.lt(s.wDA) && s.wDA.lt(s.wR), () => `expected w_D < w_DA < w_R at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 3000 },
    }),
    property({
      title: 'for all configurations with |R_j| < |R| and α ∈ (|F|/|R|, |F|/|R_j|] (cases 2 and 3), then the ordering fails: w_D > w_R and DA lies below w_R or diverges',
      arbitrary: fc.tuple(sizesRjBelowR, unit).map(([s, u]) => {
        const t = th(s);
        return config1d(s, t.alphaSplit.plus(t.alphaMax.minus(t.alphaSplit).times(1e-6 + u * (1 - 2e-6))).toSignificantDigits(30));
      }),
      body: (cfg) => {
        const s = solve1d(cfg, DIGITS_PROPERTY);
        ensure(!s.lemma3 && s.wD.gt(s.wR) && (s.wDA === null || s.wDA.lt(s.wR)), () => `expected the ordering to fail at ${reproduce1d(cfg)}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 3000 },
    }),
    property({
      title: `for all configurations and α ∈ [0, |F|/|R_j|], then the float64 solver (solve1dF64) equals the decimal one: w_D, w_R, w_DA within ${F64_ULPS}ε relative plus the rounding of z carried through W, and DA's minimum exists in both or in neither (except within 1e−12 of the fold)`,
      arbitrary: withAlphaIn(() => new Decimal(0), (s) => th(s).alphaMax),
      body: ({ s, cfg }) => {
        const d = solve1d(cfg, DIGITS_PROPERTY);
        const a = Number(cfg.alpha);
        const f = solve1dF64(s.R, s.F, s.Rj, a, s.lambda);
        const cR = s.Rj / s.R, cF = (a * s.Rj) / s.F;
        const pairs: [string, number, number | null, number][] = [
          ['w_D', f.wD, d.wD.toNumber(), ((1 + a) * s.Rj) / (s.R + s.F) / s.lambda],
          ['w_R', f.wR, d.wR.toNumber(), cR / s.lambda],
          ['w_DA', f.wDA ?? Number.NaN, d.wDA?.toNumber() ?? null, (cR + cF) / s.lambda],
        ];
        const nearFold = d.z.plus(new Decimal(-1).exp()).abs().lt(1e-12);
        for (const [name, x, y, zTerms] of pairs) {
          if (y === null) {
            ensure(f.wDA === null || nearFold, () => `${name}: the decimal solver finds no minimum, float64 gives ${x} at ${reproduce1d(cfg)}`);
            continue;
          }
          ensure(Number.isFinite(x) || nearFold, () => `${name}: float64 gives ${x}, decimal ${y} at ${reproduce1d(cfg)}`);
          if (Number.isFinite(x)) ensure(Math.abs(x - y) <= f64Bound(y, zTerms), () => `${name}: float64 ${x} vs decimal ${y} (bound ${f64Bound(y, zTerms)}) at ${reproduce1d(cfg)}`);
        }
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 300, full: 10000 },
    }),
  ],

  measure(ctx) {
    const digits = ctx.digits;
    const sets = measureSets(ctx, (s) => ({ holds: s.lemma3, value: s.wDA === null ? null : s.wDA.minus(s.wD).times(s.wD.minus(s.wR)) }));
    const tol = new Decimal(END_TOLERANCE);
    const sides = { belowLowFails: 0, aboveLowHolds: 0, belowSplitHolds: 0, aboveSplitFails: 0, splitIsSettingEnd: 0 };
    let emptySets = 0, singleInterval = 0, containsAppE = 0, evaluations = 0;
    let worstLow = new Decimal(0), worstSplit = new Decimal(0);
    const holdsAt = (m: MeasuredSet, alpha: Decimal): boolean => solveMemo(config1d(m.sizes, alpha.toSignificantDigits(digits)), digits).lemma3;
    for (const m of sets) {
      evaluations += m.evaluations;
      if (m.intervals.length === 0) {
        emptySets++;
        worstLow = worstSplit = new Decimal(Infinity);
        continue;
      }
      if (m.intervals.length === 1) singleInterval++;
      const low = new Decimal(m.alphaLow), split = new Decimal(m.alphaSplit);
      // the interval that contains (or is nearest) App. E's range: the one reaching highest below |F|/|R|·(1 + tol)
      const iv = m.intervals.find(([f, t]) => new Decimal(f).lte(split) && new Decimal(t).gte(low)) ?? m.intervals[0]!;
      const gl = relativeGap(iv[0], m.alphaLow), gs = relativeGap(iv[1], m.alphaSplit);
      if (gl.gt(worstLow)) worstLow = gl;
      if (gs.gt(worstSplit)) worstSplit = gs;
      // compared through the relative gaps: 1 ± 1e−20 is not representable at decimal.js's default 20 digits
      if ((new Decimal(iv[0]).lte(low) || gl.lte(tol)) && (new Decimal(iv[1]).gte(split) || gs.lte(tol))) containsAppE++;
      const from = new Decimal(iv[0]), to = new Decimal(iv[1]);
      if (from.gt(0) && !holdsAt(m, from.times(SIDE.neg().plus(1)))) sides.belowLowFails++;
      if (holdsAt(m, from.times(SIDE.plus(1)))) sides.aboveLowHolds++;
      if (holdsAt(m, to.times(SIDE.neg().plus(1)))) sides.belowSplitHolds++;
      if (to.gte(new Decimal(m.alphaMax))) sides.splitIsSettingEnd++;
      else if (!holdsAt(m, to.times(SIDE.plus(1)))) sides.aboveSplitFails++;
    }
    const found = shrunk1d(ctx, 'L3.ordering', (t) => [new Decimal(0), t.alphaSplit], (s) => !s.lemma3);
    const counterexample = found && {
      cfg: found.cfg,
      alphaLow: found.sol.thresholds.alphaLow.toString(),
      product: found.sol.wDA === null ? 'none' : found.sol.wDA.minus(found.sol.wD).times(found.sol.wD.minus(found.sol.wR)).toSignificantDigits(12).toString(),
      wDA: String(found.sol.wDA), wD: found.sol.wD.toString(), wR: found.sol.wR.toString(),
    };
    return {
      casesTried: evaluations, casesInScope: sets.length, digits, gridPoints: ctx.assumptions.profiles[ctx.profile].gridPoints, evaluations,
      sets, emptySets, singleInterval, containsAppE, worstGapLow: worstLow.toString(), worstGapSplit: worstSplit.toString(), sides, counterexample,
      phase: phaseMap(ctx.assumptions.profiles[ctx.profile].gridPoints),
    };
  },

  judge(e) {
    if (e.casesInScope === 0) return 'inconclusive';
    // no range of α at all, or the ordering fails inside App. E's own range: Lemma 3 as the paper states it is false
    if (e.emptySets > 0 || e.containsAppE < e.casesInScope) return 'refuted';
    // the main text's "α < |F|/|R|" survives the search: no condition is missing
    if (e.counterexample === null) return 'holds';
    // the missing condition α ≥ (measured lower end) must be located and necessary in every configuration
    return e.sides.belowLowFails === e.casesInScope && e.sides.aboveLowHolds === e.casesInScope ? 'holds-with-caveat' : 'inconclusive';
  },

  describe(e, verdict) {
    const n = e.casesInScope;
    if (n === 0) return { summary: 'No configuration was measured: the scope is empty under these assumptions.', evidence: `0 configurations measured (${e.evaluations} solves).`, counterexample: null };
    const s = e.sides;
    const gaps = `worst relative gap between a measured end and App. E's threshold: ${fmt(e.worstGapLow, 3)} at |F|²/(|R|(|F|+|D|)), ${fmt(e.worstGapSplit, 3)} at |F|/|R| (ends located to ${fmt(LOCATE_WIDTH, 1)} relative; tolerance ${END_TOLERANCE})`;
    const sideText =
      `Either side of the measured lower end (±${fmt(SIDE, 1)} relative) the ordering failed below in ${s.belowLowFails} of ${n} configurations and held above in ${s.aboveLowHolds} of ${n}; ` +
      `at the measured upper end it held just below in ${s.belowSplitHolds} of ${n} and failed just above in ${s.aboveSplitFails} of ${n - s.splitIsSettingEnd}` +
      (s.splitIsSettingEnd ? ` (in ${s.splitIsSettingEnd} the upper end is the end of the setting, |R_j| = |R|)` : '') + '.';
    const ce = e.counterexample;
    const worstGap = Decimal.max(new Decimal(e.worstGapLow), new Decimal(e.worstGapSplit));
    // the caveat is named by App. E's formulas only where the measured ends are at them
    const atAppE = worstGap.lte(END_TOLERANCE);
    const ceText = ce
      ? `The main text's "the lemma holds for α < |F|/|R|" fails: fast-check's smallest counterexample is |R| = ${ce.cfg.R}, |F| = ${ce.cfg.F}, |R_j| = ${ce.cfg.Rj}, λ = ${ce.cfg.lambda}, α = ${ce.cfg.alpha} < |F|²/(|R|(|F|+|D|)) = ${fmt(ce.alphaLow, 6)}, where the product is ${ce.product} (w_D = ${fmt(ce.wD, 8)} < w_DA = ${fmt(ce.wDA, 8)} < w_R = ${fmt(ce.wR, 8)}: DA lies between the original model and the oracle).`
      : 'No α < |F|/|R| where the ordering fails was found by fast-check\'s search.';
    const evidence =
      `In ${n} configurations α was scanned over [0, |F|/|R_j|] (${e.gridPoints} grid points, a log grid, points near each App. E threshold; ${e.evaluations} solves at ${e.digits} digits) and every change of (w_DA − w_D)(w_D − w_R) ≥ 0 located numerically. ` +
      `The set is empty in ${e.emptySets}, one interval in ${e.singleInterval}, and contains App. E's [|F|²/(|R|(|F|+|D|)), |F|/|R|] in ${e.containsAppE} of ${n}; ${gaps}. ${sideText} ${ceText} ` +
      `Per case, the ordering holds on — ${coverageText(e.sets)}.`;
    const summary = {
      holds: `The ordering holds on a range of α in all ${n} configurations, and for every α < |F|/|R| searched.`,
      'holds-with-caveat': `Holds for α ${atAppE ? '∈ [|F|²/(|R|(|F|+|D|)), |F|/|R|]' : 'between the measured ends'} (measured ends within ${fmt(worstGap, 2)} of App. E's thresholds, ${n} configurations), not for all α < |F|/|R| as the main text says: below the measured lower end it fails in ${s.belowLowFails} of ${n}.`,
      refuted: e.emptySets > 0 ? `The ordering holds for no α in ${e.emptySets} of ${n} configurations.` : `The ordering fails inside App. E's range in ${n - e.containsAppE} of ${n} configurations.`,
      inconclusive: `A counterexample below |F|/|R| exists, but the lower end of the ordering set was not shown necessary in every configuration (${s.belowLowFails} and ${s.aboveLowHolds} of ${n}).`,
    }[verdict];
    return {
      summary, evidence,
      notes: 'Ends are located by regula falsi (Illinois) on the product, with bisection where DA has no minimum (theory/alphaMap.ts); App. E\'s thresholds only seed sample points near them. The phase map is a float64 picture (solve1dF64), pinned to the decimal solver by this claim\'s fourth property.',
      counterexample: ce ? counterexample1d(ce.cfg, { claim: 'main text: "the lemma holds for α < |F|/|R|"', alphaLow: ce.alphaLow, product: ce.product, wDA: ce.wDA, wD: ce.wD, wR: ce.wR }) : null,
      data: { sets: e.sets.slice(0, 25) },
      charts: [phaseChart('L3.ordering', e.phase)],
    };
  },

  keyNumbers: (e) => ({
    casesInScope: e.casesInScope, evaluations: e.evaluations, emptySets: e.emptySets, singleInterval: e.singleInterval, containsAppE: e.containsAppE,
    worstGapLow: Number(e.worstGapLow), worstGapSplit: Number(e.worstGapSplit), ...e.sides,
  }),
};

export default claim;
