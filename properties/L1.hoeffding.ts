/**
 * L1.hoeffding (Lemma 1, App. B): for a forget set F of size n drawn at random and a fixed model
 * with population accuracy p, P(|Acc_F − p| ≥ ε) ≤ 2·exp(−2nε²).
 * Measured exactly (theory/hoeffding.ts: binomial tails for F drawn with replacement, hypergeometric
 * without, boundary atoms decided in rational arithmetic) on the grid of assumptions.hoeffding, and by
 * Monte-Carlo on random forget sets with Wilson intervals. Tightness, where the proof is tight: for
 * the worst-case population p = 1/2 at large t = ε√n, the exponent ratio ρ = ln(2/tail)/(nε²) tends
 * to 2 from above (Mills' ratio: ρ = 2 + ln(2t√(2π))/t² + o(1/t²)), so no larger constant than 2
 * holds; ρ is measured from the exact tails alone and reported beside tail/bound.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { binomialPmf, hoeffdingBound, hypergeometricPmf, normalQuantile, twoSidedTail, wilsonInterval } from '../theory/hoeffding.ts';
import { decimalAt } from '../theory/lambertw.ts';
import { seededUniform } from '../theory/sampling.ts';
import { claimSeed, fmt } from './common.ts';
import { smallestCounterexample } from './shrink.ts';
import { ensure, property, type ChartSpec, type CheckContext, type ClaimModule, type EvidenceBase } from './types.ts';

const ID = 'L1.hoeffding';
/** Population accuracies at every |F|: 1/2 is where Hoeffding's bound is tightest for the binomial. */
const ACCURACIES = ['0.5', '0.7', '0.9', '0.99'];
/** Up to this |F| the accuracy is also scanned on a fine grid (discreteness moves the worst p off 1/2). */
const FINE_SCAN_MAX_N = 1000;
/** The tightness ladder: p = 1/2 at n = 10,000 and t = ε√n = 2..8. */
const TIGHT_N = 10000;
const TIGHT_EPS = ['0.02', '0.03', '0.04', '0.05', '0.06', '0.08'];

/**
 * The fine accuracy grid: step 1/m with m ≥ gridPoints − 1 of the form 2^a·5^b, so every p is a
 * terminating decimal and every M = p·N an exact count where N allows (capped at 200 steps).
 */
function fineAccuracies(gridPoints: number): string[] {
  const want = Math.min(Math.max(gridPoints - 1, 4), 200);
  let m = Infinity;
  for (let a = 1; a <= 2 ** 12; a *= 2) for (let b = 1; b <= 5 ** 6; b *= 5) if (a * b >= want && a * b < m) m = a * b;
  return Array.from({ length: m - 1 }, (_, i) => new Decimal(i + 1).div(m).toString());
}

export interface GridCase {
  kind: 'binomial' | 'hypergeometric';
  n: number;
  /** p as a decimal (binomial) or M/N (hypergeometric) */
  p: string;
  eps: number;
  /** exact tail and the bound, decimal strings (they underflow float64) */
  tail: string;
  bound: string;
}

export interface Exponent {
  n: number;
  eps: string;
  t: number;
  /** ln(2/tail)/(nε²) from the exact binomial tail at p = 1/2 */
  rho: number;
}

export interface MonteCarlo {
  cases: number;
  draws: number;
  p: string;
  outside95: number;
  outsideCorrected: number;
  /** records where the bound lay below an interval's lower end */
  boundBelow: { n: number; eps: number; estimate: number; interval: [number, number]; bound: number }[];
}

export interface Evidence extends EvidenceBase {
  digits: number;
  Fsizes: number[];
  epsGrid: number[];
  populationSize: number;
  fine: string[];
  /** every grid case where tail > bound, and the tightest (largest tail/bound) where the bound is below 1 */
  violations: GridCase[];
  tightest: (GridCase & { ratio: number }) | null;
  largestRatio: (GridCase & { ratio: number }) | null;
  exponents: Exponent[];
  /** tail/bound at the largest t of the ladder (where the proof's constant is tight) */
  ratioAtLargestT: number;
  monteCarlo: MonteCarlo;
  curves: { eps: number; exact: [number, number][]; hyper: [number, number][]; bound: [number, number][] }[];
  shrunk: { n: number; p: string; eps: string; tail: string; bound: string; seed: number; path: string } | null;
  seed: number;
  profile: string;
}

/** A planted error (test seam): the bound's constant (2 in Lemma 1) replaced by `exponent`. */
export interface Plant {
  exponent?: number;
}

