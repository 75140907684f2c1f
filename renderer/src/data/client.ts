import { MutationCache, QueryClient } from '@tanstack/react-query';
import type { MethodName } from '@shared/contract';
import { api } from '../api/install';
import { invalidateAfter } from './changes';

/** What a change sends: a contract method and its request (see mutations.ts). */
export interface Call {
  method: MethodName;
  request: unknown;
}

/**
 * The screens' one cache of what the core answered. Every query is keyed [method, request] and
 * fetched through window.api; every change goes through it too and, once the core confirms
 * it, marks stale what it wrote (changes.ts). A retry policy or an app-wide notice for failed calls
 * belongs here, once, not in the screens.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        queryFn: ({ queryKey }) => api().call(queryKey[0] as MethodName, queryKey[1] as never),
        // The core is local: a failure is an answer (a refusal, a missing record), not a network blip.
        retry: false,
        refetchOnWindowFocus: false,
      },
      mutations: {
        mutationFn: (call: unknown) => api().call((call as Call).method, (call as Call).request as never),
        retry: false,
      },
    },
    mutationCache: new MutationCache({
      // Awaited: the change resolves once what it wrote has been read again, so the screen that
      // confirms it already shows the new figures.
      onSuccess: (_data, call) => invalidateAfter(client, (call as Call).method),
    }),
  });
  return client;
}
