/**
 * The one instant every test treats as "now". The core takes it through `createContext({ now })`;
 * the built server and command line through the HUBDESK_TEST_NOW environment variable; browser pages
 * through Playwright's clock. Tests that mean "today" use TEST_TODAY, never a literal date.
 */
import { TEST_CLOCK_VARIABLE } from '../../electron/core/clock';

export const TEST_NOW = new Date('2026-11-23T10:00:00Z');
export const TEST_TODAY = TEST_NOW.toISOString().slice(0, 10);

/** The environment a spawned server or command line needs to run on the tests' clock. */
export function testClockEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, [TEST_CLOCK_VARIABLE]: TEST_NOW.toISOString() };
}

/** The day after TEST_TODAY: the first day a "not after today" rule refuses. */
export const TEST_TOMORROW = new Date(TEST_NOW.getTime() + 86_400_000).toISOString().slice(0, 10);

/** TEST_TODAY as the app writes a date ("23 Nov 2026"). */
export const TEST_TODAY_SHOWN = TEST_NOW.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
