/**
 * C1.volatility (Corollary 1): as λ → 0 with α → |F|/|R|, Δ_{R,D} → 0 while Δ_{R,DA} → ∞ (the OCR
 * prints "→ 0" twice; claims.md reads ∞ for the second). Measured along five explicit paths to
 * (λ, α) → (0, |F|/|R|), λ from 1e−2 to 1e−100, at enough digits that α's rounding stays far below λ.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { decimalAt } from '../theory/lambertw.ts';
import { GUARD, solve1d, tolerance } from '../theory/logistic1d.ts';
import type { SizesConfig } from '../theory/sampling.ts';
import { config1d, sizes1d } from './arbitraries.ts';
import { fmt, runs } from './common.ts';
import { drawClaimSizes, SETTING_1D, solveMemo } from './oneD-common.ts';
import { ensure, property, type ChartSpec, type ClaimModule, type EvidenceBase } from './types.ts';

const DIGITS_PROPERTY = 30;
/** the smallest λ is 10^−MIN_EXP */
const MIN_EXP = 100;

const PATHS: { name: string; alpha: (D: typeof Decimal, s: SizesConfig, lam: Decimal) => Decimal }[] = [
  { name: 'α = |F|/|R|', alpha: (D, s) => new D(s.F).div(s.R) },
  { name: 'α = (|F|/|R|)(1 − λ)', alpha: (D, s, lam) => new D(s.F).div(s.R).times(new D(1).minus(lam)) },
  { name: 'α = (|F|/|R|)(1 − √λ)', alpha: (D, s, lam) => new D(s.F).div(s.R).times(new D(1).minus(lam.sqrt())) },
  { name: 'α = (|F|/|R|)(1 − 1/ln(1/λ))', alpha: (D, s, lam) => new D(s.F).div(s.R).times(new D(1).minus(new D(1).div(lam.ln().neg()))) },
  { name: 'α = |F|/|R| + λ|F|/(2e|R_j|) (case 2)', alpha: (D, s, lam) => new D(s.F).div(s.R).plus(lam.times(s.F).div(new D(1).exp().times(2 * s.Rj))) },
];

export interface PathResult {
  path: string;
  sizes: SizesConfig;
  lambda: string[];
  deltaRD: string[];
  deltaRDA: string[];
  toZero: boolean;
  toInfinity: boolean;
}

export interface Evidence extends EvidenceBase {
  digits: number;
  paths: PathResult[];
  failures: number;
}

