import { defineConfig } from 'vitest/config';

// End-to-end tests drive the real Firefox build in Firefox ESR: one browser at a time, generous but bounded timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
