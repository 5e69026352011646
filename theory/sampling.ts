/**
 * Deterministic draws for claim checks. Configurations are built by construction from uniform
 * numbers in [0, 1) (never by rejection), so the same mapping serves both the seeded generator the
 * checks use and the fast-check arbitraries of properties/arbitraries.ts.
 */
import { Decimal } from 'decimal.js';
import type { Range } from './assumptions.ts';

/** xoshiro128** seeded through splitmix32: fast, 2^128 period, identical on every platform. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  return () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = rotl(d, 11);
    return r / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** u ∈ [0,1) ↦ log-uniform real in [min, max]. */
export function logUniform(u: number, r: Range): number {
  if (r.min === r.max) return r.min;
  return Math.exp(Math.log(r.min) + u * (Math.log(r.max) - Math.log(r.min)));
}

/** u ∈ [0,1) ↦ log-uniform integer in [ceil(min), floor(max)]. */
export function logUniformInt(u: number, min: number, max: number): number {
  const lo = Math.ceil(min), hi = Math.floor(max);
  if (hi <= lo) return lo;
  return Math.min(hi, Math.max(lo, Math.floor(Math.exp(Math.log(lo) + u * (Math.log(hi + 1) - Math.log(lo))))));
}

/** The sizes and ridge of a 1-D (or per-group 2-D) configuration. */
export interface SizesConfig {
  R: number;
  F: number;
  /** |R_j| (1-D) or |R_ij| (2-D): retain samples on the coordinate / group of interest */
  Rj: number;
  lambda: number;
}

/**
 * Four uniforms ↦ a consistent configuration: |R| log-uniform, |F| from the forget fraction
 * |F|/|D| (at least 1), |R_j| log-uniform in [max(1, minFrac·|R|), |R|], λ log-uniform.
 */
export function sizesFromUniforms(
  u: readonly [number, number, number, number],
  ranges: { R: Range; forgetFraction: Range; lambda: Range; minFractionOfR: number },
): SizesConfig {
  const R = logUniformInt(u[0], ranges.R.min, ranges.R.max);
  const f = ranges.forgetFraction.min + u[1] * (ranges.forgetFraction.max - ranges.forgetFraction.min);
  const F = Math.max(1, Math.round((f * R) / (1 - f)));
  const Rj = logUniformInt(u[2], Math.max(1, ranges.minFractionOfR * R), R);
  const lambda = logUniform(u[3], ranges.lambda);
  return { R, F, Rj, lambda };
}

/**
 * u ∈ [0, 1) ↦ a point strictly inside (lo, hi), kept as an exact 30-digit decimal so that a
 * counterexample prints the very value that was checked. The ends are kept 1e−6 of the width away.
 */
export function between(lo: Decimal, hi: Decimal, u: number): Decimal {
  const d = 1e-6;
  const a = lo.plus(hi.minus(lo).times(d + u * (1 - 2 * d)));
  const r = a.toSignificantDigits(30);
  return r.gt(lo) && r.lt(hi) ? r : a;
}

/** The ranges sizesFromUniforms needs, from a setting's assumptions (setting1d or setting2d). */
export function sizeRanges(setting: { R: Range; forgetFraction: Range; lambda: Range }, minFractionOfR: number): { R: Range; forgetFraction: Range; lambda: Range; minFractionOfR: number } {
  return { R: setting.R, forgetFraction: setting.forgetFraction, lambda: setting.lambda, minFractionOfR };
}

/**
 * `n` configurations from one seeded stream (4 uniforms each), with the stream returned too so a
 * caller can draw further values (α, ε) from it in the same order every run.
 */
export function drawSizes(streamSeed: number, ranges: ReturnType<typeof sizeRanges>, n: number): { sizes: SizesConfig; u: () => number }[] {
  const u = seededUniform(streamSeed >>> 0);
  return Array.from({ length: n }, () => ({ sizes: sizesFromUniforms([u(), u(), u(), u()], ranges), u }));
}
