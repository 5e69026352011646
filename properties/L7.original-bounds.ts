/**
 * L7.original-bounds (Lemma 7, App. H.1): with y_D < x_D (α < 1, see L12), Lemma 7's four bounds
 * enclose L_D's minimum. Measured three ways, so that a loosened bound cannot pass:
 *  - the inequalities, at L_D's minimum by decimal Newton (theory/logistic2d.ts solveConvex) for α
 *    drawn in (0, min(1, |F|/|R_ij|)), with a probe beyond the premise (α in (1, |F|/|R_ij|));
 *  - the formulas, against mpmath values of the paper's expressions (tests/vectors/logistic2d.json);
 *  - tightness where the proof makes each bound tight: the lower bound on x and the upper bound on
 *    y replace e^{−y} by e^{−x} (and back), exact when y = x, i.e. as α → 1⁻; the upper bound on x
 *    and the lower bound on y drop the cross term 2ε·e^{−x} (and bound e^{−c} by 1), exact as
 *    ε → 0⁺. Each relative gap must vanish like the distance to the limit (observed order ≈ 1).
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { lemma7, solveConvex, type Config2d, type Setting2d } from '../theory/logistic2d.ts';
import { between } from '../theory/sampling.ts';
import { unit } from './arbitraries.ts';
import { claimSeed, fmt } from './common.ts';
import { attempt, counterexample2d, drawSettings2d, leq, observedOrder, ratioOfForgetFraction, relDiff, runs2d, setting2d, SETTING_2D, shrunk2d, smallCaseIn, tolerance2d, VECTORS_2D, withAlpha } from './twoD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

type Which = { xLo: boolean; xHi: boolean; yLo: boolean; yHi: boolean };
const BOUNDS = ['xLo', 'xHi', 'yLo', 'yHi'] as const;

export interface Evidence extends EvidenceBase {
  digits: number;
  tolerance: string;
  /** in scope: a bound failed, or y_D < x_D did not hold */
  fails: number;
  nonConverged: number;
  /** beyond the premise (α > 1): probes, how many failed, and which bound failed how often */
  probes: number;
  probeFails: number;
  probeWhich: Record<(typeof BOUNDS)[number], number>;
  /** the smallest observed order (over settings) at which each bound's relative gap vanishes in its limit */
  tightness: { settings: number; xLo: number; yHi: number; xHi: number; yLo: number };
  counterexample: { cfg: Config2d; xD: string; yD: string; bounds: Record<string, string>; held: Which } | null;
  probeCounterexample: { cfg: Config2d; held: Which } | null;
  /** the smallest failing case shrinking found, with its reproduce command (when a failure was measured) */
  shrunk?: Record<string, unknown> | null;
}

/** Relative gaps between L_D's minimum and each bound (positive where the bound holds). */
function gaps(c: Config2d, digits: number): Record<(typeof BOUNDS)[number], number> {
  const p = solveConvex('D', c, digits);
  const b = lemma7(c, digits);
  return { xLo: p.x.minus(b.xLo).div(p.x).toNumber(), xHi: b.xHi.minus(p.x).div(p.x).toNumber(), yLo: p.y.minus(b.yLo).div(p.y).toNumber(), yHi: b.yHi.minus(p.y).div(p.y).toNumber() };
}

/** A setting where α up to 1 is admissible (|R_ij| ≤ |F|), the rest kept. */
const admitOne = (s: Setting2d): Setting2d => ({ ...s, Rij: String(Math.min(Number(s.Rij), Number(s.F))) });

/** Observed orders of the four gaps in their limits: α = 1 − 10^−3, 10^−4 (xLo, yHi); ε = 10^−2, 10^−3 at α = 1/2 (xHi, yLo). */
function tightnessOrders(s0: Setting2d, digits: number): { xLo: number; yHi: number; xHi: number; yLo: number } {
  const s = admitOne(s0);
  const a1 = gaps(withAlpha(s, '0.999'), digits), a2 = gaps(withAlpha(s, '0.9999'), digits);
  const e1 = gaps(withAlpha({ ...s, eps: '0.01' }, '0.5'), digits), e2 = gaps(withAlpha({ ...s, eps: '0.001' }, '0.5'), digits);
  return { xLo: observedOrder(1e-3, a1.xLo, 1e-4, a2.xLo), yHi: observedOrder(1e-3, a1.yHi, 1e-4, a2.yHi), xHi: observedOrder(1e-2, e1.xHi, 1e-3, e2.xHi), yLo: observedOrder(1e-2, e1.yLo, 1e-3, e2.yLo) };
}

