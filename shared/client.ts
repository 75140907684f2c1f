import { ApiError, type Envelope } from './contract/define';
import { methodNames, type Api, type MethodName, type RequestOf, type ResponseOf } from './contract';

export type Transport = (method: string, payload: unknown) => Promise<Envelope>;

/** Builds the typed api from a transport: one function per contract method, errors thrown as ApiError. */
export function createApiClient(transport: Transport): Api {
  async function call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    if (!methodNames.includes(method)) {
      throw new ApiError({ kind: 'unknown_method', message: `Unknown method "${String(method)}"` });
    }
    const envelope = await transport(method, request);
    if (!envelope.ok) throw new ApiError(envelope.error);
    return envelope.value as ResponseOf<M>;
  }
  const api = { call } as Record<string, unknown>;
  for (const name of methodNames) {
    api[name] = (request: unknown) => call(name, request as never);
  }
  return api as unknown as Api;
}
