/**
 * The α-sets of L3.ordering and L3.do-nothing: per drawn configuration, where in α ∈ [0, |F|/|R_j|]
 * a condition holds, with every end located numerically (theory/alphaMap.ts), never taken from a
 * formula; and the float64 phase map both claims draw. One stream ('L3.alpha-maps') so both claims
 * measure the same configurations and share solves through solveMemo.
 */
import { Decimal } from 'decimal.js';
import { mapAlpha, type Signed } from '../theory/alphaMap.ts';
import { daPlacement, solve1dF64, thresholds, type DaPlacement, type Solution1d, type Thresholds1d } from '../theory/logistic1d.ts';
import type { SizesConfig } from '../theory/sampling.ts';
import { config1d } from './arbitraries.ts';
import { runs } from './common.ts';
import { drawClaimSizes, solveMemo } from './oneD-common.ts';
import type { ChartSeries, ChartSpec, CheckContext } from './types.ts';

/** Bisection/regula-falsi width of each located end, relative to its magnitude. */
export const LOCATE_WIDTH = new Decimal('1e-30');

export interface MeasuredSet {
  sizes: SizesConfig;
  /** App. E's thresholds at this configuration (decimal strings), for comparison only */
  alphaLow: string;
  alphaSplit: string;
  alphaFold: string;
  alphaMax: string;
  /** the measured set: closed intervals [from, to] (decimal strings) */
  intervals: [string, string][];
  evaluations: number;
}

/**
 * The sample points: the profile's linear grid on [0, |F|/|R_j|], a logarithmic grid down to
 * 10^−6·|F|/|R_j| (a narrow set near 0 is not missed), and points 3% and 50% either side of each
 * App. E threshold so that a set ending near one is bracketed. The ends themselves are located by
 * the sign changes between these points, wherever they are.
 */
export function samplePoints(th: Thresholds1d, gridPoints: number): Decimal[] {
  const max = th.alphaMax;
  const pts: Decimal[] = [];
  for (let i = 0; i < gridPoints; i++) pts.push(max.times(i).div(gridPoints - 1));
  for (let i = 0; i <= 12; i++) pts.push(max.times(new Decimal(10).pow(-6 + i / 2)));
  for (const p of [th.alphaLow, th.alphaSplit, th.alphaFold]) for (const f of ['0.5', '0.97', '1.03', '1.5']) pts.push(p.times(f));
  return pts.filter((x) => x.gte(0) && x.lte(max)).map((x) => x.toSignificantDigits(30));
}

/** The set where `signed` holds, for each of the claim's configurations (a third of the profile's runs). */
export function measureSets(ctx: CheckContext, signed: (s: Solution1d) => Signed): MeasuredSet[] {
  const n = Math.max(1, Math.ceil(runs(ctx) / 3));
  const gridPoints = ctx.assumptions.profiles[ctx.profile].gridPoints;
  return drawClaimSizes(ctx, 'L3.alpha-maps', n).map(({ sizes }) => {
    const th = thresholds(config1d(sizes, 0), ctx.digits);
    const at = (alpha: Decimal): Signed => signed(solveMemo(config1d(sizes, alpha.toSignificantDigits(ctx.digits)), ctx.digits));
    const set = mapAlpha(at, samplePoints(th, gridPoints), LOCATE_WIDTH);
    return {
      sizes,
      alphaLow: th.alphaLow.toString(), alphaSplit: th.alphaSplit.toString(), alphaFold: th.alphaFold.toString(), alphaMax: th.alphaMax.toString(),
      intervals: set.intervals.map((iv) => [iv.from.toString(), iv.to.toString()] as [string, string]),
      evaluations: set.evaluations,
    };
  });
}

/** |measured − predicted| / predicted; +∞ when there is nothing measured. */
export function relativeGap(measured: string | undefined, predicted: string): Decimal {
  if (measured === undefined) return new Decimal(Infinity);
  const p = new Decimal(predicted);
  return new Decimal(measured).minus(p).abs().div(p);
}

/** Fraction of each App. E case's α-length (inside [0, |F|/|R_j|]) that the measured set covers. */
export function caseCoverage(m: MeasuredSet): Record<'case1' | 'case2' | 'case3', number | null> {
  const clip = (lo: Decimal, hi0: Decimal): number | null => {
    const hi = Decimal.min(hi0, new Decimal(m.alphaMax));
    if (!hi.gt(lo)) return null;
    let covered = new Decimal(0);
    for (const [f, t] of m.intervals) {
      const a = Decimal.max(new Decimal(f), lo), b = Decimal.min(new Decimal(t), hi);
      if (b.gt(a)) covered = covered.plus(b.minus(a));
    }
    return covered.div(hi.minus(lo)).toNumber();
  };
  return { case1: clip(new Decimal(0), new Decimal(m.alphaSplit)), case2: clip(new Decimal(m.alphaSplit), new Decimal(m.alphaFold)), case3: clip(new Decimal(m.alphaFold), new Decimal(m.alphaMax)) };
}

