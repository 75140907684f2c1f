/**
 * The browser specs' `test`: every page runs on the tests' clock (TEST_NOW), the same instant the
 * server it talks to was started with (HUBDESK_TEST_NOW), so "today" is the same on both sides
 * whatever day the suite runs.
 */
import { test as base, expect } from '@playwright/test';
import { TEST_NOW } from '../helpers/clock';

export const test = base.extend({
  context: async ({ context }, use) => {
    await context.clock.setFixedTime(TEST_NOW);
    await use(context);
  },
});

export { expect };
export type { Locator, Page } from '@playwright/test';