/** 2·exp(−k·nε²) with k = 2 (Lemma 1) unless planted otherwise: theory's hoeffdingBound at n·k/2. */
const boundWith = (plant: Plant, n: number, eps: Decimal.Value, digits: number): Decimal => hoeffdingBound((n * (plant.exponent ?? 2)) / 2, eps, digits);

/** Random forget sets without replacement (partial Fisher–Yates), the tail estimated with Wilson intervals. */
function monteCarlo(ctx: CheckContext, plant: Plant): MonteCarlo {
  const h = ctx.assumptions.hoeffding;
  const N = h.populationSize;
  const p = '0.7';
  const M = Math.round(Number(p) * N);
  const draws = ctx.profile === 'quick' ? Math.min(h.monteCarloDraws, 3000) : h.monteCarloDraws;
  const sizes = h.Fsizes.filter((n) => n <= N && (ctx.profile === 'full' || n <= 1000));
  const u = seededUniform(claimSeed(ctx, ID));
  const perm = new Int32Array(N);
  const cases = sizes.length * h.eps.length;
  const out: MonteCarlo = { cases, draws, p, outside95: 0, outsideCorrected: 0, boundBelow: [] };
  if (!cases) return out;
  const z95 = normalQuantile(0.975), zCorr = normalQuantile(1 - 0.025 / cases);
  for (const n of sizes) {
    ctx.log(`  ${ID}: Monte-Carlo, |F| = ${n}`);
    const hits = new Array<number>(h.eps.length).fill(0);
    const thresholds = h.eps.map((eps) => new Decimal(eps).times(n).times(N).ceil().toNumber());
    for (let i = 0; i < N; i++) perm[i] = i;
    for (let d = 0; d < draws; d++) {
      let correct = 0;
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(u() * (N - i));
        const t = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = t;
        if (perm[i]! < M) correct++;
      }
      // |correct/n − M/N| ≥ ε ⇔ |correct·N − n·M| ≥ ⌈ε·n·N⌉ (an integer on the left, the threshold exact)
      for (let e = 0; e < h.eps.length; e++) if (Math.abs(correct * N - n * M) >= thresholds[e]!) hits[e]!++;
    }
    const hyper = hypergeometricPmf(N, M, n, 30);
    for (let e = 0; e < h.eps.length; e++) {
      const eps = h.eps[e]!;
      const exact = twoSidedTail(hyper.pmf, hyper.kMin, n, { num: M, den: N }, eps, 30).toNumber();
      const bound = boundWith(plant, n, eps, 20).toNumber();
      const [lo95, hi95] = wilsonInterval(hits[e]!, draws, z95);
      const [lo, hi] = wilsonInterval(hits[e]!, draws, zCorr);
      // written so that a NaN (exact or bound) counts against the claim, never for it
      if (!(exact >= lo95 && exact <= hi95)) out.outside95++;
      if (!(exact >= lo && exact <= hi)) out.outsideCorrected++;
      if (!(bound >= lo)) out.boundBelow.push({ n, eps, estimate: hits[e]! / draws, interval: [lo, hi], bound });
    }
  }
  return out;
}

/** Small cases for the shrunk counterexample: n shrinks toward 1, p = k/100 and ε = j/100 toward short decimals. */
const smallCase = fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 40 })).map(([n, k, j]) => ({ n, p: new Decimal(k).div(100).toString(), eps: new Decimal(j).div(100).toString() }));

