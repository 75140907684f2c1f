import { expect } from 'vitest';
import { type TestStore, storeHash } from './store';
import { HubdeskError } from '../../electron/core/errors';
import { dispatch } from '../../electron/core/dispatch';
import type { CoreContext } from '../../electron/core/context';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/contract';

/** Runs a change that must be refused: checks the kind and message, and that nothing was written. */
export async function expectRefused(t: TestStore, run: () => Promise<unknown>, kind: string, message: RegExp): Promise<HubdeskError> {
  const before = (await storeHash(t.store));
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
  expect((await storeHash(t.store))).toBe(before);
  return err;
}

/**
 * A contract method as the app, browser mode and the CLI call it: through `dispatch`, which parses the
 * request once. Resolves to the method's value; a refusal is thrown as the core's own error (kind,
 * message and field issues), so tests can check it as they would inside the core.
 */
export function viaDispatch<M extends MethodName>(method: M) {
  return async (ctx: CoreContext, request: RequestOf<M>): Promise<ResponseOf<M>> => {
    const envelope = await dispatch(ctx, method, request);
    if (!envelope.ok) throw new HubdeskError(envelope.error.kind, envelope.error.message, { issues: envelope.error.issues });
    return envelope.value as ResponseOf<M>;
  };
}
