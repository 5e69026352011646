/**
 * L8.da-bounds (Lemma 8, App. H.1): with y_DA < x_DA, x_DA ≤ W(|R_ij|(1+ε²)/(λ|R|) − 2αε|R_ij|/(λ|F|))
 * and y_DA ≤ W(2ε|R_ij|/(λ|R|) − α(1+ε²)|R_ij|/(λ|F|)). DA's stationary points exist only below its
 * fold (theory/logistic2d.ts header): there are exactly two, a minimum and a saddle, and the lemma
 * speaks of both. Measured three ways, so that a loosened bound cannot pass:
 *  - the inequalities at both points (decimal Newton, solveDA), for α drawn below the fold;
 *  - the formulas, against mpmath values of the paper's expressions (tests/vectors/logistic2d.json);
 *  - tightness where the proof makes the bounds exact: both replace e^{−y} by e^{−x} or back, exact
 *    when x = y; x − y = (1−ε)²(a − b)/λ, so the gaps vanish like (1−ε)² as ε → 1⁻ (at α below
 *    |F|/|R|, where DA keeps a minimum there); and at α = 0 the x bound is x_R itself, so its gap
 *    vanishes like α as α → 0⁺.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { coefficientsF64, daFold, gradHess2d, gradHessF64, lemma8, solveDA, type Config2d, type Setting2d } from '../theory/logistic2d.ts';
import { between } from '../theory/sampling.ts';
import { claimSeed, fmt } from './common.ts';
import { attempt, counterexample2d, drawSettings2d, leq, observedOrder, ratioOfForgetFraction, relDiff, runs2d, setting2d, SETTING_2D, shrunk2d, smallCaseIn, tolerance2d, VECTORS_2D, withAlpha } from './twoD-common.ts';
import { ensure, property, type ClaimModule, type EvidenceBase } from './types.ts';

export interface Evidence extends EvidenceBase {
  digits: number;
  tolerance: string;
  fails: number;
  nonConverged: number;
  /** stationary points where y_DA < x_DA did not hold (the premise; it always holds, see the header of logistic2d.ts) */
  notOrdered: number;
  /** stationary points where a W argument lay below −1/e */
  outOfDomain: number;
  /** α drawn uniformly on [0, |F|/|R_ij|]: how many, and how many fell below the fold */
  uniformDraws: number;
  uniformWithMin: number;
  /** draws at or beyond the fold (no stationary point: the lemma is vacuous), and of those with a W argument below −1/e */
  beyondFold: number;
  beyondFoldOutOfDomain: number;
  /** smallest observed orders of the gaps: x bound as α → 0⁺ (expect 1), x and y bounds as ε → 1⁻ (expect 2) */
  tightness: { settings: number; xAlpha0: number; xEps1: number; yEps1: number };
  counterexample: { cfg: Config2d; point: 'minimum' | 'saddle'; xDA: string; yDA: string; xBound: string; yBound: string } | null;
  /** the smallest failing case shrinking found, with its reproduce command (when a failure was measured) */
  shrunk?: Record<string, unknown> | null;
}

/** Relative gaps (bound − value)/max(|value|, 1) at DA's branch minimum. */
function gapsAt(c: Config2d, digits: number): { x: number; y: number } {
  const p = solveDA(c, digits, { saddle: false }).minimum;
  const b = lemma8(c, digits);
  if (!p || !b.xHi || !b.yHi) throw new RangeError(`no DA minimum or no bound at ${JSON.stringify(c)}`);
  const sc = (v: Decimal): Decimal => Decimal.max(v.abs(), 1);
  return { x: b.xHi.minus(p.x).div(sc(p.x)).toNumber(), y: b.yHi.minus(p.y).div(sc(p.y)).toNumber() };
}

/** The observed orders in both limits for one setting. */
function tightnessOrders(s: Setting2d, digits: number): { xAlpha0: number; xEps1: number; yEps1: number } {
  const top = Decimal.min(daFold(s, digits).alpha, new Decimal(s.F).div(s.Rij));
  const a1 = gapsAt(withAlpha(s, top.times('1e-3')), digits), a2 = gapsAt(withAlpha(s, top.times('1e-4')), digits);
  const alpha = Decimal.min(new Decimal(s.F).div(s.R), new Decimal(s.F).div(s.Rij)).div(2);
  const e1 = gapsAt(withAlpha({ ...s, eps: '0.999' }, alpha), digits), e2 = gapsAt(withAlpha({ ...s, eps: '0.9999' }, alpha), digits);
  return { xAlpha0: observedOrder(1e-3, a1.x, 1e-4, a2.x), xEps1: observedOrder(1e-3, e1.x, 1e-4, e2.x), yEps1: observedOrder(1e-3, e1.y, 1e-4, e2.y) };
}

