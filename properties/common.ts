/**
 * Helpers every claim module shares, each in one place: a distinct seeded stream per claim id, the
 * profile's run count, number formatting for prose, the median.
 */
import { Decimal } from 'decimal.js';
import type { CheckContext } from './types.ts';

/** FNV-1a: a claim id ↦ 32 bits, so each claim draws its own stream from the one seed. */
export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The stream seed of claim `id` under the run's seed. */
export const claimSeed = (ctx: Pick<CheckContext, 'seed'>, id: string): number => (ctx.seed ^ hashString(id)) >>> 0;

/** Configurations per claim in this profile (assumptions.profiles). */
export const runs = (ctx: Pick<CheckContext, 'assumptions' | 'profile'>): number => ctx.assumptions.profiles[ctx.profile].runs;

/** A number for prose: `sig` significant digits, exponent kept; null as "none", ±∞ spelt out. */
export function fmt(x: Decimal | number | string | null, sig = 8): string {
  if (x === null) return 'none';
  const d = new Decimal(x);
  return d.isFinite() ? d.toSignificantDigits(sig).toString() : d.toString();
}

export function median(xs: number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A value computed once, on first use (for costly constants that only some callers need). */
export function lazy<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}
