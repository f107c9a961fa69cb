import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A temporary folder for the run, removed after it (test/setup/temp-folder.ts).
    globalSetup: ['test/setup/temp-folder.ts'],
    // Real processes, real Eleventy builds and a real Chromium: generous limits on 2-core machines.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
