/**
 * theory/lossComparison.ts, the grid the X.* claims are judged on: the two statement predicates on
 * positions built by construction (signs, exact ties, ties within 1e−12 of the scale, the proxy's
 * w_DA = −∞), the coefficients against Lemma 2's definitions, α_low as the α where c_DA = c_D, the
 * App. E case of each cell, the grid axes and the region maps' counts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphaLow, belowAlphaLow, cellTheory, coefficients, doNothingNoWorse, gridAxes, ordered, regionMap, type CellTheory, type Positions } from '../theory/lossComparison.ts';
import { sizes1d, unit } from './arbitraries.ts';
import { fcParams, seedTag } from './seed.ts';

/** A gap of a given kind: exactly 0, a tie within 1e−13 of the scale, or a clear ±gap. */
const gap = fc.tuple(fc.constantFrom('zero', 'tie', 'clear'), fc.boolean(), fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.double({ min: 0, max: 0.1, noNaN: true }));
const sgnOf = ([kind, neg]: [string, boolean, number, number]): number => (kind === 'clear' ? (neg ? -1 : 1) : 0);
const valueOf = ([kind, neg, size, t]: [string, boolean, number, number], scale: number): number => (kind === 'zero' ? 0 : kind === 'tie' ? (neg ? -1 : 1) * t * 1e-12 * scale : (neg ? -1 : 1) * size);

