/**
 * The core's clock. Real time, except in test runs: `HUBDESK_TEST_NOW` (an ISO instant) makes the
 * clock start at that instant and advance in real time from there, so a test run sees the same
 * "today" whatever day it runs on. It is read from the environment of the process at start-up only,
 * never from a request.
 */
export { ukDateOf } from '@shared/uk-date';

export const TEST_CLOCK_VARIABLE = 'HUBDESK_TEST_NOW';

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The clock a server or command-line process runs on, from its environment. */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env[TEST_CLOCK_VARIABLE];
  if (fixed === undefined || fixed === '') return systemClock;
  const start = Date.parse(fixed);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(fixed) || Number.isNaN(start)) {
    throw new Error(`${TEST_CLOCK_VARIABLE} must be an ISO instant such as 2026-11-23T10:00:00Z, not "${fixed.slice(0, 40)}"`);
  }
  const startedAt = Date.now();
  return () => new Date(start + (Date.now() - startedAt));
}