const ORDER_ALPHA0 = 0.9;
const ORDER_EPS1 = 1.8;

/** A configuration with α = u·min(DA's fold, |F|/|R_ij|): DA's minimum and saddle exist. */
const belowFold = fc.tuple(setting2d, fc.double({ min: 0.001, max: 0.999, noNaN: true })).map(([s, u]) => withAlpha(s, Decimal.min(daFold(s, 30).alpha, new Decimal(s.F).div(s.Rij)).times(u).toSignificantDigits(20)));

/**
 * Stationary points float64 Newton reaches from a 9 × 9 grid of starts around the known ones (and
 * the origin): at most 60 undamped steps, converged when |∇L| ≤ 1e−10 of its terms' size, and
 * kept only if the 30-digit gradient there is below 1e−9 of its terms' size too.
 */
function newtonFromGrid(c: Config2d, around: readonly (readonly [number, number])[]): [number, number][] {
  const k = coefficientsF64('DA', c);
  const span = Math.max(2, ...around.flatMap((p) => [p[0], p[1]]).map(Math.abs)) * 1.5;
  const found: [number, number][] = [];
  for (let i = 0; i < 9; i++) {
    for (let j = 0; j < 9; j++) {
      let w1 = -span + (2 * span * i) / 8, w2 = -span + (2 * span * j) / 8;
      for (let it = 0; it < 60; it++) {
        const t = gradHessF64(k, w1, w2);
        w1 += t.d1;
        w2 += t.d2;
        if (!Number.isFinite(w1) || !Number.isFinite(w2)) break;
        const e = gradHessF64(k, w1, w2);
        const size = k.lambda * Math.hypot(w1, w2) + Math.abs(e.h11) + Math.abs(e.h22);
        if (!Number.isFinite(size)) break;
        if (Math.hypot(e.g1, e.g2) <= 1e-10 * size) {
          // a float64 hit counts only if the 30-digit gradient confirms it (overflow and cancellation can fake one)
          const g = gradHess2d('DA', c, w1, w2, 30);
          const terms = g.h11.abs().plus(g.h22.abs()).plus(new Decimal(k.lambda).times(Math.hypot(w1, w2)));
          if (Decimal.max(g.g1.abs(), g.g2.abs()).div(terms).lt(1e-9)) found.push([w1, w2]);
          break;
        }
      }
    }
  }
  return found;
}

