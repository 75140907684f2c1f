import { useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { useChange, type Change } from '../data/mutations';
import { RecordDialog } from '../components/forms/RecordDialog';
import { coreMessages } from '../components/forms/validate';
import { reloadOnConflict } from '../components/forms/useEdits';

/** One of the two records a merge joins, with the version it is sent back with. */
type Side = { id: number; version: string };
/** The versions a merge is sent with: of the two records as they were when the person chose them. */
export type HeldVersions = { fromVersion: string; intoVersion: string };

/**
 * What both merge dialogs show of the core's preview: the preview of the current choice only (never
 * the previous choice's while the new one loads), and whether it may be merged (no refusal).
 *
 * The merge is sent with each record's version as the person first saw it in the dialog (the record
 * merged away: as the dialog opened on it, `opened`), not as a colleague's change fetched it again
 * meanwhile, so the core refuses the merge naming who changed what, and Reload starts over.
 */
export function useMergeFlow<P extends { refusals: unknown[]; from: Side; into: Side }, M extends 'mergeSchools' | 'mergeHubs'>(
  query: UseQueryResult<P, Error>,
  method: M,
  request: (preview: P, held: HeldVersions) => RequestOf<M>,
  onSaved: (result: ResponseOf<M>) => void,
  opened: { side: Side | undefined; refetch(): Promise<unknown> },
) {
  const preview = query.isPlaceholderData ? null : (query.data ?? null);
  const merge = useChange();
  // First sighting wins: a record's version is held from the first time the dialog showed it
  // (state adjusted while rendering, as React allows for state derived from what arrives).
  const [held, setHeld] = useState<Record<number, string>>({});
  const unseen = [opened.side, preview?.from, preview?.into].filter((side): side is Side => side !== undefined && !(side.id in held));
  if (unseen.length > 0) setHeld({ ...held, ...Object.fromEntries(unseen.map((side) => [side.id, side.version])) });
  const versionOf = (side: Side) => held[side.id] ?? side.version;
  const canSave = Boolean(preview && preview.refusals.length === 0 && !query.isFetching);
  async function submit() {
    if (!canSave || !preview) return;
    const r = await merge.run(method, request(preview, { fromVersion: versionOf(preview.from), intoVersion: versionOf(preview.into) }));
    if (r) onSaved(r);
  }
  const reload = reloadOnConflict(merge, () => Promise.all([opened.refetch(), query.refetch()]), () => setHeld({}));
  return { preview, loading: query.isFetching, error: query.error ? coreMessages(query.error).message : null, canSave, merge, submit, reload };
}

/** The dialog both merges open in: the preview's refusal or the core's answer as its message, Merge only when allowed. */
export function MergeDialog(props: {
  title: string;
  saveLabel: string;
  flow: { merge: Change; error: string | null; canSave: boolean; submit(): Promise<void>; reload: (() => Promise<void>) | undefined };
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
      onReload={flow.reload}
      onSave={() => void flow.submit()}
      onCancel={props.onCancel}
    >
      {props.loading && !props.formError ? <p aria-busy="true">Loading…</p> : null}
      {props.children}
    </RecordDialog>
  );
}
