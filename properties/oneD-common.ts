/**
 * What the 1-D claims (Sec. 5.1.1, App. C–G) share: the setting in words, seeded configurations
 * drawn from assumptions.setting1d (one stream per claim), and the command that reproduces a point.
 */
import { drawSizes, sizeRanges, type SizesConfig } from '../theory/sampling.ts';
import type { Config1d } from '../theory/logistic1d.ts';
import { claimSeed, runs } from './common.ts';
import type { CheckContext } from './types.ts';

export const SETTING_1D = [
  'Assumptions 1–2 (semi-orthogonal data, y_i·x_ij = 1), exponential loss, ridge λ > 0',
  '|F_j| = α|R_j| ≤ |F| (so 0 ≤ α ≤ |F|/|R_j|), |R_j| ≤ |R|; configurations drawn from assumptions.setting1d',
];

/** The profile's number of configurations for claim `id`, each with its own uniform stream for α. */
export function drawClaimSizes(ctx: CheckContext, id: string, n = runs(ctx)): { sizes: SizesConfig; u: () => number }[] {
  const s1 = ctx.assumptions.setting1d;
  return drawSizes(claimSeed(ctx, id), sizeRanges(s1, s1.Rj.minFractionOfR), n);
}

export function reproduce1d(cfg: Config1d): string {
  return `ascent-verify solve1d --R ${cfg.R} --F ${cfg.F} --Rj ${cfg.Rj} --alpha ${cfg.alpha} --lambda ${cfg.lambda} --json`;
}
