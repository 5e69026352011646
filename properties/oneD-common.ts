/**
 * What the 1-D claims (Sec. 5.1.1, App. C–G) share: the setting in words, seeded configurations
 * drawn from assumptions.setting1d (one stream per claim), and the command that reproduces a point.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { drawSizes, sizeRanges, type SizesConfig } from '../theory/sampling.ts';
import { solve1d, thresholds, type Config1d, type Solution1d, type Thresholds1d } from '../theory/logistic1d.ts';
import type { Assumptions } from '../theory/assumptions.ts';
import { config1d, DEFAULTS, sizes1d } from './arbitraries.ts';
import { claimSeed, runs } from './common.ts';
import { smallestCounterexample } from './shrink.ts';
import type { CheckContext } from './types.ts';

export const SETTING_1D = [
  'Assumptions 1–2 (semi-orthogonal data, y_i·x_ij = 1), exponential loss, ridge λ > 0',
  '|F_j| = α|R_j| ≤ |F| (so 0 ≤ α ≤ |F|/|R_j|), |R_j| ≤ |R|; configurations drawn from assumptions.setting1d',
];

/** The profile's number of configurations for claim `id`, each with its own uniform stream for α. */
export function drawClaimSizes(ctx: CheckContext, id: string, n = runs(ctx)): { sizes: SizesConfig; u: () => number }[] {
  const s1 = ctx.assumptions.setting1d;
  return drawSizes(claimSeed(ctx, id), sizeRanges(s1, s1.Rj.minFractionOfR), n);
}

export function reproduce1d(cfg: Config1d): string {
  return `ascent-verify solve1d --R ${cfg.R} --F ${cfg.F} --Rj ${cfg.Rj} --alpha ${cfg.alpha} --lambda ${cfg.lambda} --json`;
}

// ---------------------------------------------------------------- shared by the converted 1-D claims

const memo = new Map<string, Solution1d>();
/** solve1d memoised across the claims of one run (the α-sets of L3.ordering and L3.do-nothing revisit the same points). */
export function solveMemo(cfg: Config1d, digits: number): Solution1d {
  const key = `${cfg.R}|${cfg.F}|${cfg.Rj}|${cfg.alpha}|${cfg.lambda}|${digits}`;
  let s = memo.get(key);
  if (!s) {
    if (memo.size > 100_000) memo.clear();
    s = solve1d(cfg, digits);
    memo.set(key, s);
  }
  return s;
}

/** A configuration's exact inputs, what was seen there, and the command that reproduces it. */
export function counterexample1d(cfg: Config1d, extra: Record<string, unknown>): Record<string, unknown> {
  return { R: String(cfg.R), F: String(cfg.F), Rj: String(cfg.Rj), alpha: String(cfg.alpha), lambda: String(cfg.lambda), ...extra, reproduce: reproduce1d(cfg) };
}

/** The reproduce command's flags read back into a configuration (tests replay counterexamples through it). */
export function parseReproduce1d(command: string): Config1d {
  const flag = (name: string): string => {
    const m = new RegExp(`--${name} (\\S+)`).exec(command);
    if (!m) throw new Error(`reproduce command lacks --${name}: ${command}`);
    return m[1]!;
  };
  return { R: flag('R'), F: flag('F'), Rj: flag('Rj'), alpha: flag('alpha'), lambda: flag('lambda') };
}

/**
 * The shortest decimal strictly inside (lo, hi) at the point a fraction k/1000 along it (k ≥ 1), so
 * shrinking k shrinks α toward lo with few digits (design.md: short decimals for α).
 */
export function shortDecimalIn(lo: Decimal, hi: Decimal, k: number): Decimal {
  const t = lo.plus(hi.minus(lo).times(k).div(1000));
  for (let d = 1; d <= 40; d++) {
    const v = t.toSignificantDigits(d);
    if (v.gt(lo) && v.lt(hi)) return v;
  }
  return t;
}

/** A uniform integer 0..n−1 read from k ∈ [0, 10^6], monotone in k, so shrinking k shrinks it toward 0. */
const scaled = (k: number, n: number): number => Math.min(n - 1, Math.floor((k / 1_000_001) * n));

/**
 * Sizes and λ drawn inside assumptions.setting1d so that fast-check shrinks them toward the smallest
 * integers (|R| toward its minimum, |F| and |R_j| toward theirs) and λ toward a one-digit decimal
 * (m·10^e). `terminating` keeps |R| = 10^k·2^a·5^b so that |F|/|R| is a terminating decimal.
 */
