import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    allowOnly: false,
    testTimeout: 30_000,
    pool: 'forks',
  },
});
