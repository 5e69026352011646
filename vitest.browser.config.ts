import { defineConfig } from 'vitest/config';

// The report as a reader sees it, in headless Chromium (npm run test:browser).
export default defineConfig({
  test: { include: ['tests/browser/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
});
