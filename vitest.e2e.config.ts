import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium: one browser at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Firefox has its own run (vitest.firefox.config.ts), after the packed Firefox build exists; the real-idle
    // tests run headed, under Xvfb, with minutes of real waiting (vitest.idle.config.ts).
    exclude: [...configDefaults.exclude, 'tests/e2e/firefox/**', 'tests/e2e/real-idle.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // A worker may need a few seconds to start and recover; polls wait for it rather than fail at 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
