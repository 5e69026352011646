import { defineConfig } from 'vitest/config';

// theory/lambertw.ts is reached by almost every test (every W in every claim), so under the full suite each surviving
// mutant would run all of them (~100 s); measured against its own vector and property tests instead (a lower bound on
// what the whole suite kills): bench/NOTES.md, "Mutation testing".
export default defineConfig({
  test: { include: ['properties/lambertw.test.ts', 'properties/lambertw-constants.test.ts', 'properties/lambertw-work.test.ts', 'properties/lambertw-cache.test.ts'], testTimeout: 120_000, pool: 'forks' },
});
