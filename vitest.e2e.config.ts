import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium: one browser at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Headed, under Xvfb, with minutes of real waiting: vitest.idle.config.ts runs it.
    exclude: [...configDefaults.exclude, 'tests/e2e/real-idle.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // A worker may need a few seconds to start and recover; polls wait for it rather than fail at 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
