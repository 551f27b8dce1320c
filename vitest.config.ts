import { defineConfig } from 'vitest/config';

/**
 * Four projects, all run by `npm test` (scripts/test.mjs):
 *  - unit:        pure and single-module tests beside the code (*.test.ts)
 *  - integration: *.int.test.ts through app.inject on PGlite (a fresh database per file, cloned from a migrated template)
 *  - postgres:    the same *.int.test.ts on a real PostgreSQL server (a fresh database per run)
 *  - e2e:         tests/e2e in Debian's Chromium via playwright-core
 */
export default defineConfig({
  test: {
    setupFiles: ['./src/server/testing/fail-on-console-error.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['**/*.int.test.ts', 'node_modules/**'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          // *.pg.int.test.ts need a real PostgreSQL server (e.g. two instances on one database): postgres project only.
          exclude: ['**/*.pg.int.test.ts', '**/node_modules/**'],
          globalSetup: ['./src/server/testing/global-setup-pglite.ts'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.int.test.ts'],
          globalSetup: ['./src/server/testing/global-setup-postgres.ts'],
          env: { TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['./tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // In CI a browser test that fails is run once more (as Playwright's own runner does), so
          // one slow moment on a shared 2-core machine cannot sink a submission; a real fault fails
          // both times. Locally a failure shows at once. docs/decisions/028.
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
