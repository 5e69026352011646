import { defineConfig } from 'vitest/config';

// theory/assumptions.ts runs at module load of nearly every test (the defaults are validated on import), so under the
// full suite each of its mutants would run every test; measured against its own contract test instead (a lower bound
// on what the whole suite kills): bench/NOTES.md, "Mutation testing".
export default defineConfig({
  test: { include: ['properties/assumptions.test.ts'], pool: 'forks' },
});
