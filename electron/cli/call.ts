import type { MethodName, RequestOf, ResponseOf } from '@shared/contract';
import type { CoreContext } from '../core/context';
import { dispatch } from '../core/dispatch';
import type { CliCore } from './command';

/** A failed contract call, reported by the CLI as exit 1 with its message. */
export class CliCallError extends Error {
  constructor(
    message: string,
    readonly kind: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Calls a contract method through the same dispatcher as IPC and HTTP. */
export async function callCore<M extends MethodName>(ctx: CoreContext, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const envelope = await dispatch(ctx, method, request);
  if (!envelope.ok) throw new CliCallError(envelope.error.message, envelope.error.kind, envelope.error.issues);
  return envelope.value as ResponseOf<M>;
}

/** This computer's store, as a command's core. */
export function localCore(ctx: CoreContext): CliCore {
  return { call: (method, request) => callCore(ctx, method, request) };
}
