import { defineConfig } from 'vitest/config';

// theory/toy52.ts against its own properties (properties/toy52.test.ts): under the whole suite every mutant of the
// loss reruns the T52.* claims' landscapes (T52.two-minima's mathjs property and the planted measureWith runs), which
// StrykerJS's instrumentation slows to ~100 s per mutant. A lower bound on what the whole suite kills: bench/NOTES.md,
// "Mutation testing".
export default defineConfig({
  test: { include: ['properties/toy52.test.ts', 'properties/toy52-search.test.ts'], testTimeout: 120_000, pool: 'forks' },
});
