import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The integration tests that exercise the store, run again on PostgreSQL. The others are about
 * SQLite itself (its file, lock, backups, crash trials), the command line or the files read and
 * written, and run on SQLite only. The QA tracker import's file (a demo network per test, 2½ minutes
 * on PostgreSQL) is left out for CI time: the roll and Ofsted imports exercise the same commit.
 */
const POSTGRES_SUITE: string[] = [
  'tests/integration/audit-log.test.ts',
  'tests/integration/calls-since.test.ts',
  'tests/integration/calls.test.ts',
  'tests/integration/change-set.test.ts',
  'tests/integration/dashboard-explorer.test.ts',
  'tests/integration/dashboard.test.ts',
  'tests/integration/demo.test.ts',
  'tests/integration/dispatch.test.ts',
  'tests/integration/funding-claims.test.ts',
  'tests/integration/funding-corrections.test.ts',
  'tests/integration/funding-demo.test.ts',
  'tests/integration/funding-locks.test.ts',
  'tests/integration/funding-overview.test.ts',
  'tests/integration/funding-plan.test.ts',
  'tests/integration/gias-import.test.ts',
  'tests/integration/merge-locked-funding.test.ts',
  'tests/integration/ofsted-import.test.ts',
  'tests/integration/person.test.ts',
  'tests/integration/records-hubs.test.ts',
  'tests/integration/records-memberships.test.ts',
  'tests/integration/records-merges.test.ts',
  'tests/integration/records-reviewers.test.ts',
  'tests/integration/records-reviews.test.ts',
  'tests/integration/records-schools-meetings.test.ts',
  'tests/integration/records-support.test.ts',
  'tests/integration/roll-commit.test.ts',
  'tests/integration/roll-merged-hub.test.ts',
  'tests/integration/rules-dashboard.test.ts',
  'tests/integration/spend.test.ts',
  'tests/integration/support-dashboards.test.ts',
  'tests/integration/team-load.test.ts',
  'tests/integration/team-people.test.ts',
  'tests/integration/team-server.test.ts',
  'tests/integration/team-server-tokens.test.ts',
  'tests/integration/team-server-address-limit.test.ts',
  'tests/integration/viewer-contacts.test.ts',
];

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
          setupFiles: ['tests/helpers/pg-setup-file.ts'],
        },
      },
    ],
  },
});
