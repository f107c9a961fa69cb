import { defineConfig } from 'vitest/config';

/** Runs the tests of known bugs, which are not part of the suite: see known-bugs.pending.ts. */
export default defineConfig({
  test: { include: ['test/rules/pending/*.pending.ts'], testTimeout: 120_000 },
});
