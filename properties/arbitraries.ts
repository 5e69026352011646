/**
 * fast-check arbitraries for consistent configurations, built by construction through the same
 * mappings the claim checks use (theory/sampling.ts): uniforms in [0, 1) → sizes → α in a range.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { validateAssumptions } from '../theory/assumptions.ts';
import { between, sizesFromUniforms, type SizesConfig } from '../theory/sampling.ts';
import type { Config1d } from '../theory/logistic1d.ts';

export const DEFAULTS = validateAssumptions(JSON.parse(readFileSync(new URL('../assumptions.json', import.meta.url), 'utf8')));

export const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** |R|, |F|, |R_j|, λ from assumptions.setting1d. */
export const sizes1d: fc.Arbitrary<SizesConfig> = fc
  .tuple(unit, unit, unit, unit)
  .map((u) => sizesFromUniforms(u, { ...DEFAULTS.setting1d, minFractionOfR: DEFAULTS.setting1d.Rj.minFractionOfR }));

export function config1d(s: SizesConfig, alpha: Decimal.Value): Config1d {
  return { R: String(s.R), F: String(s.F), Rj: String(s.Rj), alpha: new Decimal(alpha).toString(), lambda: new Decimal(s.lambda).toString() };
}

/** A configuration with α strictly inside (lo(s), hi(s)); `hi` ≤ lo yields α = lo (callers guard). */
export function withAlphaIn(lo: (s: SizesConfig) => Decimal, hi: (s: SizesConfig) => Decimal): fc.Arbitrary<{ s: SizesConfig; cfg: Config1d }> {
  return fc.tuple(sizes1d, unit).map(([s, u]) => {
    const a = lo(s), b = hi(s);
    return { s, cfg: config1d(s, b.gt(a) ? between(a, b, u) : a) };
  });
}