export function measureWith(ctx: CheckContext, plant: Plant = {}): Evidence {
  const h = ctx.assumptions.hoeffding;
  const digits = Math.min(ctx.digits, 40); // probabilities: 40 digits are far beyond any question asked of them
  const fine = fineAccuracies(ctx.assumptions.profiles[ctx.profile].gridPoints);
  let tried = 0;
  const violations: GridCase[] = [];
  let tightest: Evidence['tightest'] = null, largestRatio: Evidence['largestRatio'] = null;
  const curves = new Map<number, Evidence['curves'][number]>();
  for (const n of h.Fsizes) {
    ctx.log(`  ${ID}: exact tails for |F| = ${n}`);
    const ps = n <= FINE_SCAN_MAX_N ? [...new Set([...ACCURACIES, ...fine])] : ACCURACIES;
    for (const p of ps) {
      const bin = binomialPmf(n, p, digits);
      const N = h.populationSize;
      const M = Math.round(Number(p) * N);
      const hyper = n <= N ? hypergeometricPmf(N, M, n, digits) : null;
      for (const eps of h.eps) {
        tried++;
        const bound = boundWith(plant, n, eps, digits);
        const tailBin = twoSidedTail(bin, 0, n, p, eps, digits);
        // without replacement the accuracy is the data set's, M/N, exactly
        const tailHyp = hyper ? twoSidedTail(hyper.pmf, hyper.kMin, n, { num: M, den: N }, eps, digits) : null;
        for (const [kind, tail] of [['binomial', tailBin], ['hypergeometric', tailHyp]] as const) {
          if (tail === null) continue;
          const c: GridCase = { kind, n, p: kind === 'hypergeometric' ? `${M}/${N}` : p, eps, tail: tail.toString(), bound: bound.toString() };
          if (!tail.lte(bound)) violations.push(c); // a NaN tail or bound is a violation, not a pass
          const ratio = tail.div(bound).toNumber();
          if (largestRatio === null || ratio > largestRatio.ratio) largestRatio = { ...c, ratio };
          // tightness is only informative where the bound says something (below 1)
          if (bound.lt(1) && (tightest === null || ratio > tightest.ratio)) tightest = { ...c, ratio };
        }
        if (p === '0.5') {
          if (!curves.has(eps)) curves.set(eps, { eps, exact: [], hyper: [], bound: [] });
          const c = curves.get(eps)!;
          c.exact.push([n, tailBin.toNumber()]);
          if (tailHyp) c.hyper.push([n, tailHyp.toNumber()]);
          c.bound.push([n, bound.toNumber()]);
        }
      }
    }
  }
  // the tightness ladder: the exponent ratio from the exact tail alone, and tail/bound at the largest t
  const D = decimalAt(digits + 10);
  const half = binomialPmf(TIGHT_N, '0.5', digits);
  const exponents: Exponent[] = [];
  let ratioAtLargestT = 0;
  if (tried > 0) {
    for (const eps of TIGHT_EPS) {
      const tail = twoSidedTail(half, 0, TIGHT_N, '0.5', eps, digits);
      const e2 = new D(eps).pow(2).times(TIGHT_N);
      exponents.push({ n: TIGHT_N, eps, t: Number(eps) * Math.sqrt(TIGHT_N), rho: new D(2).div(tail).ln().div(e2).toNumber() });
      ratioAtLargestT = tail.div(boundWith(plant, TIGHT_N, eps, digits)).toNumber();
    }
  }
  const mc = monteCarlo(ctx, plant);
  let shrunk: Evidence['shrunk'] = null;
  if (violations.length || mc.boundBelow.length) {
    const tailOf = (x: { n: number; p: string; eps: string }): Decimal => twoSidedTail(binomialPmf(x.n, x.p, 30), 0, x.n, x.p, x.eps, 30);
    const r = smallestCounterexample(smallCase, (x) => tailOf(x).gt(boundWith(plant, x.n, x.eps, 30)), claimSeed(ctx, ID), 200);
    if (r) shrunk = { ...r.value, tail: tailOf(r.value).toString(), bound: boundWith(plant, r.value.n, r.value.eps, 30).toString(), seed: r.seed, path: r.path };
  }
  return {
    casesTried: tried + mc.cases, casesInScope: tried + mc.cases, digits, Fsizes: [...h.Fsizes], epsGrid: [...h.eps], populationSize: h.populationSize, fine,
    violations, tightest, largestRatio, exponents, ratioAtLargestT, monteCarlo: mc, curves: [...curves.values()], shrunk, seed: ctx.seed, profile: ctx.profile,
  };
}

/** Exact binomial tails for the properties: n, p = k/100, ε = j/100. */
const tailAt = (n: number, p: Decimal.Value, eps: Decimal.Value): Decimal => twoSidedTail(binomialPmf(n, p, 30), 0, n, p, eps, 30);

/**
 * twoSidedTail at n, p = P/10^d and ε = E/10^m against the tail summed over the k that satisfy
 * |k·10^d − n·P|·10^m ≥ E·n·10^d in BigInt (the boundary decided without any rounding).
 */
