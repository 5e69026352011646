/**
 * One global seed for every property (design.md, "Property tests"): SEED from the environment,
 * else a fixed default so `npm test` is deterministic. PROFILE (quick|full) sets the run count.
 * Every property title carries the seed; fast-check prints seed and path on failure, and
 * `SEED=<seed> npx vitest run <file>` replays it.
 */
import type { Parameters } from 'fast-check';

function envSeed(): number {
  const raw = process.env.SEED;
  if (raw === undefined || raw === '') return 20251126;
  if (!/^-?\d+$/.test(raw)) throw new Error(`SEED must be an integer, got "${raw}"`);
  return Number(raw) | 0;
}

export const SEED = envSeed();
export const PROFILE: 'quick' | 'full' = process.env.PROFILE === 'full' ? 'full' : 'quick';

/** fast-check parameters for this run: the global seed and the profile's number of runs. */
export function fcParams<T>(runs: { quick: number; full: number } = { quick: 100, full: 2000 }): Parameters<T> {
  return { seed: SEED, numRuns: runs[PROFILE], endOnFailure: true };
}

/** Suffix for test titles so a reader of the log can replay the run. */
export const seedTag = `[seed ${SEED}, ${PROFILE}]`;
