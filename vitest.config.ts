import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['properties/**/*.test.ts', 'tests/**/*.test.ts'],
    // the browser check has its own stage in npm test, on the report verify has just written
    exclude: ['tests/browser/**', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
