/**
 * L12.original-order (Lemma 12, App. H): for α < 1, L_D's stationary point has y_D < x_D. L_D is
 * strictly convex, so its stationary point is unique: decimal Newton (theory/logistic2d.ts
 * solveConvex) at α drawn in (0, min(1, |F|/|R_ij|)). Outside the precondition two probes locate
 * its boundary: α drawn in (1, |F|/|R_ij|) and α = 1 exactly (exact reason: λ(w1 − w2) =
 * (1−ε)(a − b) with a = (r/|D|)e^{−x}, b = α(r/|D|)e^{−y}, and x − y = (1−ε)(w1 − w2), so
 * y_D < x_D ⇔ α < 1).
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { solveConvex, type Config2d } from '../theory/logistic2d.ts';
import { between } from '../theory/sampling.ts';
import { unit } from './arbitraries.ts';
import { claimSeed, fmt } from './common.ts';
import { attempt, counterexample2d, drawSettings2d, ratioOfForgetFraction, relDiff, runs2d, setting2d, SETTING_2D, shrunk2d, smallCaseIn, tolerance2d, VECTORS_2D, withAlpha } from './twoD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

export interface Evidence extends EvidenceBase {
  digits: number;
  /** in scope (α < 1): y_D < x_D failed, or the point was not a minimum */
  fails: number;
  nonConverged: number;
  /** α drawn in (1, |F|/|R_ij|): how many, and in how many y_D < x_D still held */
  probesAbove: number;
  probeOrdered: number;
  /** α = 1 exactly: how many, and in how many x_D = y_D to the tolerance */
  atOne: number;
  atOneEqual: number;
  counterexample: { cfg: Config2d; xD: string; yD: string; kind: string } | null;
  /** the smallest failing case shrinking found, with its reproduce command (when a failure was measured) */
  shrunk?: Record<string, unknown> | null;
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L12.original-order',
    paperRef: 'Lemma 12, App. H',
    statement: 'For any `α < 1` there is a stationary point of `L_D` with `y_D < x_D`.',
    dependsOn: [],
    assumptions: SETTING_2D,
  },

  properties: [
    property({
      title: 'for all settings and α ∈ [0, |F|/|R_ij|], then L_D\'s stationary point is a minimum, and y_D < x_D iff α < 1',
      arbitrary: fc.tuple(setting2d, unit),
      body: ([s, u]) => {
        const c = withAlpha(s, new Decimal(s.F).div(s.Rij).times(u).toSignificantDigits(20));
        const p = solveConvex('D', c, 30);
        ensure(p.kind === 'min', () => `L_D's stationary point is a ${p.kind}`);
        ensure(p.y.lt(p.x) === new Decimal(c.alpha).lt(1), () => `α = ${c.alpha}: x_D = ${p.x}, y_D = ${p.y}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 40, full: 1000 },
    }),
    property({
      title: 'for every mpmath vector (tests/vectors/logistic2d.json), then L_D\'s decimal minimum agrees with mpmath to 45 digits',
      arbitrary: fc.constantFrom(...VECTORS_2D),
      body: (v) => {
        const p = solveConvex('D', v, 50);
        ensure(relDiff(p.w1, v.minD.w1) < 1e-45 && relDiff(p.w2, v.minD.w2) < 1e-45, () => `L_D minimum (${p.w1}, ${p.w2}) vs mpmath (${v.minD.w1}, ${v.minD.w2})`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 24, full: 24 },
    }),
  ],

  measure(ctx) {
    const tol = tolerance2d(ctx.digits);
    const e: Evidence = { casesTried: 0, casesInScope: 0, digits: ctx.digits, fails: 0, nonConverged: 0, probesAbove: 0, probeOrdered: 0, atOne: 0, atOneEqual: 0, counterexample: null };
    for (const d of drawSettings2d(ctx, 'L12.original-order', runs2d(ctx))) {
      const solveAt = (alpha: Decimal.Value): { c: Config2d; p: ReturnType<typeof solveConvex> | null } => {
        const c = withAlpha(d.s, alpha);
        e.casesTried++;
        const p = attempt(() => solveConvex('D', c, ctx.digits));
        if (!p) e.nonConverged++;
        return { c, p };
      };
      const { c, p } = solveAt(between(new Decimal(0), Decimal.min(1, d.alphaMax), d.u()));
      e.casesInScope++;
      if (p && !(p.y.lt(p.x) && p.kind === 'min')) {
        e.fails++;
        e.counterexample ??= { cfg: c, xD: p.x.toString(), yD: p.y.toString(), kind: p.kind };
      }
      if (d.alphaMax.gt(1)) {
        const q = solveAt(between(new Decimal(1), d.alphaMax, d.u())).p;
        e.probesAbove++;
        if (q && q.y.lt(q.x)) e.probeOrdered++;
      }
      if (d.alphaMax.gte(1)) {
        const q = solveAt(1).p;
        e.atOne++;
        if (q && q.x.minus(q.y).abs().lte(tol.times(q.x.abs()))) e.atOneEqual++;
      }
    }
    if (e.counterexample) {
      const fails = (c: Config2d | null): Config2d | null => {
        const p = c && attempt(() => solveConvex('D', c, ctx.digits));
        return c && p && !(p.y.lt(p.x) && p.kind === 'min') ? c : null;
      };
      const arb = smallCaseIn(ratioOfForgetFraction(ctx.assumptions.setting2d.forgetFraction), () => new Decimal(0), (s) => Decimal.min(1, new Decimal(s.F).div(s.Rij)));
      e.shrunk = shrunk2d(arb, (x) => fails(x.c), claimSeed(ctx, 'L12.original-order'), () => ({ compare: 'D.y < D.x expected for α < 1' }));
    }
    return e;
  },

  judge(e) {
    if (e.fails > 0) return 'refuted';
    return e.casesInScope === 0 || e.nonConverged > 0 ? 'inconclusive' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'The statement carries its own precondition α < 1, and y_D < x_D ⇔ α < 1 exactly (λ(w1 − w2) = (1−ε)(a − b)), so no unstated condition can separate cases: a failure at some α < 1 refutes it.' },

  describe(e, verdict) {
    const unconverged = e.nonConverged ? ` ${e.nonConverged} solves did not converge (never counted as passes).` : '';
    const probes = `Outside the precondition: for α drawn in (1, |F|/|R_ij|) y_D < x_D held in ${e.probeOrdered} of ${e.probesAbove}; at α = 1 exactly, x_D = y_D (to the tolerance) in ${e.atOneEqual} of ${e.atOne}.`;
    const necessary = e.probesAbove > 0 && e.probeOrdered === 0 ? ', so the precondition α < 1 is necessary as well as sufficient' : e.probeOrdered > 0 ? `, though y_D < x_D also holds for some α > 1 (${e.probeOrdered} cases)` : '';
    if (e.counterexample) {
      const m = e.counterexample;
      return {
        summary: `y_D < x_D fails for α < 1 in ${e.fails} of ${e.casesInScope} settings.`,
        evidence: `At R=${m.cfg.R}, F=${m.cfg.F}, Rij=${m.cfg.Rij}, α=${m.cfg.alpha}, λ=${m.cfg.lambda}, ε=${m.cfg.eps}: L_D's stationary point (a ${m.kind}) has x_D = ${fmt(m.xD)}, y_D = ${fmt(m.yD)}. ${probes}${unconverged}`,
        counterexample: e.shrunk ?? counterexample2d(m.cfg, { xD: m.xD, yD: m.yD, kind: m.kind }),
      };
    }
    if (verdict === 'inconclusive') return { summary: e.casesInScope === 0 ? 'No setting was measured: the scope is empty under these assumptions.' : `${e.nonConverged} solves did not converge.`, evidence: `${e.casesInScope} settings in scope at ${e.digits} digits. ${probes}${unconverged}`, counterexample: null };
    return {
      summary: `For α < 1, L_D's (unique) stationary point has y_D < x_D in all ${e.casesInScope} settings${necessary}.`,
      evidence:
        `L_D is strictly convex, so its stationary point is unique (Newton in w-space at ${e.digits} digits, a minimum by its Hessian). For α drawn in (0, min(1, |F|/|R_ij|)) it satisfied y_D < x_D in ${e.casesInScope - e.fails} of ${e.casesInScope} settings. ${probes}${unconverged}`,
      notes: 'Exact reason: λ(w1 − w2) = (1−ε)(a − b) with a = (|R_ij|/|D|)e^{−x}, b = α(|R_ij|/|D|)e^{−y}, and x − y = (1−ε)(w1 − w2); so y_D < x_D ⇔ α < 1. The paper\'s proof starts from "for α = 1 there is a solution with y_D < x_D by symmetry", but at α = 1 the symmetric system gives x_D = y_D exactly (the α = 1 probe).',
      counterexample: null,
    };
  },

  keyNumbers: (e) => ({ casesTried: e.casesTried, casesInScope: e.casesInScope, fails: e.fails, nonConverged: e.nonConverged, probesAbove: e.probesAbove, probeOrdered: e.probeOrdered, atOne: e.atOne, atOneEqual: e.atOneEqual }),
};

export default claim;