function tailMatchesIntegerCount(n: number, P: bigint, d: number, E: bigint, m: number, asDecimal: boolean): 'asserted' {
  const D = decimalAt(60), scale = 10n ** BigInt(d);
  const p = new D(P.toString()).div(scale.toString()), eps = new D(E.toString()).div((10n ** BigInt(m)).toString());
  const pmf = binomialPmf(n, p, 30);
  // summed at the working precision of twoSidedTail (30 + 10 digits), in the same order
  let brute = new (decimalAt(40))(0);
  const nb = BigInt(n);
  for (let k = 0; k <= n; k++) {
    const gap = BigInt(k) * scale - nb * P;
    if ((gap < 0n ? -gap : gap) * 10n ** BigInt(m) >= E * nb * scale) brute = brute.plus(pmf[k]!);
  }
  const tail = twoSidedTail(pmf, 0, n, asDecimal ? p : p.toFixed(), eps, 30);
  ensure(tail.eq(brute), () => `tail at n = ${n}, p = ${p.toFixed()}, ε = ${eps.toFixed()} is ${tail}, the integer count gives ${brute}`);
  return 'asserted';
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: ID,
    paperRef: 'Lemma 1, App. B',
    statement: 'For F drawn uniformly at random from the data and a fixed model, `P(|Acc_T − Acc_F| ≥ ε) ≤ 2·exp(−2|F|ε²)` (test accuracy = population accuracy).',
    dependsOn: [],
    assumptions: ['a fixed model with population accuracy p', 'F drawn with replacement (binomial) or without replacement from a finite data set (hypergeometric)', 'grids from assumptions.hoeffding'],
  },

  properties: [
    property({
      title: 'for all n ≤ 600, p = k/100 and ε = j/100, then the exact tails with and without replacement (N = 2000) lie below 2·exp(−2nε²)',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 40 })),
      body: ([n, pc, ec]) => {
        const p = new Decimal(pc).div(100), eps = new Decimal(ec).div(100);
        const bound = hoeffdingBound(n, eps, 30);
        ensure(tailAt(n, p, eps).lte(bound), () => `binomial tail above the bound at n = ${n}, p = ${p}, ε = ${eps}`);
        const N = 2000, M = pc * 20;
        const hy = hypergeometricPmf(N, M, n, 30);
        ensure(twoSidedTail(hy.pmf, hy.kMin, n, { num: M, den: N }, eps, 30).lte(bound), () => `hypergeometric tail above the bound at n = ${n}, M/N = ${M}/${N}, ε = ${eps}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 40, full: 1000 },
    }),
    property({
      title: 'for all n ∈ [1, 10⁵] and ε ∈ (0, 1), then hoeffdingBound is the formula 2·exp(−2nε²) (float64, independently written) to 1e−12 where it is above 1e−300',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 1, max: 999 })),
      body: ([n, j]) => {
        const eps = j / 1000;
        const f = 2 * Math.exp(-2 * n * eps * eps);
        if (!(f > 1e-300)) return 'out-of-scope';
        const b = hoeffdingBound(n, new Decimal(j).div(1000), 30).toNumber();
        ensure(Math.abs(b - f) <= 1e-12 * f, () => `hoeffdingBound(${n}, ${eps}) = ${b}, 2·exp(−2nε²) = ${f}`);
        return 'asserted';
      },
      floor: 0.3,
      runs: { quick: 100, full: 2000 },
    }),
    property({
      title: 'for all n ∈ [1000, 10000] and t = ε√n ∈ [4, 7] (ε to 3 decimals), p = 1/2, then the exact tail exceeds 2·exp(−2.3·nε²): a bound with exponent 2(1 + 0.15) fails, so Lemma 1\'s constant 2 is nearly tight there',
      arbitrary: fc.tuple(fc.integer({ min: 1000, max: 10000 }), fc.integer({ min: 40, max: 70 })),
      body: ([n, t10]) => {
        const eps = new Decimal(t10 / 10).div(Math.sqrt(n)).toDecimalPlaces(3);
        const tail = tailAt(n, '0.5', eps);
        const D = decimalAt(40);
        const strong = new D(2).times(new D(eps).pow(2).times(-2.3 * n).exp());
        ensure(tail.gt(strong), () => `tail ${tail} ≤ 2·exp(−2.3nε²) = ${strong} at n = ${n}, ε = ${eps}`);
        ensure(tail.lte(hoeffdingBound(n, eps, 30)), () => `tail above the bound at n = ${n}, ε = ${eps}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 8, full: 100 },
    }),
    property({
      title: 'for all n ≤ 2000 and p = k/1000, then the binomial pmf sums to 1',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 1000 })),
      body: ([n, k]) => {
        const pmf = binomialPmf(n, new Decimal(k).div(1000), 30);
        ensure(pmf.length === n + 1, () => `the pmf of Bin(${n}, ${k / 1000}) has ${pmf.length} entries, not n + 1`);
        const s = pmf.reduce((a, b) => a.plus(b), new (decimalAt(40))(0));
        ensure(s.minus(1).abs().toNumber() < 1e-25, () => `the pmf of Bin(${n}, ${k / 1000}) sums to ${s}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 30, full: 500 },
    }),
    property({
      title: 'for all small populations N ≤ 40, then the hypergeometric pmf equals C(M,k)C(N−M,n−k)/C(N,n) in exact integers',
      arbitrary: fc.integer({ min: 1, max: 40 }).chain((N) => fc.tuple(fc.constant(N), fc.integer({ min: 0, max: N }), fc.integer({ min: 1, max: N }))),
      body: ([N, M, n]) => {
        const choose = (a: number, b: number): bigint => {
          let r = 1n;
          for (let i = 0; i < b; i++) r = (r * BigInt(a - i)) / BigInt(i + 1);
          return r;
        };
        const { kMin, pmf } = hypergeometricPmf(N, M, n, 30);
        const total = choose(N, n);
        pmf.forEach((v, i) => {
          const k = kMin + i;
          const exact = new (decimalAt(40))((choose(M, k) * choose(N - M, n - k)).toString()).div(total.toString());
          ensure(v.minus(exact).abs().toNumber() < 1e-25, () => `pmf(${k}) of Hypergeom(${N}, ${M}, ${n}) is ${v}, exactly ${exact}`);
        });
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 60, full: 1000 },
    }),
    property({
      title: 'for all n, rational p = num/den and ε = e/100, then the tail counts exactly the k with |k·den − n·num|·100 ≥ e·n·den (integer arithmetic)',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 2, max: 60 }).chain((den) => fc.tuple(fc.constant(den), fc.integer({ min: 1, max: den - 1 }))), fc.integer({ min: 0, max: 60 })),
      body: ([n, [den, num], e]) => {
        const D = decimalAt(40);
        const pmf = binomialPmf(n, new D(num).div(den), 30);
        let brute = new D(0);
        for (let k = 0; k <= n; k++) if (BigInt(Math.abs(k * den - n * num)) * 100n >= BigInt(e) * BigInt(n) * BigInt(den)) brute = brute.plus(pmf[k]!);
        ensure(twoSidedTail(pmf, 0, n, { num, den }, new D(e).div(100), 30).eq(brute), () => `tail at n = ${n}, p = ${num}/${den}, ε = ${e}/100 differs from the integer count`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 60, full: 1000 },
    }),
    property({
      title: 'for all n and p ∈ {0, 1}, then the binomial pmf is the point mass at k = 0 resp. k = n, with n + 1 entries',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 500 }), fc.boolean()),
      body: ([n, one]) => {
        const pmf = binomialPmf(n, one ? 1 : 0, 30);
        ensure(pmf.length === n + 1, () => `Bin(${n}, ${one ? 1 : 0}) has ${pmf.length} entries`);
        // every index, not forEach: an unfilled entry is a hole forEach would skip
        for (let k = 0; k <= n; k++) ensure(pmf[k] !== undefined && pmf[k]!.eq(k === (one ? n : 0) ? 1 : 0), () => `Bin(${n}, ${one ? 1 : 0}) pmf(${k}) = ${pmf[k]}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 20, full: 200 },
    }),
    property({
      title: 'for all n, p a terminating decimal of up to 28 places (given as a string or as a Decimal) and ε = E/10^m with m ≤ 12, then the tail counts exactly the k with |k·10^d − n·P|·10^m ≥ E·n·10^d (BigInt)',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 28 }), fc.bigInt({ min: 1n, max: 10n ** 28n - 1n }), fc.integer({ min: 1, max: 12 }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.boolean()),
      body: ([n, d, P0, m, E0, asDecimal]) => {
        const scale = 10n ** BigInt(d), P = P0 % scale === 0n ? 1n : P0 % scale, E = E0 % 10n ** BigInt(m) === 0n ? 1n : E0 % 10n ** BigInt(m);
        return tailMatchesIntegerCount(n, P, d, E, m, asDecimal);
      },
      floor: 1,
      runs: { quick: 40, full: 500 },
    }),
    property({
      title: 'for all n dividing 1000, k₀ ≤ n and ε = E/10^m with 22 ≤ m ≤ 60 places (half of them ≥ 48, past 50 significant digits), p = k₀/n − ε (so |k₀/n − p| = ε exactly, with every one of p\'s m places significant; at 30 digits the boundary is decided with 70), then the boundary atom k₀ is counted and the tail is the integer count',
      arbitrary: fc.tuple(fc.constantFrom(1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 250, 500, 1000), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.oneof(fc.integer({ min: 22, max: 47 }), fc.integer({ min: 48, max: 60 })), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.bigInt({ min: 1n, max: 10n ** 60n }), fc.boolean()),
      body: ([n, t, m, f, noise, asDecimal]) => {
        const k0 = Math.max(1, Math.round(t * n)), scale = 10n ** BigInt(m);
        const top = (BigInt(k0) * scale) / BigInt(n); // k₀/n in units of 10^−m (exact: n divides 10^3 ≤ 10^m)
        // ε a fraction f of k₀/n, with a long random tail of digits so that p and ε both fill all m places
        const E = (top * BigInt(Math.round(f * 1e6))) / 1_000_000n + (noise % (scale / 1000n)) + 1n;
        if (E >= top) return 'out-of-scope';
        return tailMatchesIntegerCount(n, top - E, m, E, m, asDecimal);
      },
      floor: 0.9,
      runs: { quick: 120, full: 1000 },
    }),
    property({
      title: 'for all arguments outside the domain (n not a positive integer, p outside [0, 1]; N, M, n not integers with 0 ≤ M ≤ N, 1 ≤ n ≤ N), then the pmfs throw a RangeError naming the values',
      arbitrary: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 2, max: 50 }), fc.integer({ min: 1, max: 9 })),
      body: ([kind, N, j]) => {
        const M = Math.min(N, j), n = Math.min(N, j + 1);
        const bad: [string, () => unknown, string][] = [
          ['n = 0', () => binomialPmf(0, '0.5', 30), 'got 0'],
          ['n = −j', () => binomialPmf(-j, '0.5', 30), `got ${-j}`],
          ['n = j + 1/2', () => binomialPmf(j + 0.5, '0.5', 30), `got ${j + 0.5}`],
          ['p = −j/100', () => binomialPmf(j, -j / 100, 30), `got ${-j / 100}`],
          ['p = 1 + j/100', () => binomialPmf(j, 1 + j / 100, 30), `got ${1 + j / 100}`],
          ['M non-integer', () => hypergeometricPmf(N, M - 0.5, n, 30), `M = ${M - 0.5}`],
          ['N < 1 or M < 0', () => (j % 2 ? hypergeometricPmf(0, 0, 1, 30) : hypergeometricPmf(N, -j, n, 30)), j % 2 ? 'N = 0' : `M = ${-j}`],
          ['M > N', () => hypergeometricPmf(N, N + j, n, 30), `M = ${N + j}`],
          ['n < 1', () => hypergeometricPmf(N, M, 1 - j, 30), `n = ${1 - j}`],
          ['n > N', () => hypergeometricPmf(N, M, N + j, 30), `n = ${N + j}`],
        ];
        const [what, call, mention] = bad[kind]!;
        let thrown: unknown = null;
        try { call(); } catch (err) { thrown = err; }
        ensure(thrown instanceof RangeError && thrown.message.includes(mention), () => `${what} (N = ${N}, j = ${j}): ${thrown instanceof Error ? `threw "${thrown.message}"` : 'no RangeError'}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 60, full: 500 },
    }),
    property({
      title: 'for all trials ≤ 10⁶ and quantiles z ∈ [1, 4], then the Wilson interval at 0 hits starts at exactly 0, at trials hits ends at exactly 1, and otherwise contains hits/trials inside [0, 1]',
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true })),
      body: ([trials, t, z]) => {
        const hits = Math.round(t * trials);
        const [lo, hi] = wilsonInterval(hits, trials, z);
        ensure(hits !== 0 || lo === 0, () => `Wilson(0, ${trials}, ${z}) starts at ${lo}`);
        ensure(hits !== trials || hi === 1, () => `Wilson(${trials}, ${trials}, ${z}) ends at ${hi}`);
        ensure(lo >= 0 && hi <= 1 && lo <= hits / trials && hits / trials <= hi, () => `Wilson(${hits}, ${trials}, ${z}) = [${lo}, ${hi}]`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 200, full: 2000 },
    }),
    property({
      title: 'for all u ∈ [1e−8, 1/2], then normalQuantile(1 − u) = −normalQuantile(u) within 1e−7 (upper tail by symmetry), and u ∉ (0, 1) throws naming u',
      arbitrary: fc.tuple(fc.double({ min: -8, max: Math.log10(0.5), noNaN: true }), fc.double({ min: 1, max: 2, noNaN: true })),
      body: ([lg, out]) => {
        const u = 10 ** lg;
        const a = normalQuantile(u), b = normalQuantile(1 - u);
        ensure(Math.abs(a + b) <= 1e-7 * (1 + Math.abs(a)), () => `normalQuantile(${u}) = ${a}, normalQuantile(1 − ${u}) = ${b}`);
        for (const v of [0, 1, out, 1 - out, Number.NaN]) {
          let msg = '';
          try { normalQuantile(v); } catch (err) { msg = err instanceof RangeError ? err.message : ''; }
          ensure(msg.endsWith(`got ${v}`), () => `normalQuantile(${v}) ${msg ? `threw "${msg}"` : 'did not throw a RangeError'}`);
        }
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 100, full: 1000 },
    }),
  ],

  measure: (ctx) => measureWith(ctx),

  judge(e) {
    if (e.casesInScope === 0) return 'inconclusive';
    if (e.violations.length || e.monteCarlo.boundBelow.length) return 'refuted';
    if (e.monteCarlo.outsideCorrected) return 'inconclusive';
    return 'holds';
  },
  unreachable: { 'holds-with-caveat': 'Lemma 1 is an inequality over every n, p and ε with no side condition: the exact tails either respect the bound or exceed it.' },

  describe(e, verdict) {
    const mc = e.monteCarlo;
    if (e.casesInScope === 0) return { summary: 'Nothing measured: the grids of assumptions.hoeffding are empty.', evidence: `|F| ∈ {${e.Fsizes.join(', ')}}, ε ∈ {${e.epsGrid.join(', ')}}: no grid point.`, counterexample: null };
    const grid = e.casesTried - mc.cases;
    const where = (c: GridCase): string => `${c.kind}, |F| = ${c.n}, p = ${c.p}, ε = ${c.eps}`;
    const rho = e.exponents;
    const last = rho[rho.length - 1];
    const minRho = rho.length ? rho.reduce((a, x) => (x.rho < a.rho ? x : a)) : null;
    const falling = rho.every((x, i) => i === 0 || x.rho < rho[i - 1]!.rho);
    const tight = minRho
      ? `Tightness (p = 1/2, |F| = ${rho[0]!.n}): the exponent ratio ln(2/tail)/(|F|ε²) from the exact tail is ${rho.map((x) => `${fmt(x.rho, 4)} at t = ε√|F| = ${fmt(x.t, 2)}`).join(', ')}${falling ? ', falling as t grows (Mills\' ratio: 2 + ln(2t√(2π))/t²)' : ', not monotone in t'}; ` +
        (minRho.rho >= 2 ? `a bound 2·exp(−k|F|ε²) with k above ${fmt(minRho.rho, 4)} fails at t = ${fmt(minRho.t, 2)}, so Lemma 1's k = 2 is within ${fmt(100 * (minRho.rho / 2 - 1), 2)}% of the largest constant these tails allow` : `at t = ${fmt(minRho.t, 2)} the ratio is below 2: the bound fails there`) +
        `; at t = ${fmt(last!.t, 2)} the tail is ${fmt(e.ratioAtLargestT, 3)} of the bound. `
      : '';
    const evidence =
      `Exact two-sided tails P(|Acc_F − p| ≥ ε) at ${e.digits} digits (boundary atoms |k/n − p| = ε decided in exact rational arithmetic and counted) for |F| ∈ {${e.Fsizes.join(', ')}}, ε ∈ {${e.epsGrid.join(', ')}}, p ∈ {${ACCURACIES.join(', ')}} and, for |F| ≤ ${FINE_SCAN_MAX_N}, every p on the grid ${e.fine[0]}, …, ${e.fine[e.fine.length - 1]} (${e.fine.length} values): binomial (F drawn with replacement) and hypergeometric (F drawn without replacement from N = ${e.populationSize} samples of which a fraction p is classified correctly). ` +
      (e.violations.length
        ? `The bound is exceeded in ${e.violations.length} of ${grid} grid points (first: ${where(e.violations[0]!)}, tail ${fmt(e.violations[0]!.tail, 6)} > bound ${fmt(e.violations[0]!.bound, 6)}). `
        : `The bound is never exceeded in ${grid} grid points × their sampling schemes; the largest tail/bound overall is ${fmt(e.largestRatio?.ratio ?? 0, 4)} (${e.largestRatio ? where(e.largestRatio) : 'none'}); where the bound is below 1 the tightest is ${fmt(e.tightest?.ratio ?? 0, 4)} (${e.tightest ? where(e.tightest) : 'none'}). `) +
      tight +
      `Monte-Carlo (${mc.draws} random forget sets per case, without replacement, p = ${mc.p}, seed ${e.seed}): in ${mc.cases} cases the exact tail lay outside the 95% Wilson interval ${mc.outside95} times (about ${fmt(0.05 * mc.cases, 2)} expected by chance) and outside the Bonferroni-corrected interval ${mc.outsideCorrected} times; the bound lay below an interval's lower end ${mc.boundBelow.length} times.`;
    const sh = e.shrunk;
    const counterexample = verdict === 'refuted'
      ? (sh
          ? { n: sh.n, p: sh.p, eps: sh.eps, tail: sh.tail, bound: sh.bound, shrunkBy: 'fast-check', seed: sh.seed, path: sh.path, reproduce: `ascent-verify verify --claims ${ID} --seed ${e.seed} --profile ${e.profile}` }
          : { ...(e.violations[0] ?? mc.boundBelow[0]), reproduce: `ascent-verify verify --claims ${ID} --seed ${e.seed} --profile ${e.profile}` })
      : null;
    const summary = verdict === 'holds'
      ? `Never violated: exact tails (with and without replacement) stay below 2·exp(−2|F|ε²) in all ${grid} grid points, at most ${fmt(e.tightest?.ratio ?? 0, 3)} of the bound where it is below 1${minRho ? `; no constant above ${fmt(minRho.rho, 3)} in place of 2 holds (t = ${fmt(minRho.t, 2)})` : ''}; Monte-Carlo agrees (${mc.outsideCorrected} of ${mc.cases} cases outside the corrected interval).`
      : verdict === 'refuted'
        ? `The bound fails: ${e.violations.length} exact tails exceed it${mc.boundBelow.length ? ` and it lies below ${mc.boundBelow.length} Monte-Carlo intervals` : ''}.`
        : `The exact tails respect the bound, but the Monte-Carlo estimate disagrees with the exact tail in ${mc.outsideCorrected} cases beyond the corrected interval.`;
    const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
    const chart: ChartSpec = {
      id: 'L1.hoeffding-tails',
      title: 'Lemma 1: exact tail P(|Acc_F − p| ≥ ε) (solid: binomial, dotted: without replacement) vs 2·exp(−2|F|ε²) (dashed), p = 1/2',
      xLabel: '|F|', yLabel: 'probability', xLog: true, yLog: true,
      series: e.curves.flatMap((c, i) => [
        { label: `exact, ε = ${c.eps}`, kind: 'line' as const, color: colors[i % colors.length]!, points: c.exact.filter(([, y]) => y > 1e-300) },
        { label: `without replacement, ε = ${c.eps}`, kind: 'scatter' as const, color: colors[i % colors.length]!, points: c.hyper.filter(([, y]) => y > 1e-300), pointSize: 3 },
        { label: `bound, ε = ${c.eps}`, kind: 'line' as const, dashed: true, color: colors[i % colors.length]!, points: c.bound.filter(([, y]) => y > 1e-300) },
      ]),
      caption: `Exact tails against their bounds at p = 1/2; ${e.violations.length} grid points exceed the bound.`,
    };
    return {
      summary, evidence, counterexample,
      notes: 'Sampling without replacement concentrates at least as fast as with replacement (Hoeffding 1963, Thm. 4), as the exact tails confirm. Judge: refuted on any exact violation or a bound below a Monte-Carlo interval; inconclusive if the exact value falls outside a Bonferroni-corrected interval (the simulation would then disagree with the exact computation); holds otherwise. The bound\'s formula is pinned to mpmath vectors (tests/vectors/hoeffding.json).',
      charts: e.curves.length ? [chart] : [],
    };
  },

  keyNumbers: (e) => ({
    casesTried: e.casesTried, casesInScope: e.casesInScope, violations: e.violations.length,
    tightestRatio: e.tightest?.ratio ?? 0, largestRatio: e.largestRatio?.ratio ?? 0, ratioAtLargestT: e.ratioAtLargestT,
    minExponentRatio: e.exponents.length ? Math.min(...e.exponents.map((x) => x.rho)) : 0,
    mcOutside95: e.monteCarlo.outside95, mcOutsideCorrected: e.monteCarlo.outsideCorrected, mcBoundBelow: e.monteCarlo.boundBelow.length,
  }),
};

export default claim;
