/**
 * Properties of the 1-D setting (Sec. 5.1.1, App. C–G), one block per claim id of claims.md.
 * Inputs are drawn by construction (properties/arbitraries.ts); the global SEED replays a failure.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { fcParams, seedTag } from './seed.ts';
import { config1d, sizes1d, unit, withAlphaIn } from './arbitraries.ts';
import { between, type SizesConfig } from '../theory/sampling.ts';
import {
  coefficient,
  gradientZerosByBisection,
  solve1d,
  thresholds,
} from '../theory/logistic1d.ts';

const DIGITS = 30;
const th = (s: SizesConfig) => thresholds(config1d(s, 0), DIGITS);
const zero = () => new Decimal(0);

describe('Lemma 3 and App. E', () => {
  it(`L3.case1-range: for all configurations and α ∈ (|F|²/(|R|(|F|+|D|)), |F|/|R|), w_DA < w_D < w_R ${seedTag}`, () => {
    fc.assert(
      fc.property(withAlphaIn((s) => th(s).alphaLow, (s) => th(s).alphaSplit), ({ cfg }) => {
        const s = solve1d(cfg, DIGITS);
        expect(s.wDA).not.toBeNull();
        expect(s.wDA!.lt(s.wD) && s.wD.lt(s.wR)).toBe(true);
      }),
      fcParams({ quick: 100, full: 3000 }),
    );
  });

  it(`L3.ordering / L3.do-nothing: for all configurations and α ∈ (0, |F|²/(|R|(|F|+|D|))), the ordering fails and DA is strictly closer to the oracle than doing nothing ${seedTag}`, () => {
    fc.assert(
      fc.property(withAlphaIn(zero, (s) => th(s).alphaLow), ({ cfg }) => {
        const s = solve1d(cfg, DIGITS);
        expect(s.lemma3).toBe(false);
        expect(s.deltaRDA.lt(s.deltaRD)).toBe(true);
      }),
      fcParams({ quick: 100, full: 3000 }),
    );
  });

  it(`L3.ordering: for all configurations and α ∈ [|F|²/(|R|(|F|+|D|)), |F|/|R|], (w_DA − w_D)(w_D − w_R) ≥ 0 and doing nothing is at least as good ${seedTag}`, () => {
    fc.assert(
      fc.property(withAlphaIn((s) => th(s).alphaLow, (s) => th(s).alphaSplit), ({ cfg }) => {
        const s = solve1d(cfg, DIGITS);
        expect(s.lemma3).toBe(true);
        expect(s.deltaRD.lte(s.deltaRDA)).toBe(true);
      }),
      fcParams({ quick: 100, full: 3000 }),
    );
  });

  it(`L3.case-split: for all configurations and α ≠ |F|/|R|, the case read off α's thresholds equals the case read off z ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, unit, fc.integer({ min: 0, max: 2 }), (s, u, k) => {
        const t = th(s);
        const ranges = [[new Decimal(0), t.alphaSplit], [t.alphaSplit, t.alphaFold], [t.alphaFold, t.alphaFold.times(2)]] as const;
        const alpha = between(ranges[k]![0], ranges[k]![1], u);
        const sol = solve1d(config1d(s, alpha), DIGITS);
        expect(sol.case).toBe(([1, 2, 3] as const)[k]);
        expect(sol.stationaryDA.length).toBe([1, 2, 0][k]);
      }),
      fcParams({ quick: 150, full: 3000 }),
    );
  });

  it(`L3.case2-branches (refuted): for all case-2 configurations, the primary-branch point is the local MINIMUM and the secondary-branch point the MAXIMUM ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, unit, (s0, u) => {
        const s = { ...s0, Rj: Math.min(s0.Rj, s0.R - 1) }; // |R_j| < |R| so case 2 lies inside the setting
        const t = th(s);
        const alpha = between(t.alphaSplit, Decimal.min(t.alphaFold, t.alphaMax), u);
        const sol = solve1d(config1d(s, alpha), DIGITS);
        const p0 = sol.stationaryDA.find((p) => p.branch === 0)!;
        const pm1 = sol.stationaryDA.find((p) => p.branch === -1)!;
        expect(p0.kind).toBe('min');
        expect(pm1.kind).toBe('max');
        expect(sol.wDA!.eq(p0.w)).toBe(true);
      }),
      fcParams({ quick: 100, full: 3000 }),
    );
  });

  it(`L3.case3-divergence: for all configurations with z < −1/e, f′ > 0 everywhere (no stationary point; descent runs to −∞) ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, unit, unit, (s0, u, v) => {
        // case 3 inside the setting needs λ < e(1 − |R_j|/|R|): construct λ below that bound
        const s = { ...s0, Rj: Math.min(s0.Rj, s0.R - 1) };
        const cap = Math.E * (1 - s.Rj / s.R);
        const sized = { ...s, lambda: Math.min(s.lambda, cap * (0.01 + 0.98 * v)) };
        const t = th(sized);
        const cfg = config1d(sized, between(t.alphaFold, t.alphaMax, u));
        const c = coefficient('DA', cfg, DIGITS);
        const lam = new Decimal(cfg.lambda);
        expect(lam.times(c.neg().div(lam).ln().plus(1)).gt(0)).toBe(true);
        expect(gradientZerosByBisection(c, cfg.lambda, DIGITS)).toEqual([]);
        expect(solve1d(cfg, DIGITS).wDA).toBeNull();
      }),
      fcParams({ quick: 100, full: 3000 }),
    );
  });
});

describe('Lemmas 4–5 and Corollary 1', () => {
  it(`L4.distance-growth: for all configurations, λ and α ∈ [0, |F|/|R_j|], |w_D − w_R| ≤ |ln((1+α)|R|/|D|)| ${seedTag}`, () => {
    fc.assert(
      fc.property(withAlphaIn(zero, (s) => th(s).alphaMax), ({ cfg }) => {
        const s = solve1d(cfg, DIGITS);
        expect(s.deltaRD.lte(s.lemma4Bound.times(1 + 1e-20).plus(1e-25))).toBe(true);
      }),
      fcParams({ quick: 150, full: 5000 }),
    );
  });

  it(`L5.distance-unlearning: for all configurations and α ∈ (|F|/|R|, |F|/|R_j|], |w_R − w_DA| ≥ W0(|R_j|/(λ|R|)) (∞ where DA diverges) ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, unit, (s0, u) => {
        const s = { ...s0, Rj: Math.min(s0.Rj, s0.R - 1) };
        const t = th(s);
        const sol = solve1d(config1d(s, between(t.alphaSplit, t.alphaMax, u)), DIGITS);
        expect(sol.deltaRDA.gte(sol.lemma5Bound)).toBe(true);
      }),
      fcParams({ quick: 150, full: 5000 }),
    );
  });

  it(`C1.volatility: for all configurations, at α = |F|/|R| and λ = 10^−k (k ∈ [20, 80]), Δ_{R,D} ≈ 0 while Δ_{R,DA} = w_R > ln(1/λ)/2 ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, fc.integer({ min: 20, max: 80 }), (s, k) => {
        const digits = DIGITS + k + 10; // α = |F|/|R| is rounded; keep its error far below λ
        const alpha = new Decimal(s.F).div(s.R).toSignificantDigits(digits);
        const sol = solve1d({ ...config1d(s, alpha), lambda: `1e-${k}` }, digits);
        expect(sol.deltaRD.lt(1e-15)).toBe(true);
        expect(sol.deltaRDA.gt((k * Math.log(10)) / 2)).toBe(true);
      }),
      fcParams({ quick: 40, full: 1000 }),
    );
  });
});
