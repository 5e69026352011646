import { defineConfig } from 'vitest/config';

// StrykerJS runs the claims' properties and the theory's own tests against each mutant of theory/
// and the judges; the empirics/model/CLI tests exercise nothing it mutates, so they stay out.
export default defineConfig({
  test: {
    include: ['properties/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
