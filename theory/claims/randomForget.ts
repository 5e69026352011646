/**
 * Lemma 1 (`L1.hoeffding`, Sec. 4, App. B): the forget-set accuracy of a fixed model concentrates
 * around its population accuracy, P(|Acc_F − p| ≥ ε) ≤ 2·exp(−2|F|ε²). Checked exactly (binomial
 * and hypergeometric tails in decimal.js) and by Monte-Carlo on random forget sets drawn without
 * replacement from a finite data set, with Wilson intervals. `L1.oracle-mirror` needs trained
 * models and belongs to the empirics.
 */
import { Decimal } from 'decimal.js';
import { binomialPmf, hoeffdingBound, hypergeometricPmf, normalQuantile, twoSidedTail, wilsonInterval } from '../hoeffding.ts';
import { seededUniform } from '../sampling.ts';
import type { ChartSpec, CheckContext, CheckResult, Claim } from '../../properties/types.ts';

/** Population accuracies at every |F|: 1/2 is where Hoeffding's bound is tightest for the binomial. */
const ACCURACIES = ['0.5', '0.7', '0.9', '0.99'];
/** Up to this |F| the accuracy is also scanned on a fine grid (discreteness moves the worst p off 1/2). */
const FINE_SCAN_MAX_N = 1000;

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

function checkHoeffding(ctx: CheckContext): CheckResult {
  const h = ctx.assumptions.hoeffding;
  const digits = Math.min(ctx.digits, 40); // probabilities: 40 digits are far beyond any question asked of them
  const fine = fineAccuracies(ctx.assumptions.profiles[ctx.profile].gridPoints);
  let tried = 0;
  const violations: Record<string, unknown>[] = [];
  let tightest = { ratio: new Decimal(0), where: '' };
  let tightestAll = { ratio: new Decimal(0), where: '' };
  const curves = new Map<string, { exact: [number, number][]; hyper: [number, number][]; bound: [number, number][] }>();
  for (const n of h.Fsizes) {
    ctx.log(`  L1.hoeffding: exact tails for |F| = ${n}`);
    const ps = n <= FINE_SCAN_MAX_N ? [...new Set([...ACCURACIES, ...fine])] : ACCURACIES;
    for (const p of ps) {
      const bin = binomialPmf(n, p, digits);
      const N = h.populationSize;
      const M = Math.round(Number(p) * N);
      const hyper = n <= N ? hypergeometricPmf(N, M, n, digits) : null;
      for (const eps of h.eps) {
        tried++;
        const bound = hoeffdingBound(n, eps, digits);
        const tailBin = twoSidedTail(bin, 0, n, p, eps, digits);
        // without replacement the accuracy is the data set's, M/N, exactly
        const tailHyp = hyper ? twoSidedTail(hyper.pmf, hyper.kMin, n, { num: M, den: N }, eps, digits) : null;
        for (const [kind, tail] of [['binomial', tailBin], ['hypergeometric', tailHyp]] as const) {
          if (tail === null) continue;
          if (tail.gt(bound)) violations.push({ kind, n, p, N: kind === 'hypergeometric' ? N : undefined, M: kind === 'hypergeometric' ? M : undefined, eps, tail: tail.toString(), bound: bound.toString() });
          const r = tail.div(bound);
          const where = `${kind}, |F| = ${n}, p = ${kind === 'hypergeometric' ? `${M}/${N}` : p}, ε = ${eps}`;
          if (r.gt(tightestAll.ratio)) tightestAll = { ratio: r, where };
          // tightness is only informative where the bound says something (below 1)
          if (bound.lt(1) && r.gt(tightest.ratio)) tightest = { ratio: r, where };
        }
        if (p === '0.5') {
          const key = `ε = ${eps}`;
          if (!curves.has(key)) curves.set(key, { exact: [], hyper: [], bound: [] });
          const c = curves.get(key)!;
          c.exact.push([n, tailBin.toNumber()]);
          if (tailHyp) c.hyper.push([n, tailHyp.toNumber()]);
          c.bound.push([n, bound.toNumber()]);
        }
      }
    }
  }
  const mc = monteCarlo(ctx);
  const verdict = violations.length || mc.boundBelowInterval.length ? 'refuted' : mc.outsideCorrected.length ? 'inconclusive' : 'holds';
  const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
  const chart: ChartSpec = {
    id: 'L1.hoeffding-tails',
    title: 'Lemma 1: exact tail P(|Acc_F − p| ≥ ε) (solid: binomial, dotted: without replacement) vs 2·exp(−2|F|ε²) (dashed), p = 1/2',
    xLabel: '|F|', yLabel: 'probability', xLog: true, yLog: true,
    series: [...curves.entries()].flatMap(([key, c], i) => [
      { label: `exact, ${key}`, kind: 'line' as const, color: colors[i % colors.length]!, points: c.exact.filter(([, y]) => y > 1e-300) },
      { label: `without replacement, ${key}`, kind: 'scatter' as const, color: colors[i % colors.length]!, points: c.hyper.filter(([, y]) => y > 1e-300), pointSize: 3 },
      { label: `bound, ${key}`, kind: 'line' as const, dashed: true, color: colors[i % colors.length]!, points: c.bound.filter(([, y]) => y > 1e-300) },
    ]),
    caption: 'Every exact tail lies below its bound; the bound is loose by a roughly constant factor on this log scale.',
  };
  return {
    verdict,
    casesTried: tried + mc.cases,
    casesInScope: tried + mc.cases,
    counterexample: violations[0] ?? (mc.boundBelowInterval[0] as Record<string, unknown> | undefined) ?? null,
    summary: violations.length ? `The bound is exceeded in ${violations.length} exact cases.` : `Never violated: exact tails (with and without replacement) stay below 2·exp(−2|F|ε²) in all ${tried} grid points; at most ${tightest.ratio.toSignificantDigits(3).toString()} of the bound where it is below 1. Monte-Carlo ${mc.outsideCorrected.length ? 'disagrees in places' : 'agrees'}.`,
    evidence:
      `Exact two-sided tails P(|Acc_F − p| ≥ ε) at ${digits} digits (boundary atoms |k/n − p| = ε decided in exact rational arithmetic and counted) for |F| ∈ {${h.Fsizes.join(', ')}}, ε ∈ {${h.eps.join(', ')}}, p ∈ {${ACCURACIES.join(', ')}} and, for |F| ≤ ${FINE_SCAN_MAX_N}, every p on the grid ${fine[0]}, ${fine[1]}, …, ${fine[fine.length - 1]} (${fine.length} values; with discreteness the worst p is not always 1/2): ` +
      `binomial (F drawn with replacement) and hypergeometric (F drawn without replacement from N = ${h.populationSize} samples of which a fraction p is classified correctly). ` +
      (violations.length ? `The bound is exceeded in ${violations.length} cases. ` : `The bound 2·exp(−2|F|ε²) is never exceeded in ${tried} grid points × 2 sampling schemes; the largest tail/bound overall is ${tightestAll.ratio.toSignificantDigits(4).toString()} (${tightestAll.where}); among the cases where the bound is below 1, the tightest is ${tightest.where} with tail/bound = ${tightest.ratio.toSignificantDigits(4).toString()}. `) +
      `Monte-Carlo (${mc.draws} random forget sets per case, without replacement, p = ${mc.p}, seed ${ctx.seed}): in ${mc.cases} cases the exact hypergeometric tail lay inside the 95% Wilson interval ${mc.cases - mc.outside95.length} times ` +
      `(${mc.outside95.length} outside, about ${(0.05 * mc.cases).toFixed(1)} expected by chance) and inside the Bonferroni-corrected interval ${mc.cases - mc.outsideCorrected.length} times; ` +
      `the bound lay below an interval's lower end ${mc.boundBelowInterval.length} times.`,
    notes: 'Sampling without replacement concentrates at least as fast as with replacement (Hoeffding 1963, Thm. 4), as the exact tails confirm. The ≥ in the event is decided in exact rational arithmetic, so boundary atoms are counted; the Monte-Carlo event uses the same exact integer threshold. Verdict: refuted on any exact violation or a bound below a Monte-Carlo interval; inconclusive if the exact value falls outside a Bonferroni-corrected interval (the simulation would then disagree with the exact computation).',
    charts: [chart],
  };
}

