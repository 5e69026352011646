/**
 * L10.oracle-beats-original (Lemma 10, Eqs. (6)–(7) as reconstructed in claims.md): for
 * α < α_{R>D} = min{α_x, α_y}, x_R > x_D and y_R > y_D. The thresholds are pinned to mpmath
 * (tests/vectors/logistic2d.json) and to their defining equations ("Lemma 7's upper bound on x_D,
 * y_D = Lemma 6's x_R, y_R"), and their median is a key number.
 * Measured on assumptions.setting2d (α just below min(α_{R>D}, |F|/|R_ij|), the sharpest point as
 * x_D, y_D grow with α, and one α drawn below it) and on a probe with |F| > |R|
 * (setting2d.probeForgetFraction), where α_{R>D} can exceed 1. The caveat is measured: the proof
 * uses Lemma 7's upper bound on y_D, which needs y_D < x_D, i.e. α < 1 (L12). For every probe
 * setting where the conclusion fails, the exact boundary α* (the least α with x_D ≥ x_R or
 * y_D ≥ y_R; x_D, y_D increase with α) is located by bisection; the condition α < 1 is sufficient
 * when every α* ≥ 1 and necessary when some failure exists.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { alphaRbeatsD, coefficientsF64, lemma6, lemma7, minimizeConvexF64, solveConvex, type Config2d, type Setting2d } from '../theory/logistic2d.ts';
import { between } from '../theory/sampling.ts';
import { unit } from './arbitraries.ts';
import { claimSeed, fmt, median } from './common.ts';
import { attempt, drawSettings2d, relDiff, runs2d, setting2d, SETTING_2D, ratioOfForgetFraction, shrunk2d, smallCaseIn, tolerance2d, VECTORS_2D, withAlpha, withC, type Drawn2d } from './twoD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

interface Over {
  settings: number;
  tried: number;
  inScope: number;
  fails: number;
  /** failures at α < 1 (where the condition holds) */
  failsBelowOne: number;
  nonConverged: number;
  /** settings with α_{R>D} ≤ 0 (nothing to check) */
  vacuous: number;
  alphaAtLeastOne: number;
  /** exact boundaries α* located in settings where the conclusion failed */
  crossings: number[];
}

export interface Evidence extends EvidenceBase {
  digits: number;
  main: Over;
  probe: Over;
  probeForgetFraction: { min: number; max: number };
  /** largest relative difference of "Lemma 7's upper bound at α_x (α_y) = Lemma 6's x_R (y_R)", over the settings checked */
  reconstruction: { worst: string; checked: number; tolerance: string };
  /** median and largest α_{R>D} over the main draws */
  medianThreshold: number;
  maxThreshold: number;
  counterexample: Record<string, unknown> | null;
}

const empty = (): Over => ({ settings: 0, tried: 0, inScope: 0, fails: 0, failsBelowOne: 0, nonConverged: 0, vacuous: 0, alphaAtLeastOne: 0, crossings: [] });

function oracleBeats(c: Config2d, digits: number): { ok: boolean; xR: Decimal; xD: Decimal; yR: Decimal; yD: Decimal } | null {
  const pR = attempt(() => solveConvex('R', c, digits)), pD = attempt(() => solveConvex('D', c, digits));
  if (!pR || !pD) return null;
  return { ok: pR.x.gt(pD.x) && pR.y.gt(pD.y), xR: pR.x, xD: pD.x, yR: pR.y, yD: pD.y };
}

/**
 * The least α in (0, hi) where x_D ≥ x_R or y_D ≥ y_R, by bisection in float64 (L_D by damped
 * Newton, L_R's point from Lemma 6); x_D, y_D increase with α, so the set where the conclusion
 * holds is an interval from 0. To 1e−12 relative of hi in at most 60 steps.
 */
