import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    // Deadlines, not speed targets (those are in `npm run bench`): generous enough for a 2-core machine
    // running two suites at once, where compiling a fixture tree alone can take most of a minute.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own redis-server processes; two cores do not gain from more.
    maxWorkers: 2,
  },
});
