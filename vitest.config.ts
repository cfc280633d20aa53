import { defineConfig } from 'vitest/config';

export default defineConfig({
  // 'cobranca' and 'cobranca/*' resolve to src/ as in tsconfig.json (the CLI imports the package's entries as a host does).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
