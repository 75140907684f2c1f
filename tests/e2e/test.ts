/**
 * The browser specs' `test`: every page runs on the tests' clock (TEST_NOW), the same instant the
 * server it talks to was started with (HUBDESK_TEST_NOW), so "today" is the same on both sides
 * whatever day the suite runs.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { TEST_NOW } from '../helpers/clock';

export const test = base.extend({
  context: async ({ context }, use) => {
    await context.clock.setFixedTime(TEST_NOW);
    await use(context);
  },
});

export { expect };

/** Collects the page's console errors and uncaught exceptions (a spec expects none). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
export type { Locator, Page } from '@playwright/test';