interface MonteCarloResult {
  cases: number;
  draws: number;
  p: string;
  outside95: Record<string, unknown>[];
  outsideCorrected: Record<string, unknown>[];
  boundBelowInterval: Record<string, unknown>[];
}

/** Random forget sets without replacement (partial Fisher–Yates), the tail estimated with Wilson intervals. */
function monteCarlo(ctx: CheckContext): MonteCarloResult {
  const h = ctx.assumptions.hoeffding;
  const N = h.populationSize;
  const p = '0.7';
  const M = Math.round(Number(p) * N);
  const draws = ctx.profile === 'quick' ? Math.min(h.monteCarloDraws, 3000) : h.monteCarloDraws;
  const sizes = h.Fsizes.filter((n) => n <= N && (ctx.profile === 'full' || n <= 1000));
  const u = seededUniform(ctx.seed ^ 0x4f1bbcdc);
  const perm = new Int32Array(N);
  const cases = sizes.length * h.eps.length;
  const z95 = normalQuantile(0.975), zCorr = normalQuantile(1 - 0.025 / cases);
  const out: MonteCarloResult = { cases, draws, p, outside95: [], outsideCorrected: [], boundBelowInterval: [] };
  for (const n of sizes) {
    ctx.log(`  L1.hoeffding: Monte-Carlo, |F| = ${n}`);
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
      const bound = hoeffdingBound(n, eps, 20).toNumber();
      const [lo95, hi95] = wilsonInterval(hits[e]!, draws, z95);
      const [lo, hi] = wilsonInterval(hits[e]!, draws, zCorr);
      const rec = { n, eps, p, estimate: hits[e]! / draws, interval95: [lo95, hi95], intervalCorrected: [lo, hi], exact, bound };
      if (exact < lo95 || exact > hi95) out.outside95.push(rec);
      if (exact < lo || exact > hi) out.outsideCorrected.push(rec);
      if (bound < lo) out.boundBelowInterval.push(rec);
    }
  }
  return out;
}

export const claims: Claim[] = [
  {
    id: 'L1.hoeffding',
    paperRef: 'Lemma 1, App. B',
    statement: 'For F drawn uniformly at random from the data and a fixed model, P(|Acc_T − Acc_F| ≥ ε) ≤ 2·exp(−2|F|ε²) (test accuracy = population accuracy).',
    assumptions: ['a fixed model with population accuracy p', 'F drawn with replacement (binomial) or without replacement from a finite data set (hypergeometric)', 'grids from assumptions.hoeffding'],
    expected: 'holds',
    check: checkHoeffding,
  },
];