describe('the statement predicates', () => {
  it(`for all positions with w_D − w_R and w_DA − w_D each zero, a tie below 1e−12 of the scale or clearly signed, then ordered ⇔ (sign product ≥ 0) and doNothingNoWorse ⇔ |w_D − w_R| ≤ |w_DA − w_R| up to the tie ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), gap, gap, (wR, g1, g2) => {
        // scale of the positions: 1 + |w_D| + |w_R| + |w_DA| ≥ 1, and the ties are below 1e−13
        const wD = wR + valueOf(g1, 1);
        const wDA = wD + valueOf(g2, 1);
        const p: Positions = { wD, wR, wDA };
        expect(ordered(p), JSON.stringify(p)).toBe(sgnOf(g2) * sgnOf(g1) >= 0);
        const dn = Math.abs(wD - wR), da = Math.abs(wDA - wR);
        if (Math.abs(dn - da) > 1e-9) expect(doNothingNoWorse(p), JSON.stringify(p)).toBe(dn < da);
        else if (sgnOf(g2) === 0) expect(doNothingNoWorse(p), JSON.stringify(p)).toBe(true);
        // the proxy without a DA minimum: w_DA = −∞ is ordered iff w_D ≤ w_R (ties count), and never worse than doing nothing
        const q: Positions = { wD, wR, wDA: null };
        expect(ordered(q), JSON.stringify(q)).toBe(sgnOf(g1) <= 0);
        expect(doNothingNoWorse(q)).toBe(true);
      }),
      fcParams({ quick: 300, full: 3000 }),
    );
  });

  it('ties are measured against the scale 1 + |w_D| + |w_R| + |w_DA|: a gap of 5e−12 at positions near 100 is a tie, at positions near 0 it is not', () => {
    expect(ordered({ wD: 100 + 5e-12, wR: 100, wDA: 99 })).toBe(true);
    expect(ordered({ wD: 5e-12, wR: 0, wDA: -1 })).toBe(false);
    expect(ordered({ wD: 1e-13, wR: 0, wDA: null })).toBe(true);
    expect(ordered({ wD: 100, wR: 99, wDA: 100 + 5e-12 })).toBe(true);
    expect(ordered({ wD: 0, wR: -1, wDA: -5e-12 })).toBe(false);
    expect(doNothingNoWorse({ wD: 1 + 2e-12, wR: 0, wDA: 1 })).toBe(true); // scale 3e−12
    expect(doNothingNoWorse({ wD: 1 + 5e-11, wR: 0, wDA: 1 })).toBe(false);
    expect(doNothingNoWorse({ wD: 101 + 1e-10, wR: 100, wDA: 101 })).toBe(true);
    // each position enters the scale by its magnitude: here the tie exists only through |w_R| resp. |w_DA|
    expect(ordered({ wD: 100 + 5e-11, wR: 100, wDA: 0 })).toBe(true);
    expect(ordered({ wD: 5e-11, wR: 0, wDA: -100 })).toBe(true);
    expect(ordered({ wD: 5e-11, wR: 0, wDA: -1 })).toBe(false);
    expect(doNothingNoWorse({ wD: 1e-10, wR: -100, wDA: 0 })).toBe(true);
    expect(doNothingNoWorse({ wD: 1e-9, wR: -1, wDA: 0 })).toBe(false);
  });
});

describe('coefficients, α_low and the cases', () => {
  it(`for all configurations and α ∈ [0, 2|F|/|R_j|], then c_D = (1 + α)|R_j|/|D|, c_R = |R_j|/|R|, c_DA = |R_j|/|R| − α|R_j|/|F|; c_DA = c_D exactly at α_low; belowAlphaLow ⇔ α < α_low away from it; the case is App. E's from z = c_DA/λ ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, unit, (s, u) => {
        const g = { R: s.R, F: s.F, Rj: s.Rj };
        const alpha = (2 * u * s.F) / s.Rj;
        const k = coefficients(g, alpha);
        const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
        expect(rel(k.cD, (s.Rj + alpha * s.Rj) / (s.R + s.F))).toBeLessThan(1e-14);
        expect(rel(k.cR, s.Rj / s.R)).toBeLessThan(1e-15);
        expect(Math.abs(k.cDA - (s.Rj / s.R - (alpha * s.Rj) / s.F))).toBeLessThanOrEqual(1e-15 * (s.Rj / s.R + (alpha * s.Rj) / s.F));
        const low = alphaLow(g);
        const at = coefficients(g, low);
        expect(Math.abs(at.cDA - at.cD)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(at.cD)));
        expect(belowAlphaLow(g, low)).toBe(false);
        if (Math.abs(alpha - low) > 1e-9 * low) expect(belowAlphaLow(g, alpha)).toBe(alpha < low);
        expect(belowAlphaLow(g, low * (1 - 1e-9))).toBe(true);
        const cell = cellTheory(g, alpha, s.lambda);
        const z = k.cDA / s.lambda;
        expect(cell.kase).toBe(z > 0 ? 1 : z >= -1 / Math.E ? 2 : 3);
        expect(cell.exponential.wDA === null).toBe(cell.kase === 3);
        expect([cell.alpha, cell.lambda, cell.cD, cell.cR, cell.cDA]).toEqual([alpha, s.lambda, k.cD, k.cR, k.cDA]);
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
  });

  it('the case boundary z = −1/e belongs to case 2, just below it to case 3; z = 0 to case 2', () => {
    // R = F = Rj = 1: c_DA = 1 − α, so z = (1 − α)/λ; λ = 1 puts z = −1/e at α = 1 + 1/e
    const g = { R: 1, F: 1, Rj: 1 };
    expect(cellTheory(g, 1, 1).kase).toBe(2);
    expect(cellTheory(g, 0.5, 1).kase).toBe(1);
    const cut = 1 + 1 / Math.E;
    expect(cellTheory(g, cut * (1 - 1e-12), 1).kase).toBe(2);
    expect(cellTheory(g, cut * (1 + 1e-12), 1).kase).toBe(3);
    // z = (1 − 2)/e is −1/e to the last bit: the branch point itself is case 2 (W₀(−1/e) = −1 exists)
    const branch = cellTheory(g, 2, Math.E);
    expect(branch.cDA / branch.lambda).toBe(-1 / Math.E);
    expect(branch.kase).toBe(2);
  });
});

