import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The integration tests that exercise the store, run again on PostgreSQL. The others are about
 * SQLite itself (its file, lock, backups, crash trials), the command line or the files read and
 * written, and run on SQLite only.
 */
const POSTGRES_SUITE: string[] = [];

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'shared/**/*.test.ts'] },
      },
      {
        // The integration tests that exercise the store, again on PostgreSQL (a throwaway cluster).
        extends: true,
        test: {
          name: 'postgres',
          include: [...POSTGRES_SUITE, 'tests/postgres/**/*.test.ts'],
          env: { HUBDESK_TEST_DATABASE: 'postgres' },
          globalSetup: ['tests/helpers/pg-global-setup.ts'],
        },
      },
    ],
  },
});