const tail = <T>(xs: T[]): T[] => xs.slice(Math.floor(xs.length / 2));

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'C1.volatility',
    paperRef: 'Corollary 1',
    statement: 'Corollary 1: as `λ → 0` with `α → |F|/|R|`, `Δ_{R,D} → 0` while `Δ_{R,DA} → ∞` (the OCR prints the same symbol for both limits; the summary reads ∞ for the second).',
    dependsOn: ['L4.distance-growth', 'L5.distance-unlearning'],
    assumptions: [...SETTING_1D, 'joint limits checked along five explicit paths, from both sides of |F|/|R|'],
  },

  properties: [
    property({
      title: 'for all configurations, at α = |F|/|R| and λ = 10^−k (k ∈ [20, 80]), then Δ_{R,D} ≈ 0 while Δ_{R,DA} = w_R > ln(1/λ)/2',
      arbitrary: fc.tuple(sizes1d, fc.integer({ min: 20, max: 80 })),
      body: ([s, k]) => {
        const digits = DIGITS_PROPERTY + k + 10; // α = |F|/|R| is rounded; keep its error far below λ
        const alpha = new Decimal(s.F).div(s.R).toSignificantDigits(digits);
        const sol = solve1d({ ...config1d(s, alpha), lambda: `1e-${k}` }, digits);
        ensure(sol.deltaRD.lt(1e-15), () => `Δ_RD = ${sol.deltaRD} at λ = 1e-${k}`);
        ensure(sol.deltaRDA.gt((k * Math.log(10)) / 2), () => `Δ_RDA = ${sol.deltaRDA} ≤ ln(1/λ)/2 at λ = 1e-${k}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 40, full: 1000 },
    }),
  ],

  measure(ctx) {
    // α on a path is rounded to the working precision, which moves z by ~10^−digits/λ: carry enough
    // digits that this stays far below the values compared, down to the smallest λ used
    const digits = ctx.digits + MIN_EXP + 10;
    const D = decimalAt(digits + GUARD);
    const lambdas = Array.from({ length: 10 }, (_, k) => new D(10).pow(-(2 + Math.round((k * (MIN_EXP - 2)) / 9))));
    const noise = tolerance(digits).times(1e6);
    const paths: PathResult[] = [];
    for (const { sizes } of drawClaimSizes(ctx, 'C1.volatility', Math.max(1, Math.ceil(runs(ctx) / 30)))) {
      for (const p of PATHS) {
        const rd: Decimal[] = [], rda: Decimal[] = [];
        for (const lam of lambdas) {
          const s = solveMemo({ ...config1d(sizes, p.alpha(D, sizes, lam).toSignificantDigits(digits)), lambda: lam.toString() }, digits);
          rd.push(s.deltaRD);
          rda.push(s.deltaRDA);
        }
        const last = rd[rd.length - 1]!;
        const floor = noise.times(Decimal.max(...rda.filter((x) => x.isFinite()), 1));
        // → 0: non-increasing (up to the noise floor) over the second half, and the last ≤ a quarter of the largest or at the floor;
        // → ∞: strictly increasing over the second half, and the last at least twice the first
        const toZero = tail(rd).every((x, i, a) => i === 0 || x.lte(a[i - 1]!.plus(floor))) && (last.lte(Decimal.max(...rd).div(4)) || last.lte(floor));
        const toInfinity = tail(rda).every((x, i, a) => i === 0 || x.gt(a[i - 1]!)) && rda[rda.length - 1]!.gte(rda[0]!.times(2));
        paths.push({ path: p.name, sizes, lambda: lambdas.map(String), deltaRD: rd.map((x) => fmt(x, 12)), deltaRDA: rda.map((x) => fmt(x, 12)), toZero, toInfinity });
      }
    }
    return { casesTried: paths.length, casesInScope: paths.length, digits, paths, failures: paths.filter((p) => !(p.toZero && p.toInfinity)).length };
  },

  judge(e) {
    if (e.casesInScope === 0) return 'inconclusive';
    return e.failures > 0 ? 'refuted' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'Corollary 1 already names its condition (α → |F|/|R| jointly with λ → 0); the paths cover both sides of |F|/|R|, and a path without the limits refutes it.' },

  describe(e, verdict) {
    const n = e.casesInScope;
    if (n === 0) return { summary: 'No path was measured: the scope is empty under these assumptions.', evidence: '0 paths measured.', counterexample: null };
    const firstCfg = e.paths.slice(0, PATHS.length);
    const ends = firstCfg.map((p) => `${p.path}: Δ_{R,D} ${fmt(p.deltaRD[0]!, 6)} → ${fmt(p.deltaRD[p.deltaRD.length - 1]!, 6)}, Δ_{R,DA} ${fmt(p.deltaRDA[0]!, 6)} → ${fmt(p.deltaRDA[p.deltaRDA.length - 1]!, 6)}`);
    const bad = e.paths.filter((p) => !(p.toZero && p.toInfinity));
    const zeroOk = e.paths.filter((p) => p.toZero).length, infOk = e.paths.filter((p) => p.toInfinity).length;
    const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd'];
    const pts = (xs: string[], ys: string[]): [number, number][] => xs.map((x, i) => [Number(x), Number(ys[i])] as [number, number]).filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(y));
    const charts: ChartSpec[] = [
      {
        id: 'C1.volatility-delta-R-DA', title: 'Corollary 1: Δ_{R,DA} = |w_R − w_DA| as λ → 0, α → |F|/|R|', xLabel: 'ridge λ', yLabel: 'Δ_{R,DA}', xLog: true,
        series: firstCfg.map((s, i) => ({ label: s.path, kind: 'line' as const, color: colors[i % colors.length]!, points: pts(s.lambda, s.deltaRDA) })),
        caption: `One configuration, ${firstCfg.length} paths; Δ_{R,DA} grew on ${firstCfg.filter((p) => p.toInfinity).length} of them.`,
      },
      {
        id: 'C1.volatility-delta-R-D', title: 'Corollary 1: Δ_{R,D} = |w_D − w_R| as λ → 0, α → |F|/|R|', xLabel: 'ridge λ', yLabel: 'Δ_{R,D}', xLog: true, yLog: true,
        // on α = |F|/|R| exactly, Δ_{R,D} is 0 up to rounding: not drawn
        series: firstCfg.slice(1).map((s, i) => ({ label: s.path, kind: 'line' as const, color: colors[(i + 1) % colors.length]!, points: pts(s.lambda, s.deltaRD) })),
        caption: `Same configuration; Δ_{R,D} vanished on ${firstCfg.filter((p) => p.toZero).length} of ${firstCfg.length} paths (the path α = |F|/|R| is at rounding level and not drawn).`,
      },
    ];
    return {
      summary: verdict === 'refuted' ? `${bad.length} of ${n} paths do not show the limits.` : `Δ_{R,D} → 0 and Δ_{R,DA} → ∞ on all ${n} paths (reading the OCR's second "→ 0" as ∞, which is what every path shows).`,
      evidence:
        `Along ${PATHS.length} paths to (λ, α) → (0, |F|/|R|), λ from 1e−2 to 1e−${MIN_EXP} at ${e.digits} digits, in ${n / PATHS.length} configuration(s): Δ_{R,D} → 0 on ${zeroOk} of ${n} paths and Δ_{R,DA} → ∞ on ${infOk} of ${n}` +
        (bad.length ? ` (failing: ${[...new Set(bad.map((p) => p.path))].join(', ')})` : '') + `. First configuration — ${ends.join('; ')}. ` +
        `The OCR's literal "Δ_{R,DA} → 0" is contradicted on ${infOk} of ${n} paths.`,
      notes: 'Criteria: "→ 0" = non-increasing over the second half of the λ-sequence (up to the working-precision noise floor) and the last value at most a quarter of the largest, or at the floor; "→ ∞" = strictly increasing over the second half and the last at least twice the first.',
      counterexample: bad[0] ? { ...config1d(bad[0].sizes, 0), alpha: bad[0].path, path: bad[0].path, lambdas: bad[0].lambda, deltaRD: bad[0].deltaRD, deltaRDA: bad[0].deltaRDA } : null,
      data: { series: firstCfg },
      charts,
    };
  },

  keyNumbers: (e) => ({
    casesTried: e.casesTried, casesInScope: e.casesInScope, failures: e.failures, toZero: e.paths.filter((p) => p.toZero).length, toInfinity: e.paths.filter((p) => p.toInfinity).length,
    // the last Δ_{R,DA} on each path of the first configuration: grows like ln(1/λ), so a wrong bound or path moves it
    ...Object.fromEntries(e.paths.slice(0, PATHS.length).map((p, i) => [`lastDeltaRDA${i}`, Number(p.deltaRDA[p.deltaRDA.length - 1])])),
  }),
};

export default claim;