const claim: ClaimModule<Evidence> = {
  entry: {
    id: 'L8.da-bounds',
    paperRef: 'Lemma 8, App. H.1',
    statement: 'Lemma 8 (with `y_DA < x_DA`): `x_DA ≤ W(|R_ij|(1+ε²)/(λ|R|) − 2αε|R_ij|/(λ|F|))` and `y_DA ≤ W(2ε|R_ij|/(λ|R|) − α(1+ε²)|R_ij|/(λ|F|))`.',
    dependsOn: ['L6.retrain-closed-form'],
    assumptions: [...SETTING_2D, "DA's stationary points (the minimum continued from α = 0 and the saddle), checked where they exist"],
  },

  properties: [
    property({
      title: 'for all settings and α below DA\'s fold, then DA has exactly a minimum (x > x*) and a saddle (x < x*), with y < x at both; at the fold det H = 0; float64 Newton from a grid of starts finds no other stationary point, and none at all above the fold',
      arbitrary: belowFold,
      body: (c) => {
        const sol = solveDA(c, 30);
        const min = sol.minimum!, sad = sol.saddle!;
        ensure(min.kind === 'min' && sad.kind === 'saddle', () => `kinds ${min.kind}, ${sad.kind}`);
        ensure(min.x.gt(sol.fold.x) && sad.x.lt(sol.fold.x), () => `x_min = ${min.x}, x_saddle = ${sad.x}, x* = ${sol.fold.x}`);
        ensure(min.y.lt(min.x) && sad.y.lt(sad.x), () => 'y ≥ x at a DA stationary point');
        ensure(sol.fold.relDetH.abs().lt(1e-20), () => `det H at the fold is ${sol.fold.relDetH}`);
        const known = [min, sad].map((p) => [p.w1.toNumber(), p.w2.toNumber()] as const);
        const near = (w: readonly [number, number], k: readonly [number, number]): boolean => Math.hypot(w[0] - k[0], w[1] - k[1]) <= 1e-6 * (1 + Math.hypot(k[0], k[1]));
        const found = newtonFromGrid(c, known);
        ensure(found.every((w) => known.some((k) => near(w, k))), () => `another stationary point: ${JSON.stringify(found)}`);
        ensure(found.some((w) => near(w, known[0]!)), () => 'grid Newton never reached the minimum');
        const above = withAlpha(c, sol.fold.alpha.times('1.001'));
        if (new Decimal(above.alpha).times(c.Rij).lte(c.F)) {
          ensure(solveDA(above, 30).minimum === null, () => 'a minimum above the fold');
          ensure(newtonFromGrid(above, known).length === 0, () => 'a stationary point above the fold');
        }
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 25, full: 400 },
    }),
    property({
      title: 'for all settings and α below DA\'s fold, then at both stationary points x_DA and y_DA are within Lemma 8\'s bounds',
      arbitrary: belowFold,
      body: (c) => {
        const sol = solveDA(c, 40), b = lemma8(c, 40), tol = tolerance2d(40);
        ensure(b.xHi !== null && b.yHi !== null, () => `a W argument below −1/e: ${b.xArg}, ${b.yArg}`);
        for (const p of [sol.minimum!, sol.saddle!]) ensure(leq(p.x, b.xHi, tol) && leq(p.y, b.yHi, tol), () => `(${p.kind}) x = ${p.x} vs ${b.xHi}, y = ${p.y} vs ${b.yHi}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 30, full: 600 },
    }),
    property({
      title: 'for every mpmath vector (tests/vectors/logistic2d.json), then lemma8\'s arguments and bounds, and DA\'s minimum, saddle and fold, agree with mpmath to 45 digits',
      arbitrary: fc.constantFrom(...VECTORS_2D),
      body: (v) => {
        const b = lemma8(v, 50);
        ensure(relDiff(b.xArg, v.lemma8.xArg) < 1e-45 && relDiff(b.yArg, v.lemma8.yArg) < 1e-45, () => `arguments ${b.xArg}, ${b.yArg} vs mpmath ${v.lemma8.xArg}, ${v.lemma8.yArg}`);
        for (const k of ['xHi', 'yHi'] as const) ensure(v.lemma8[k] === null ? b[k] === null : b[k] !== null && relDiff(b[k], v.lemma8[k]) < 1e-45, () => `${k} = ${b[k]} vs mpmath ${v.lemma8[k]}`);
        const da = solveDA(v, 50);
        for (const [name, p, ref] of [['minimum', da.minimum, v.minDA], ['saddle', da.saddle, v.saddleDA]] as const) {
          ensure(p !== null && relDiff(p.w1, ref.w1) < 1e-45 && relDiff(p.w2, ref.w2) < 1e-45, () => `DA ${name} (${p?.w1}, ${p?.w2}) vs mpmath (${ref.w1}, ${ref.w2})`);
        }
        ensure(relDiff(da.fold.alpha, v.foldAlpha) < 1e-45, () => `fold ${da.fold.alpha} vs mpmath ${v.foldAlpha}`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 24, full: 24 },
    }),
    property({
      title: `for all settings, then the x bound's gap vanishes as α → 0⁺ with observed order ≥ ${ORDER_ALPHA0}, and both gaps vanish as ε → 1⁻ (α = ½·min(|F|/|R|, |F|/|R_ij|)) with order ≥ ${ORDER_EPS1}`,
      arbitrary: setting2d,
      body: (s) => {
        const o = tightnessOrders(s, 30);
        ensure(o.xAlpha0 >= ORDER_ALPHA0, () => `x bound's gap vanishes with order ${o.xAlpha0} as α → 0: looser than the paper's`);
        ensure(o.xEps1 >= ORDER_EPS1 && o.yEps1 >= ORDER_EPS1, () => `gaps vanish with orders ${o.xEps1}, ${o.yEps1} as ε → 1: looser than the paper's`);
        return 'asserted';
      },
      floor: 1,
      runs: { quick: 12, full: 300 },
    }),
  ],

  measure(ctx) {
    const tol = tolerance2d(ctx.digits);
    const e: Evidence = {
      casesTried: 0, casesInScope: 0, digits: ctx.digits, tolerance: tol.toString(), fails: 0, nonConverged: 0, notOrdered: 0, outOfDomain: 0, uniformDraws: 0, uniformWithMin: 0,
      beyondFold: 0, beyondFoldOutOfDomain: 0, tightness: { settings: 0, xAlpha0: Infinity, xEps1: Infinity, yEps1: Infinity }, counterexample: null,
    };
    for (const d of drawSettings2d(ctx, 'L8.da-bounds', runs2d(ctx))) {
      const fold = attempt(() => daFold(d.s, ctx.digits));
      if (!fold) {
        e.nonConverged++;
        continue;
      }
      const top = Decimal.min(fold.alpha, d.alphaMax);
      // one α uniform on the admissible range (how much of it has a minimum), one below the fold (in scope)
      const uniform = between(new Decimal(0), d.alphaMax, d.u());
      e.uniformDraws++;
      if (uniform.lt(fold.alpha)) e.uniformWithMin++;
      for (const alpha of [uniform, between(new Decimal(0), top, d.u())]) {
        const c = withAlpha(d.s, alpha);
        const b = lemma8(c, ctx.digits);
        if (alpha.gte(fold.alpha)) {
          e.casesTried++;
          e.beyondFold++;
          if (!b.xHi || !b.yHi) e.beyondFoldOutOfDomain++;
          continue;
        }
        e.casesTried += 2; // the minimum and the saddle
        const sol = attempt(() => solveDA(c, ctx.digits));
        if (!sol || !sol.minimum || !sol.saddle) {
          e.nonConverged++;
          continue;
        }
        for (const [point, p] of [['minimum', sol.minimum], ['saddle', sol.saddle]] as const) {
          if (!p.y.lt(p.x)) {
            e.notOrdered++;
            continue;
          }
          if (!b.xHi || !b.yHi) {
            e.outOfDomain++;
            continue;
          }
          e.casesInScope++;
          if (!(leq(p.x, b.xHi, tol) && leq(p.y, b.yHi, tol))) {
            e.fails++;
            e.counterexample ??= { cfg: c, point, xDA: p.x.toString(), yDA: p.y.toString(), xBound: b.xHi.toString(), yBound: b.yHi.toString() };
          }
        }
      }
      const o = attempt(() => tightnessOrders(d.s, ctx.digits));
      if (o) {
        e.tightness.settings++;
        e.tightness.xAlpha0 = Math.min(e.tightness.xAlpha0, o.xAlpha0);
        e.tightness.xEps1 = Math.min(e.tightness.xEps1, o.xEps1);
        e.tightness.yEps1 = Math.min(e.tightness.yEps1, o.yEps1);
      } else e.nonConverged++;
    }
    if (e.counterexample) {
      const fails = (c: Config2d | null): Config2d | null => {
        const sol = c && attempt(() => solveDA(c, ctx.digits));
        if (!c || !sol) return null;
        const b = lemma8(c, ctx.digits);
        const bad = [sol.minimum, sol.saddle].some((p) => p && p.y.lt(p.x) && b.xHi && b.yHi && !(leq(p.x, b.xHi, tol) && leq(p.y, b.yHi, tol)));
        return bad ? c : null;
      };
      const arb = smallCaseIn(ratioOfForgetFraction(ctx.assumptions.setting2d.forgetFraction), () => new Decimal(0), (s) => Decimal.min(daFold(s, 30).alpha, new Decimal(s.F).div(s.Rij)));
      e.shrunk = shrunk2d(arb, (x) => fails(x.c), claimSeed(ctx, 'L8.da-bounds'), () => ({ compare: 'DA and daSaddle against paper.lemma8 in the output' }));
    }
    return e;
  },

  judge(e) {
    if (e.fails > 0) return 'refuted';
    // a point outside W's domain is a point where the bound says nothing: never a pass
    return e.casesInScope === 0 || e.nonConverged > 0 || e.outOfDomain > 0 ? 'inconclusive' : 'holds';
  },
  unreachable: { 'holds-with-caveat': 'Lemma 8\'s premise y_DA < x_DA holds at every DA stationary point (λ(w1 − w2) = (1−ε)(a − b) with a > 0 > b), and beyond the fold there is no stationary point to speak of: no unstated condition can separate cases.' },

  describe(e, verdict) {
    const pct = (a: number, b: number): string => (b === 0 ? 'none' : `${Math.round((100 * a) / b)}%`);
    const unconverged = e.nonConverged ? ` ${e.nonConverged} solves did not converge (never counted as passes).` : '';
    const t = e.tightness;
    const tight = `Tightness (the bounds are the paper's, not looser ones): over ${t.settings} settings the x bound's relative gap vanished as α → 0⁺ with smallest observed order ${fmt(t.xAlpha0, 3)} (1 expected: at α = 0 it is x_R), and as ε → 1⁻ the gaps of the x and y bounds vanished with orders ${fmt(t.xEps1, 3)} and ${fmt(t.yEps1, 3)} (2 expected: x − y = (1−ε)²(a − b)/λ).`;
    const domain = `Where DA's minimum exists: α uniform on (0, |F|/|R_ij|) fell below DA's fold in ${e.uniformWithMin} of ${e.uniformDraws} settings (${pct(e.uniformWithMin, e.uniformDraws)}); beyond the fold (${e.beyondFold} draws) DA has no stationary point and the lemma is vacuous (a W argument lay below −1/e in ${e.beyondFoldOutOfDomain} of them).`;
    const premise = `The premise y_DA < x_DA failed at ${e.notOrdered} points and a W argument was below −1/e (W0 undefined, never a pass) at ${e.outOfDomain}.`;
    if (e.counterexample) {
      const m = e.counterexample;
      return {
        summary: `Lemma 8's bounds fail at ${e.fails} of ${e.casesInScope} DA stationary points.`,
        evidence: `At the ${m.point} for R=${m.cfg.R}, F=${m.cfg.F}, Rij=${m.cfg.Rij}, α=${m.cfg.alpha}, λ=${m.cfg.lambda}, ε=${m.cfg.eps}: x_DA = ${fmt(m.xDA)} vs bound ${fmt(m.xBound)}, y_DA = ${fmt(m.yDA)} vs bound ${fmt(m.yBound)}. ${premise}${unconverged}`,
        counterexample: e.shrunk ?? counterexample2d(m.cfg, { point: m.point, xDA: m.xDA, yDA: m.yDA, xBound: m.xBound, yBound: m.yBound }),
      };
    }
    if (verdict === 'inconclusive') return { summary: e.casesInScope === 0 ? 'No DA stationary point was in scope: nothing to judge under these assumptions.' : `${e.nonConverged} solves did not converge or ${e.outOfDomain} points lay outside W's domain.`, evidence: `${e.casesInScope} points in scope. ${premise} ${domain}${unconverged}`, counterexample: null };
    return {
      summary: `Both bounds hold at all ${e.casesInScope} DA stationary points checked (minima and saddles); DA has a minimum for ${pct(e.uniformWithMin, e.uniformDraws)} of α drawn uniformly on [0, |F|/|R_ij|].`,
      evidence: `Below the fold DA has exactly two stationary points (a minimum and a saddle, by the Hessian); at ${e.casesInScope} of them both bounds held in ${e.casesInScope - e.fails} (tolerance ${fmt(e.tolerance, 1)}, ${e.digits} digits). ${premise} ${tight} ${domain}${unconverged}`,
      notes: 'With y < x, x·e^x < (first argument) and y·e^y < (second), so both arguments exceed −1/e wherever a stationary point exists.',
      counterexample: null,
    };
  },

  keyNumbers: (e) => ({
    casesTried: e.casesTried, casesInScope: e.casesInScope, fails: e.fails, nonConverged: e.nonConverged, notOrdered: e.notOrdered, outOfDomain: e.outOfDomain,
    uniformDraws: e.uniformDraws, uniformWithMin: e.uniformWithMin, beyondFold: e.beyondFold, beyondFoldOutOfDomain: e.beyondFoldOutOfDomain,
    tightOrderXAlpha0: e.tightness.xAlpha0, tightOrderXEps1: e.tightness.xEps1, tightOrderYEps1: e.tightness.yEps1,
  }),
};

export default claim;
