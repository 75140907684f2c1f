import { useState } from 'react';
import type { Change } from '../../data/mutations';

/**
 * A form's values: what was loaded (or the starting values) until the person edits, then what they
 * typed. Nothing is copied into state when the record arrives, so a form never shows stale values.
 */
export function useEdits<V>(loaded: V): [V, (next: V) => void] {
  const [edited, setEdited] = useState<V | null>(null);
  return [edited ?? loaded, setEdited];
}

export interface RecordEdits<R, V> {
  /** The record the form edits: as loaded until the person's first edit, then held as it was then. */
  record: R | null;
  values: V;
  set(next: V): void;
  /** Forgets the person's edits: the form shows the record as loaded now. */
  restart(): void;
}

/**
 * A record form's values and the record they were made from. The record is held from the first
 * edit, so the version sent back is the one the person started from even when a colleague's change
 * (the live stream) fetches the record again meanwhile: the core then refuses the save, naming who
 * changed it, instead of the form quietly writing over their change.
 */
export function useRecordEdits<R, V>(loaded: R | null, valuesOf: (record: R) => V, empty: V): RecordEdits<R, V> {
  const [edit, setEdit] = useState<{ record: R | null; values: V } | null>(null);
  const record = edit ? edit.record : loaded;
  return {
    record,
    values: edit ? edit.values : loaded ? valuesOf(loaded) : empty,
    set: (values) => setEdit({ record, values }),
    restart: () => setEdit(null),
  };
}

/**
 * After a save refused because the record changed since it was loaded: fetches the record again and
 * starts the form over from its fresh values (the person sees the colleague's change, then edits
 * again). Undefined when the last refusal was not a conflict.
 */
export function reloadOnConflict(save: Change, refetch: () => Promise<unknown>, restart: () => void): (() => Promise<void>) | undefined {
  if (save.errorKind !== 'conflict') return undefined;
  return async () => {
    await refetch();
    restart();
    save.reset();
  };
}
