/** fast-check arbitraries of the 2-D setting, built by construction from assumptions.setting2d. */
import fc from 'fast-check';
import { sizesFromUniforms } from '../theory/sampling.ts';
import type { Setting2d } from '../theory/logistic2d.ts';
import { DEFAULTS, unit } from './arbitraries.ts';

const sig = (x: number, n = 6): string => String(Number(x.toPrecision(n)));

/** |R|, |F|, |R_ij|, λ, ε from assumptions.setting2d, from uniforms (never by rejection), as exact decimal strings. */
export const setting2d: fc.Arbitrary<Setting2d> = fc.tuple(unit, unit, unit, unit, unit).map(([a, b, c, d, e]) => {
  const s2 = DEFAULTS.setting2d;
  const z = sizesFromUniforms([a, b, c, d], { ...s2, minFractionOfR: s2.Rij.minFractionOfR });
  return { R: String(z.R), F: String(z.F), Rij: String(z.Rj), lambda: sig(z.lambda), eps: sig(s2.eps.min + e * (s2.eps.max - s2.eps.min)) };
});
