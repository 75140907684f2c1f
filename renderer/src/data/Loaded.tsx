import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorPanel } from '../components/ErrorPanel';

/**
 * The one loading and error view: the query's error with "Try again", "Loading…" until the first
 * answer, then the screen itself.
 */
export function Loaded<T>({ query, error, loading, children }: { query: UseQueryResult<T, Error>; error: string; loading: string; children(data: T): ReactNode }) {
  if (query.error) return <ErrorPanel title={error} error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <div aria-busy="true" className="loading">{loading}</div>;
  return <>{children(query.data)}</>;
}
