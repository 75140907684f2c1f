import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { useChange, type Change } from '../data/mutations';
import { RecordDialog } from '../components/forms/RecordDialog';
import { coreMessages } from '../components/forms/validate';

/**
 * What both merge dialogs show of the core's preview: the preview of the current choice only (never
 * the previous choice's while the new one loads), and whether it may be merged (no refusal).
 */
export function useMergeFlow<P extends { refusals: unknown[] }, M extends 'mergeSchools' | 'mergeHubs'>(
  query: UseQueryResult<P, Error>,
  method: M,
  request: (preview: P) => RequestOf<M>,
  onSaved: (result: ResponseOf<M>) => void,
) {
  const preview = query.isPlaceholderData ? null : (query.data ?? null);
  const merge = useChange();
  const canSave = Boolean(preview && preview.refusals.length === 0 && !query.isFetching);
  async function submit() {
    if (!canSave || !preview) return;
    const r = await merge.run(method, request(preview));
    if (r) onSaved(r);
  }
  return { preview, loading: query.isFetching, error: query.error ? coreMessages(query.error).message : null, canSave, merge, submit };
}

/** The dialog both merges open in: the preview's refusal or the core's answer as its message, Merge only when allowed. */
export function MergeDialog(props: {
  title: string;
  saveLabel: string;
  flow: { merge: Change; error: string | null; canSave: boolean; submit(): Promise<void> };
  /** The merge form (the records to choose from) could not be read. */
  formError: string | null;
  loading: boolean;
  onCancel(): void;
  children: ReactNode;
}) {
  const { flow } = props;
  const { merge } = flow;
  return (
    <RecordDialog
      title={props.title}
      saveLabel={props.saveLabel}
      busy={merge.busy}
      error={merge.error ?? flow.error ?? props.formError}
      wide
      canSave={flow.canSave}
      onSave={() => void flow.submit()}
      onCancel={props.onCancel}
    >
      {props.loading && !props.formError ? <p aria-busy="true">Loading…</p> : null}
      {props.children}
    </RecordDialog>
  );
}
