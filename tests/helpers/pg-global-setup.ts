import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startPgCluster } from './pg-cluster';
import { migratePostgres } from '../../electron/core/db/postgres/connection';
import { TEMPLATE_DATABASE } from './pg-store';

/**
 * Starts the throwaway PostgreSQL cluster for the tests that run on PostgreSQL and migrates the
 * template database each test database is copied from.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = startPgCluster();
  try {
    const client = new pg.Client({ connectionString: cluster.url('postgres') });
    await client.connect();
    await client.query(`create database ${TEMPLATE_DATABASE}`);
    await client.end();
    await migratePostgres(cluster.url(TEMPLATE_DATABASE));
  } catch (error) {
    cluster.stop();
    throw error;
  }
  project.provide('pgUrlPattern', cluster.url('DATABASE'));
  return () => cluster.stop();
}
