/**
 * The smallest counterexample fast-check's shrinking finds (design.md: "refuted: a concrete
 * counterexample, shrunk to the smallest one found"). `fails` is the claim's own test of one case;
 * the search is seeded, so the counterexample is the same on every run for a seed.
 */
import fc from 'fast-check';

export interface Shrunk<T> {
  value: T;
  /** fast-check's replay handle: fc.assert(..., {seed, path}) reproduces it */
  seed: number;
  path: string;
  shrinks: number;
}

export function smallestCounterexample<T>(arb: fc.Arbitrary<T>, fails: (x: T) => boolean, seed: number, numRuns = 300): Shrunk<T> | null {
  const r = fc.check(fc.property(arb, (x) => !fails(x)), { seed, numRuns });
  if (!r.failed || r.counterexample === null) return null;
  return { value: r.counterexample[0], seed: r.seed, path: r.counterexample === null ? '' : (r.counterexamplePath ?? ''), shrinks: r.numShrinks };
}