export function smallSizes1d(s1: Assumptions['setting1d'], opts: { terminating?: boolean } = {}): fc.Arbitrary<SizesConfig> {
  const Rmin = Math.max(1, Math.ceil(s1.R.min)), Rmax = Math.floor(s1.R.max);
  const eMin = Math.floor(Math.log10(s1.lambda.min)), eMax = Math.ceil(Math.log10(s1.lambda.max));
  const Rarb = opts.terminating
    ? fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 })).map(([a, b]) => {
        const base = 10 ** Math.ceil(Math.log10(Rmin));
        const R = base * 2 ** a * 5 ** b;
        return R <= Rmax ? R : base;
      })
    : fc.integer({ min: Rmin, max: Rmax });
  return fc.tuple(Rarb, fc.nat(1_000_000), fc.nat(1_000_000), fc.integer({ min: 1, max: 9 }), fc.integer({ min: Math.max(eMin, -30), max: eMax })).map(([R, kF, kRj, m, e]) => {
    const fmin = s1.forgetFraction.min, fmax = s1.forgetFraction.max;
    const Fmin = Math.max(1, Math.ceil((fmin * R) / (1 - fmin)));
    const Fmax = Math.max(Fmin, Math.floor((fmax * R) / (1 - fmax)));
    const RjMin = Math.min(R, Math.max(1, Math.ceil(s1.Rj.minFractionOfR * R)));
    const lambda = Math.min(s1.lambda.max, Math.max(s1.lambda.min, Number(`${m}e${e}`)));
    return { R, F: Fmin + scaled(kF, Fmax - Fmin + 1), Rj: RjMin + scaled(kRj, R - RjMin + 1), lambda };
  });
}

/**
 * The smallest configuration fast-check's shrinking finds (properties/shrink.ts) with α a short
 * decimal in `range` (null where the range is empty for those sizes: no case there) at which `fails`.
 */
export function shrunk1d(
  ctx: Pick<CheckContext, 'assumptions' | 'seed' | 'digits'>,
  id: string,
  range: (th: Thresholds1d, s: SizesConfig) => [Decimal, Decimal] | null,
  fails: (sol: Solution1d, cfg: Config1d) => boolean,
  opts: { terminating?: boolean; alphaAt?: (th: Thresholds1d) => Decimal } = {},
): { cfg: Config1d; sol: Solution1d } | null {
  const arb = fc.tuple(smallSizes1d(ctx.assumptions.setting1d, opts), fc.integer({ min: 1, max: 999 })).map(([s, k]) => {
    const th = thresholds(config1d(s, 0), ctx.digits);
    if (opts.alphaAt) return { s, cfg: config1d(s, opts.alphaAt(th)) as Config1d | null };
    const r = range(th, s);
    return { s, cfg: r && r[1].gt(r[0]) ? config1d(s, shortDecimalIn(r[0], r[1], k)) : null };
  });
  const found = smallestCounterexample(arb, (x) => x.cfg !== null && fails(solveMemo(x.cfg, ctx.digits), x.cfg), claimSeed(ctx, id));
  return found && found.value.cfg ? { cfg: found.value.cfg, sol: solveMemo(found.value.cfg, ctx.digits) } : null;
}

export interface Vector1d {
  R: string; F: string; Rj: string; alpha: string; lambda: string;
  alphaLowFraction: string; alphaSplitFraction: string;
  alphaLow: string; alphaSplit: string; alphaFold: string; alphaMax: string;
  lemma4Bound: string; lemma5Bound: string; wD: string; wR: string; z: string; wDA: string | null;
}

/** The independent reference values (scripts/gen-logistic1d-vectors.py: fractions and mpmath). */
export function vectors1d(): Vector1d[] {
  return (JSON.parse(readFileSync(new URL('../tests/vectors/logistic1d.json', import.meta.url), 'utf8')) as { cases: Vector1d[] }).cases;
}

/** |a − b| ≤ 10^−digits·max(|b|, 1): agreement to `digits` digits with a reference string. */
export function agrees(a: Decimal, ref: string, digits = 45): boolean {
  const b = new Decimal(ref);
  return a.minus(b).abs().lte(new Decimal(10).pow(-digits).times(Decimal.max(b.abs(), 1)));
}

/** p/q from a "p/q" string at 60 digits (the exact fraction, rounded once). */
export function fractionValue(pq: string): Decimal {
  const [p, q] = pq.split('/');
  return new (Decimal.clone({ precision: 60 }))(p!).div(q!);
}

/** Sizes with |R_j| < |R| by construction, so α > |F|/|R| (cases 2 and 3) lies inside the setting. */
export const sizesRjBelowR: fc.Arbitrary<SizesConfig> = sizes1d.map((s) => ({ ...s, Rj: Math.min(s.Rj, s.R - 1) }));

/** A small quick-profile context (3 configurations, 11 grid points) for tests that run a claim's measure. */
export function smallContext(assumptions: Assumptions = DEFAULTS, runsCount = 3): CheckContext {
  return { profile: 'quick', seed: 20251126, assumptions: { ...assumptions, profiles: { ...assumptions.profiles, quick: { runs: runsCount, gridPoints: 11 } } }, digits: 50, log: () => {} };
}
