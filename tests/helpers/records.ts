import { expect } from 'vitest';
import { contentHash, type TestStore } from './store';
import { HubdeskError } from '../../electron/core/errors';

/** Runs a change that must be refused: checks the kind and message, and that nothing was written. */
export async function expectRefused(t: TestStore, run: () => Promise<unknown>, kind: string, message: RegExp): Promise<HubdeskError> {
  const before = contentHash(t.store.sqlite);
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'the change should have been refused').toBeInstanceOf(HubdeskError);
  const err = caught as HubdeskError;
  expect(err.message).toMatch(message);
  expect(err.kind).toBe(kind);
  expect(contentHash(t.store.sqlite)).toBe(before);
  return err;
}
