import { defineConfig } from 'vitest/config';

// The real-idle tests run a headed Chromium on a private Xvfb and wait out real minutes without input,
// so they run on their own, after the headless end-to-end suite, with timeouts sized for those waits.
export default defineConfig({
  test: {
    include: ['tests/e2e/real-idle.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000, interval: 200 } },
  },
});