function crossing(s: Setting2d, hi: number): number {
  const r = lemma6(s, 20), xR = r.x.toNumber(), yR = r.y.toNumber(), e = Number(s.eps);
  const holds = (a: number): boolean => {
    const w = minimizeConvexF64(coefficientsF64('D', withAlpha(s, a)));
    if (!w) throw new RangeError(`L_D did not converge at α = ${a}`);
    return xR > w.w1 + e * w.w2 && yR > e * w.w1 + w.w2;
  };
  let lo = 0, up = hi;
  for (let i = 0; i < 60 && up - lo > 1e-12 * hi; i++) {
    const m = (lo + up) / 2;
    if (holds(m)) lo = m;
    else up = m;
  }
  return (lo + up) / 2;
}

function over(draws: Drawn2d[], digits: number, recon: { worst: Decimal; checked: number }, thresholds: number[]): Over {
  const w = empty();
  for (const d of draws) {
    w.settings++;
    const th = alphaRbeatsD(d.s, digits);
    // the reconstruction is "Lemma 6's x_R, y_R = Lemma 7's upper bounds on x_D, y_D" at α_x, α_y
    // (where both are positive: a negative α has no samples, and Lemma 7's other bounds leave W's domain there)
    if (th.alphaX.gt(0) && th.alphaY.gt(0)) {
      const x6 = lemma6(d.s, digits);
      const ubX = lemma7(withAlpha(d.s, th.alphaX), digits + 10).xHi, ubY = lemma7(withAlpha(d.s, th.alphaY), digits + 10).yHi;
      const r = Decimal.max(ubX.minus(x6.x).abs().div(x6.x), ubY.minus(x6.y).abs().div(x6.y));
      recon.checked++;
      if (r.gt(recon.worst)) recon.worst = r;
    }
    thresholds.push(th.alpha.toNumber());
    const hi = Decimal.min(th.alpha, d.alphaMax);
    if (!hi.gt(0)) {
      w.vacuous++;
      continue;
    }
    let failed = false;
    for (const alpha of [hi.times(new Decimal(1).minus('1e-6')).toSignificantDigits(30), between(new Decimal(0), hi, d.u())]) {
      w.tried++;
      const o = oracleBeats(withAlpha(d.s, alpha), digits);
      if (!o) {
        w.nonConverged++;
        continue;
      }
      w.inScope++;
      if (alpha.gte(1)) w.alphaAtLeastOne++;
      if (!o.ok) {
        w.fails++;
        if (alpha.lt(1)) w.failsBelowOne++;
        failed = true;
      }
    }
    if (failed) w.crossings.push(crossing(d.s, hi.toNumber()));
  }
  return w;
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L10.oracle-beats-original',
    paperRef: 'Lemma 10, Eqs. (6)–(7)',
    statement: 'Lemma 10: for `α < α_{R>D} = min{α_x, α_y}`, `x_R > x_D` and `y_R > y_D`. The printed formulas (6)–(7) are illegible; the proof says they come from solving "lower bound of the oracle = upper bound of the original" from Lemmas 6–7. Reconstruction: with `k = 1+ε²`, `u = (k/(2ε))·(W(k|R_ij|/(λ|R|)) − W(k|R_ij|/(λ|D|)))`, `α_x = (λ|D|/(k|R_ij|))·u·e^u`; with `v = (2ε/k)·W(k|R_ij|/(λ|R|))`, `α_y = (λ|D|·v·e^v/|R_ij| − 2ε)/k`.',
    dependsOn: ['L6.retrain-closed-form', 'L7.original-bounds'],
    assumptions: [...SETTING_2D, 'probe: |F|/|D| from assumptions.setting2d.probeForgetFraction'],
  },

  properties: [
    property({
      title: 'for every mpmath vector (tests/vectors/logistic2d.json), then α_x and α_y agree with claims.md\'s reconstruction of Eqs. (6)–(7) to 45 digits',
      arbitrary: fc.constantFrom(...VECTORS_2D),
      body: (v) => {
        const t = alphaRbeatsD(v, 50);
        ensure(relDiff(t.alphaX, v.alphaRbeatsD.alphaX) < 1e-45 && relDiff(t.alphaY, v.alphaRbeatsD.alphaY) < 1e-45, () => `(${t.alphaX}, ${t.alphaY}) vs mpmath (${v.alphaRbeatsD.alphaX}, ${v.alphaRbeatsD.alphaY})`);
        ensure(t.alpha.eq(Decimal.min(t.alphaX, t.alphaY)), () => 'α_{R>D} is not the smaller term');
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 24, full: 24 },
    }),
    property({
      title: 'for all settings with α_x, α_y > 0, then Lemma 7\'s upper bound on x_D at α_x equals Lemma 6\'s x_R and its upper bound on y_D at α_y equals y_R (the thresholds\' defining equations)',
      arbitrary: fc.tuple(setting2d, fc.integer({ min: 1, max: 1000 })).map(([s, k]) => withC(s, k / 1e3)),
      body: (s) => {
        const t = alphaRbeatsD(s, 40), r = lemma6(s, 40);
        if (!(t.alphaX.gt(0) && t.alphaY.gt(0))) return 'out-of-scope';
        const ubX = lemma7(withAlpha(s, t.alphaX), 40).xHi, ubY = lemma7(withAlpha(s, t.alphaY), 40).yHi;
        ensure(relDiff(ubX, r.x) < 1e-35 && relDiff(ubY, r.y) < 1e-35, () => `upper bounds (${ubX}, ${ubY}) vs Lemma 6 (${r.x}, ${r.y})`);
        return 'asserted';
      },
      // c = (1+ε²)|R_ij|/(λ|R|) ≤ 1 keeps both thresholds positive in most draws (α_y > 0 ⇔ W(c) < k·ln(|D|/|R|)/(1−ε)²)
      floor: 0.5,
      runs: { quick: 40, full: 1000 },
    }),
    property({
      title: 'for all settings (any |F|/|R| in [0.05, 20]), then α_{R>D} ≤ α_y ≤ 2ε|F|/((1+ε²)|R|), so α_{R>D} < 1 whenever |F| ≤ |R|',
      arbitrary: fc.tuple(setting2d, fc.double({ min: 0.05, max: 20, noNaN: true })),
      body: ([s0, ratio]) => {
        const s = { ...s0, F: String(Math.max(1, Math.round(Number(s0.R) * ratio))) };
        const th = alphaRbeatsD(s, 30);
        const e = new Decimal(s.eps);
        const bound = e.times(2).times(s.F).div(e.pow(2).plus(1).times(s.R));
        ensure(th.alpha.lte(th.alphaY) && th.alphaY.lte(bound.times(1 + 1e-25)), () => `α_{R>D} = ${th.alpha}, α_y = ${th.alphaY}, 2ε|F|/((1+ε²)|R|) = ${bound}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 60, full: 1000 },
    }),
    property({
      title: 'for all settings with c = (1+ε²)|R_ij|/(λ|R|) ∈ (0, 0.1] and α drawn in (0, min(α_{R>D}, |F|/|R_ij|, 1)), then x_R > x_D and y_R > y_D',
      arbitrary: fc.tuple(setting2d, fc.integer({ min: 1, max: 1000 }), unit).map(([s, k, u]) => [withC(s, k / 1e4), u] as const),
      body: ([s, u]) => {
        const hi = Decimal.min(alphaRbeatsD(s, 30).alpha, new Decimal(s.F).div(s.Rij), 1);
        if (!hi.gt(0)) return 'out-of-scope';
        const c = withAlpha(s, hi.times(u).toSignificantDigits(25));
        const o = oracleBeats(c, 30);
        ensure(o !== null && o.ok, () => `at ${JSON.stringify(c)}: x_R = ${o?.xR}, x_D = ${o?.xD}, y_R = ${o?.yR}, y_D = ${o?.yD}`);
        return 'asserted';
      },
      floor: 0.8,
      runs: { quick: 40, full: 1000 },
    }),
  ],

  measure(ctx) {
    const n = runs2d(ctx);
    const recon = { worst: new Decimal(0), checked: 0 };
    const thresholds: number[] = [];
    const main = over(drawSettings2d(ctx, 'L10.oracle-beats-original', n), ctx.digits, recon, thresholds);
    const pf = ctx.assumptions.setting2d.probeForgetFraction;
    const probe = over(drawSettings2d(ctx, 'L10.oracle-beats-original/probe', n, pf), ctx.digits, recon, []);
    let counterexample: Record<string, unknown> | null = null;
    if (main.fails + probe.fails > 0) {
      const range = ratioOfForgetFraction(main.fails ? ctx.assumptions.setting2d.forgetFraction : pf);
      counterexample = shrunk2d(smallCaseIn(range, () => new Decimal(0), (s) => Decimal.min(alphaRbeatsD(s, 30).alpha, new Decimal(s.F).div(s.Rij))), (x) => (x.c && oracleBeats(x.c, 30)?.ok === false ? x.c : null), claimSeed(ctx, 'L10.oracle-beats-original'), (x, c) => {
        const o = oracleBeats(c, 30)!, th = alphaRbeatsD(x.s, 30);
        return { alphaX: th.alphaX.toSignificantDigits(20).toString(), alphaY: th.alphaY.toSignificantDigits(20).toString(), xR: o.xR.toString(), xD: o.xD.toString(), yR: o.yR.toString(), yD: o.yD.toString(), compare: 'R.x > D.x and R.y > D.y in the output' };
      });
    }
    return {
      casesTried: main.tried + probe.tried, casesInScope: main.inScope, digits: ctx.digits, main, probe, probeForgetFraction: { min: pf.min, max: pf.max },
      reconstruction: { worst: recon.worst.toString(), checked: recon.checked, tolerance: tolerance2d(ctx.digits).toString() },
      medianThreshold: median(thresholds), maxThreshold: Math.max(...thresholds), counterexample,
    };
  },

  judge(e) {
    if (new Decimal(e.reconstruction.worst).gt(e.reconstruction.tolerance)) return 'refuted';
    if (e.main.fails > 0 || e.probe.failsBelowOne > 0) return 'refuted';
    if (e.casesInScope === 0 || e.main.nonConverged > 0) return 'inconclusive';
    if (e.probe.fails > 0) return e.probe.crossings.length > 0 && e.probe.crossings.every((a) => a >= 1) ? 'holds-with-caveat' : 'inconclusive';
    return 'holds';
  },

  describe(e, verdict) {
    const m = e.main, p = e.probe;
    const unconverged = m.nonConverged + p.nonConverged ? ` ${m.nonConverged + p.nonConverged} solves did not converge (never counted as passes).` : '';
    const ce = e.counterexample;
    const ceText = ce ? ` Smallest failing case shrinking found: R=${ce.R}, F=${ce.F}, Rij=${ce.Rij}, α=${ce.alpha}, λ=${ce.lambda}, ε=${ce.eps} (α_x = ${fmt(ce.alphaX as string, 6)}, α_y = ${fmt(ce.alphaY as string, 6)}; x_R = ${fmt(ce.xR as string)}, x_D = ${fmt(ce.xD as string)}, y_R = ${fmt(ce.yR as string)}, y_D = ${fmt(ce.yD as string)}).` : '';
    const reconOk = new Decimal(e.reconstruction.worst).lte(e.reconstruction.tolerance);
    const recon = `Formula: at α_x Lemma 7's upper bound on x_D equals Lemma 6's x_R, and at α_y the upper bound on y_D equals y_R, to ${fmt(e.reconstruction.worst, 2)} relative in the ${e.reconstruction.checked} settings where α_x, α_y > 0 (tolerance ${fmt(e.reconstruction.tolerance, 1)})${reconOk ? '' : ': the reconstruction does NOT solve its defining equations'}.`;
    const mainText = `Of ${m.settings} settings from assumptions.setting2d, α_{R>D} ≤ 0 in ${m.vacuous}; in the others α just below min(α_{R>D}, |F|/|R_ij|) (1e−6 relative) and one α drawn below it gave x_R > x_D and y_R > y_D in ${m.inScope - m.fails} of ${m.inScope}; median α_{R>D} ${fmt(e.medianThreshold, 4)}, largest ${fmt(e.maxThreshold, 4)}.`;
    const cr = p.crossings;
    const boundary = cr.length ? ` In the ${cr.length} probe settings where it failed, the exact boundary α* (least α with x_D ≥ x_R or y_D ≥ y_R, bisected) lies in [${fmt(Math.min(...cr), 6)}, ${fmt(Math.max(...cr), 6)}]: ${cr.every((a) => a >= 1) ? 'every one at or above 1, so α < 1 suffices' : `${cr.filter((a) => a < 1).length} below 1`}.` : '';
    const probeText = `Probe with |F|/|D| in [${e.probeForgetFraction.min}, ${e.probeForgetFraction.max}] (|F| > |R|): ${p.inScope - p.fails} of ${p.inScope} held; ${p.alphaAtLeastOne} of the probe α were ≥ 1 and ${p.fails} failed (${p.failsBelowOne} of them at α < 1).${boundary}`;
    const evidence = `${recon} ${mainText} ${probeText}${ceText}${unconverged}`;
    if (verdict === 'refuted') return { summary: reconOk ? `x_R > x_D and y_R > y_D fail below α_{R>D} in ${m.fails + p.failsBelowOne} cases${p.failsBelowOne ? ' (some at α < 1)' : ''}.` : 'The reconstructed α_x, α_y do not solve "Lemma 7\'s upper bound = Lemma 6\'s oracle".', evidence, counterexample: ce };
    if (verdict === 'inconclusive') return { summary: e.casesInScope === 0 ? 'α_{R>D} ≤ 0 in every drawn setting: the scope is empty under these assumptions.' : m.nonConverged ? `${m.nonConverged} solves did not converge.` : 'Probe failures without a located boundary.', evidence, counterexample: null };
    if (verdict === 'holds-with-caveat') {
      return {
        summary: `Holds for α < 1 (all ${m.inScope} cases from assumptions.setting2d, where |F| ≤ |R| keeps α_{R>D} < 1); with |F| > |R|, α_{R>D} can exceed 1 and the conclusion then fails (${p.fails} of ${p.inScope} probe cases, boundary α* ∈ [${fmt(Math.min(...cr), 4)}, ${fmt(Math.max(...cr), 4)}]).`,
        evidence,
        notes: 'Caveat named: Lemma 10 needs α < 1 (the "without loss of generality" y_D < x_D of App. H, which Lemma 7\'s upper bound on y_D uses), which the paper does not state; it is automatic when |F| ≤ |R| (α_{R>D} ≤ α_y ≤ 2ε|F|/((1+ε²)|R|), a property). The counterexample is the smallest failing probe case.',
        counterexample: ce,
      };
    }
    return { summary: `x_R > x_D and y_R > y_D below α_{R>D} in all ${m.inScope + p.inScope} cases, probe with |F| > |R| included.`, evidence, counterexample: null };
  },

  keyNumbers: (e) => ({
    casesTried: e.casesTried, casesInScope: e.casesInScope, fails: e.main.fails, nonConverged: e.main.nonConverged + e.probe.nonConverged, vacuous: e.main.vacuous,
    probeInScope: e.probe.inScope, probeFails: e.probe.fails, probeFailsBelowOne: e.probe.failsBelowOne, probeAlphaAtLeastOne: e.probe.alphaAtLeastOne,
    medianThreshold: e.medianThreshold, maxThreshold: e.maxThreshold, minBoundary: e.probe.crossings.length ? Math.min(...e.probe.crossings) : 0,
  }),
};

export default claim;
