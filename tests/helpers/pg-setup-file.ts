import { afterAll } from 'vitest';
import { dropTestDatabases } from './pg-store';

// Each test file on PostgreSQL drops the databases it made when it ends.
afterAll(async () => {
  await dropTestDatabases();
});
