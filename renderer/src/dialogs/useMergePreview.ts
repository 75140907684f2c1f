import type { UseQueryResult } from '@tanstack/react-query';
import { coreMessages } from '../components/forms/validate';

/**
 * What both merge dialogs show of the core's preview: the preview of the current choice only (never
 * the previous choice's while the new one loads), and whether it may be merged (no refusal).
 */
export function useMergePreview<P extends { refusals: unknown[] }>(query: UseQueryResult<P, Error>) {
  const preview = query.isPlaceholderData ? null : (query.data ?? null);
  return {
    preview,
    loading: query.isFetching,
    error: query.error ? coreMessages(query.error).message : null,
    canSave: Boolean(preview && preview.refusals.length === 0 && !query.isFetching),
  };
}