describe('grid axes and region maps', () => {
  it(`for all maps of cells whose statement differs between the losses, then regionMap counts '1's per loss and the cells where they disagree ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 })).chain(([n, m]) => fc.array(fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: n, maxLength: n }), { minLength: m, maxLength: m })), (rows) => {
        // synthetic cells: the statement "w_D > 0" is true under a loss iff its flag is set
        const at = (flag: boolean): Positions => ({ wD: flag ? 1 : -1, wR: 0, wDA: null });
        const cells = rows.map((r) => r.map(([e, l]) => ({ exponential: at(e), logistic: at(l) }) as unknown as CellTheory));
        const n = rows[0]!.length, m = rows.length;
        const map = regionMap(cells, { R: 1, F: 1, Rj: 1 }, Array.from({ length: n }, (_, i) => i), Array.from({ length: m }, (_, j) => j), (p) => p.wD > 0);
        const flat = rows.flat();
        expect(map.exponential).toEqual(rows.map((r) => r.map(([e]) => (e ? '1' : '0')).join('')));
        expect(map.logistic).toEqual(rows.map((r) => r.map(([, l]) => (l ? '1' : '0')).join('')));
        expect(map.differ).toBe(flat.filter(([e, l]) => e !== l).length);
        expect(map.fractionExponential).toBe(flat.filter(([e]) => e).length / (n * m));
        expect(map.fractionLogistic).toBe(flat.filter(([, l]) => l).length / (n * m));
      }),
      fcParams({ quick: 60, full: 600 }),
    );
  });

  it(`for all configurations and grid sizes, α runs over [0, |F|/|R_j|] evenly with both ends, λ log-evenly over [min, max] with both ends; one point gives the middle α and λ_min ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, fc.integer({ min: 2, max: 40 }), fc.integer({ min: 2, max: 12 }), (s, n, m) => {
        const g = { R: s.R, F: s.F, Rj: s.Rj };
        const { alphas, lambdas } = gridAxes(g, n, { min: 1e-4, max: 10 }, m);
        expect(alphas.length).toBe(n);
        expect(lambdas.length).toBe(m);
        expect(alphas[0]).toBe(0);
        expect(Math.abs(alphas[n - 1]! - s.F / s.Rj)).toBeLessThanOrEqual(1e-15 * (s.F / s.Rj));
        for (let i = 1; i < n; i++) expect(Math.abs(alphas[i]! - alphas[i - 1]! - s.F / s.Rj / (n - 1))).toBeLessThanOrEqual(1e-12 * (s.F / s.Rj));
        expect(lambdas[0]).toBe(1e-4);
        expect(Math.abs(lambdas[m - 1]! - 10)).toBeLessThan(1e-12);
        for (let j = 1; j < m; j++) expect(Math.abs(Math.log(lambdas[j]! / lambdas[j - 1]!) - Math.log(1e5) / (m - 1))).toBeLessThan(1e-12);
        const one = gridAxes(g, 1, { min: 0.5, max: 2 }, 1);
        expect(one.alphas).toEqual([s.F / s.Rj / 2]);
        expect(one.lambdas).toEqual([0.5]);
      }),
      fcParams({ quick: 60, full: 600 }),
    );
  });

  it(`for all small grids, the region map has one row per λ and one character per α, '1' exactly where the statement holds, and its fractions and disagreement count are those of the rows ${seedTag}`, () => {
    fc.assert(
      fc.property(sizes1d, fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), (s, n, m, useOrder) => {
        const g = { R: s.R, F: s.F, Rj: s.Rj };
        const { alphas, lambdas } = gridAxes(g, n, { min: 1e-3, max: 10 }, m);
        const cells = lambdas.map((l) => alphas.map((a) => cellTheory(g, a, l)));
        const st = useOrder ? ordered : doNothingNoWorse;
        const map = regionMap(cells, g, alphas, lambdas, st);
        expect(map.exponential.length).toBe(m);
        expect(map.logistic.length).toBe(m);
        let he = 0, hl = 0, differ = 0;
        cells.forEach((row, j) => row.forEach((c, i) => {
          const e = st(c.exponential), l = st(c.logistic);
          expect(map.exponential[j]![i]).toBe(e ? '1' : '0');
          expect(map.logistic[j]![i]).toBe(l ? '1' : '0');
          he += e ? 1 : 0; hl += l ? 1 : 0; differ += e !== l ? 1 : 0;
        }));
        expect(map.exponential.every((r) => r.length === n) && map.logistic.every((r) => r.length === n)).toBe(true);
        expect(map.fractionExponential).toBe(he / (n * m));
        expect(map.fractionLogistic).toBe(hl / (n * m));
        expect(map.differ).toBe(differ);
        expect([map.config, map.alphas, map.lambdas]).toEqual([g, alphas, lambdas]);
      }),
      fcParams({ quick: 40, full: 400 }),
    );
  });
});