export function coverageText(sets: MeasuredSet[]): string {
  const parts: string[] = [];
  for (const k of ['case1', 'case2', 'case3'] as const) {
    const xs = sets.map((m) => caseCoverage(m)[k]).filter((x): x is number => x !== null);
    if (!xs.length) continue;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    parts.push(`${k.replace('case', 'case ')}: ${(100 * mean).toFixed(1)}% of its α-length on average (min ${(100 * Math.min(...xs)).toFixed(1)}%, max ${(100 * Math.max(...xs)).toFixed(1)}%, ${xs.length} configurations)`);
  }
  return parts.join('; ');
}

// ---------------------------------------------------------------- the phase map (a picture, float64)

/** The configuration the 1-D phase map is drawn for: case 3 is reachable (λ < e(1 − |R_j|/|R|)). */
const PHASE_CONFIG = { R: 1000, F: 100, Rj: 20 };

export interface PhaseMap {
  R: number;
  F: number;
  Rj: number;
  /** (α, λ) points by where DA's solution sits */
  points: Partial<Record<DaPlacement, [number, number][]>>;
}

/** Where DA's solution sits over a log grid of (α, λ), from the float64 closed forms (solve1dF64). */
export function phaseMap(points: number): PhaseMap {
  const { R, F, Rj } = PHASE_CONFIG;
  const alphaMax = F / Rj;
  const out: PhaseMap['points'] = {};
  const nA = Math.max(40, points * 2), nL = Math.max(30, points);
  for (let i = 0; i < nA; i++) {
    const alpha = 1e-4 * Math.pow(alphaMax / 1e-4, i / (nA - 1));
    for (let k = 0; k < nL; k++) {
      const lambda = 1e-3 * Math.pow(1e4, k / (nL - 1));
      const s = solve1dF64(R, F, Rj, alpha, lambda);
      (out[daPlacement(s.wD, s.wR, s.wDA)] ??= []).push([alpha, lambda]);
    }
  }
  return { R, F, Rj, points: out };
}

const PLACEMENT_STYLE: Record<DaPlacement, { label: string; color: string }> = {
  opposite: { label: 'DA on the far side of w_D from the oracle (Lemma 3)', color: '#d62728' },
  towards: { label: 'DA between w_D and the oracle (closer)', color: '#2ca02c' },
  'overshoot-closer': { label: 'DA overshoots the oracle but is closer', color: '#98df8a' },
  'overshoot-farther': { label: 'DA overshoots the oracle and is farther', color: '#ff7f0e' },
  'no-minimum': { label: 'DA has no minimum (diverges)', color: '#7f7f7f' },
};

export function phaseChart(id: string, m: PhaseMap): ChartSpec {
  const { R, F, Rj } = m;
  const series: ChartSeries[] = (Object.entries(m.points) as [DaPlacement, [number, number][]][]).map(([p, pts]) => ({ label: `${PLACEMENT_STYLE[p].label} (${pts.length})`, color: PLACEMENT_STYLE[p].color, points: pts, kind: 'scatter', square: true, pointSize: 5 }));
  const lambdas = Array.from({ length: 50 }, (_, k) => 1e-3 * Math.pow(1e4, k / 49));
  series.push({ label: 'α = |F|²/(|R|(|F|+|D|))', kind: 'line', color: '#000000', dashed: true, points: lambdas.map((l) => [(F * F) / (R * (F + R + F)), l]) });
  series.push({ label: 'α = |F|/|R|', kind: 'line', color: '#1f77b4', points: lambdas.map((l) => [F / R, l]) });
  series.push({ label: 'fold α = |F|/|R| + λ|F|/(e|R_j|)', kind: 'line', color: '#9467bd', points: lambdas.map((l) => [F / R + (l * F) / (Math.E * Rj), l] as [number, number]).filter(([a]) => a <= F / Rj) });
  const count = (p: DaPlacement): number => m.points[p]?.length ?? 0;
  return {
    id: `${id}-phase-map`,
    title: `Where DA's solution sits, |R| = ${R}, |F| = ${F}, |R_j| = ${Rj}`,
    xLabel: 'α = |F_j|/|R_j|', yLabel: 'ridge λ', xLog: true, yLog: true, series,
    caption: `Each square is one (α, λ); colour = position of DA's local minimum relative to the original model w_D and the oracle w_R (float64 closed forms). Of ${Object.values(m.points).reduce((s, p) => s + p.length, 0)} points, ${count('opposite')} have Lemma 3's ordering, ${count('towards') + count('overshoot-closer')} have DA closer to the oracle than the original model, ${count('no-minimum')} have no DA minimum.`,
  };
}
