import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The benchmarks' own checks (the Cedar peer's differential) run with `npm run test:bench`:
    // cedar-wasm has aborted the V8 process of a test worker now and then when run beside
    // other test files, and a crash of the peer library must not make hogo's suite red.
    include: process.env.HOGO_TEST_BENCH
      ? ['bench/**/*.test.ts']
      : ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/e2e/**/*.test.ts'],
    allowOnly: false,
    testTimeout: 30_000,
    pool: 'forks',
    // The browser tests' Chromium: installed when missing and root may, else a stop naming the fix.
    globalSetup: ['web/e2e/chromium-setup.ts'],
  },
});