/** Order 1 is what the proof's replacements give; below this the bound is looser than the paper's. */
const TIGHT_ORDER = 0.9;

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L7.original-bounds',
    paperRef: 'Lemma 7, App. H.1',
    statement: 'Lemma 7 (with `y_D < x_D`): `W(|R_ij|((1+ε²)+2αε)/(λ|D|)) ≤ x_D ≤ (2ε/(1+ε²))·W(α(1+ε²)|R_ij|/(λ|D|)) + W((1+ε²)|R_ij|/(λ|D|))`, and `W(α(1+ε²)|R_ij|/(λ|D|)) ≤ y_D ≤ W(|R_ij|(2ε + α(1+ε²))/(λ|D|))`.',
    dependsOn: ['L12.original-order'],
    assumptions: SETTING_2D,
  },

  properties: [
    property({
      title: 'for all settings and α ∈ (0, min(1, |F|/|R_ij|)), then y_D < x_D and L_D\'s minimum lies within all four of Lemma 7\'s bounds',
      arbitrary: fc.tuple(setting2d, unit),
      body: ([s, u]) => {
        const c = withAlpha(s, between(new Decimal(0), Decimal.min(1, new Decimal(s.F).div(s.Rij)), u).toSignificantDigits(20));
        const p = solveConvex('D', c, 40), b = lemma7(c, 40), tol = tolerance2d(40);
        ensure(p.y.lt(p.x), () => `y_D ≥ x_D at α = ${c.alpha}`);
        ensure(leq(b.xLo, p.x, tol) && leq(p.x, b.xHi, tol) && leq(b.yLo, p.y, tol) && leq(p.y, b.yHi, tol), () => `x_D = ${p.x} ∉ [${b.xLo}, ${b.xHi}] or y_D = ${p.y} ∉ [${b.yLo}, ${b.yHi}]`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 40, full: 1000 },
    }),
    property({
      title: 'for every mpmath vector (tests/vectors/logistic2d.json), then lemma7 gives the paper\'s four bounds to 45 digits',
      arbitrary: fc.constantFrom(...VECTORS_2D),
      body: (v) => {
        const b = lemma7(v, 50);
        for (const k of BOUNDS) ensure(relDiff(b[k], v.lemma7[k]) < 1e-45, () => `${k} = ${b[k]}, the paper's formula (mpmath) gives ${v.lemma7[k]}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 24, full: 24 },
    }),
    property({
      title: `for all settings (|R_ij| ≤ |F|), then each bound's relative gap vanishes in the limit where the proof makes it exact (x_D's lower and y_D's upper bound as α → 1⁻, x_D's upper and y_D's lower bound as ε → 0⁺) with observed order ≥ ${TIGHT_ORDER}`,
      arbitrary: setting2d,
      body: (s) => {
        const o = tightnessOrders(s, 30);
        for (const k of BOUNDS) ensure(o[k] >= TIGHT_ORDER, () => `the ${k} bound's gap vanishes with order ${o[k]} (< ${TIGHT_ORDER}): looser than the paper's`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 15, full: 300 },
    }),
  ],

  measure(ctx) {
    const tol = tolerance2d(ctx.digits);
    const e: Evidence = {
      casesTried: 0, casesInScope: 0, digits: ctx.digits, tolerance: tol.toString(), fails: 0, nonConverged: 0, probes: 0, probeFails: 0,
      probeWhich: { xLo: 0, xHi: 0, yLo: 0, yHi: 0 }, tightness: { settings: 0, xLo: Infinity, yHi: Infinity, xHi: Infinity, yLo: Infinity }, counterexample: null, probeCounterexample: null,
    };
    const check = (c: Config2d) => {
      e.casesTried++;
      const p = attempt(() => solveConvex('D', c, ctx.digits));
      if (!p) {
        e.nonConverged++;
        return null;
      }
      const b = lemma7(c, ctx.digits);
      const held: Which = { xLo: leq(b.xLo, p.x, tol), xHi: leq(p.x, b.xHi, tol), yLo: leq(b.yLo, p.y, tol), yHi: leq(p.y, b.yHi, tol) };
      return { p, b, held, all: BOUNDS.every((k) => held[k]) };
    };
    for (const d of drawSettings2d(ctx, 'L7.original-bounds', runs2d(ctx))) {
      const c = withAlpha(d.s, between(new Decimal(0), Decimal.min(1, d.alphaMax), d.u()));
      const r = check(c);
      e.casesInScope++;
      if (r && !(r.all && r.p.y.lt(r.p.x))) {
        e.fails++;
        e.counterexample ??= { cfg: c, xD: r.p.x.toString(), yD: r.p.y.toString(), bounds: Object.fromEntries(BOUNDS.map((k) => [k, r.b[k].toString()])), held: r.held };
      }
      if (d.alphaMax.gt(1)) {
        const cp = withAlpha(d.s, between(new Decimal(1), d.alphaMax, d.u()));
        const rp = check(cp);
        e.probes++;
        if (rp && !rp.all) {
          e.probeFails++;
          for (const k of BOUNDS) if (!rp.held[k]) e.probeWhich[k]++;
          e.probeCounterexample ??= { cfg: cp, held: rp.held };
        }
      }
      const o = attempt(() => tightnessOrders(d.s, ctx.digits));
      if (o) {
        e.tightness.settings++;
        for (const k of BOUNDS) e.tightness[k] = Math.min(e.tightness[k], o[k]);
      } else e.nonConverged++;
    }
    if (e.counterexample) {
      // its own solve, so the shrinking's evaluations stay out of the counts above
      const fails = (c: Config2d | null): Config2d | null => {
        const p = c && attempt(() => solveConvex('D', c, ctx.digits));
        if (!c || !p) return null;
        const b = lemma7(c, ctx.digits);
        return leq(b.xLo, p.x, tol) && leq(p.x, b.xHi, tol) && leq(b.yLo, p.y, tol) && leq(p.y, b.yHi, tol) && p.y.lt(p.x) ? null : c;
      };
      const arb = smallCaseIn(ratioOfForgetFraction(ctx.assumptions.setting2d.forgetFraction), () => new Decimal(0), (s) => Decimal.min(1, new Decimal(s.F).div(s.Rij)));
      e.shrunk = shrunk2d(arb, (x) => fails(x.c), claimSeed(ctx, 'L7.original-bounds'), () => ({ compare: 'D.x, D.y against paper.lemma7 in the output' }));
    }
    return e;
  },

  judge(e) {
    if (e.fails > 0) return 'refuted';
    return e.casesInScope === 0 || e.nonConverged > 0 ? 'inconclusive' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'Lemma 7 states its premise y_D < x_D, which holds exactly when α < 1 (L12): every case is either inside it (a failure refutes) or outside the statement (the probe, reported, not judged).' },

  describe(e, verdict) {
    const unconverged = e.nonConverged ? ` ${e.nonConverged} solves did not converge (never counted as passes).` : '';
    const t = e.tightness;
    const tight = `Tightness (the bounds are the paper's, not looser ones): over ${t.settings} settings the relative gap of x_D's lower and y_D's upper bound vanished as α → 1⁻ with smallest observed order ${fmt(t.xLo, 3)} and ${fmt(t.yHi, 3)}; of x_D's upper and y_D's lower bound as ε → 0⁺ with ${fmt(t.xHi, 3)} and ${fmt(t.yLo, 3)} (order 1 is what the proof's replacements give).`;
    const probe = `Beyond the premise (α drawn in (1, |F|/|R_ij|), where y_D > x_D): the bounds failed in ${e.probeFails} of ${e.probes} — the lower bound on x_D in ${e.probeWhich.xLo}, the upper bound on y_D in ${e.probeWhich.yHi}, the upper bound on x_D in ${e.probeWhich.xHi}, the lower bound on y_D in ${e.probeWhich.yLo}${e.probeCounterexample ? ` (e.g. ${counterexample2d(e.probeCounterexample.cfg, {}).reproduce})` : ''}.`;
    if (e.counterexample) {
      const m = e.counterexample;
      const failed = BOUNDS.filter((k) => !m.held[k]);
      return {
        summary: `Lemma 7's bounds fail in ${e.fails} of ${e.casesInScope} settings with α < 1${failed.length ? ` (${failed.join(', ')})` : ' (y_D ≥ x_D)'}.`,
        evidence: `At R=${m.cfg.R}, F=${m.cfg.F}, Rij=${m.cfg.Rij}, α=${m.cfg.alpha}, λ=${m.cfg.lambda}, ε=${m.cfg.eps}: x_D = ${fmt(m.xD)}, y_D = ${fmt(m.yD)}, bounds ${BOUNDS.map((k) => `${k} = ${fmt(m.bounds[k]!)}`).join(', ')}. ${probe}${unconverged}`,
        counterexample: e.shrunk ?? counterexample2d(m.cfg, { xD: m.xD, yD: m.yD, bounds: m.bounds, boundsHeld: m.held }),
      };
    }
    if (verdict === 'inconclusive') return { summary: e.casesInScope === 0 ? 'No setting was measured: the scope is empty under these assumptions.' : `${e.nonConverged} solves did not converge.`, evidence: `${e.casesInScope} settings in scope at ${e.digits} digits.${unconverged}`, counterexample: null };
    return {
      summary: `All four bounds hold in the ${e.casesInScope} settings with y_D < x_D (α < 1); for α > 1 (y_D > x_D) they fail in ${e.probeFails} of ${e.probes}.`,
      evidence: `In scope (α drawn in (0, min(1, |F|/|R_ij|)), where y_D < x_D by L12): the four bounds held in ${e.casesInScope - e.fails} of ${e.casesInScope} (L_D's minimum by Newton at ${e.digits} digits, tolerance ${fmt(e.tolerance, 1)}). ${tight} ${probe}${unconverged}`,
      notes: 'Only the x lower bound and the y upper bound use e^{−y} > e^{−x}; for y > x both inequalities reverse, while the other two need no premise. The paper assumes y_D < x_D "without loss of generality"; by L12 that holds exactly when α < 1.',
      counterexample: null,
    };
  },

  keyNumbers: (e) => ({
    casesTried: e.casesTried, casesInScope: e.casesInScope, fails: e.fails, nonConverged: e.nonConverged, probes: e.probes, probeFails: e.probeFails,
    probeFailsXLo: e.probeWhich.xLo, probeFailsYHi: e.probeWhich.yHi, probeFailsXHi: e.probeWhich.xHi, probeFailsYLo: e.probeWhich.yLo,
    tightOrderXLo: e.tightness.xLo, tightOrderYHi: e.tightness.yHi, tightOrderXHi: e.tightness.xHi, tightOrderYLo: e.tightness.yLo,
  }),
};

export default claim;
