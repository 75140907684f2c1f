import { keepPreviousData, skipToken, useQuery, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { MethodName, RequestOf, ResponseOf } from '@shared/contract';

/** A query's cache key: the contract method and its request, so a change can find it by method or by tag. */
export function queryKey<M extends MethodName>(method: M, request: RequestOf<M>): readonly [M, RequestOf<M>] {
  return [method, request];
}

/**
 * Reads one contract method for the screen. The request is the whole dependency list: a new request
 * is a new query. `null` waits (nothing is asked until the screen has what the request needs). While
 * a new request loads, the last answer stays on screen, as before.
 */
export function useQueryOf<M extends MethodName>(method: M, request: RequestOf<M> | null): UseQueryResult<ResponseOf<M>, Error> {
  return useQuery<ResponseOf<M>, Error, ResponseOf<M>, readonly [M, RequestOf<M> | null]>({
    queryKey: [method, request],
    ...(request === null ? { queryFn: skipToken } : { placeholderData: keepPreviousData }),
  });
}

/**
 * One answer now, for work that is not a screen (an export job drawing charts and following its
 * progress): through the same client and defaults as every query, and not kept once read.
 */
export function fetchOnce<M extends MethodName>(client: QueryClient, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  return client.fetchQuery<ResponseOf<M>, Error, ResponseOf<M>, readonly [M, RequestOf<M>]>({ queryKey: queryKey(method, request), staleTime: 0, gcTime: 0 });
}
