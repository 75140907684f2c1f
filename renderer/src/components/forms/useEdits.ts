import { useState } from 'react';
import type { Change } from '../../data/mutations';

/**
 * A plain local value that starts from loaded data (a default) until the person changes it, then is
 * what they chose. Nothing is copied into state when the data arrives, so it never shows a stale
 * default. Not for a record's fields sent back with its version: those use useRecordEdits, which
 * holds the record the edits were made from.
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

/** The person's edits so far and the record as it was at their first edit; null before any edit. */
export type HeldEdit<R, V> = { record: R | null; values: V } | null;

/**
 * The rule a record form follows, given its edits so far: before any edit it shows the record as
 * loaded now (a colleague's change shows); from the first edit the record is held as it was then, so
 * the version sent back is the one the person started from. `edit(values)` is the state after an edit.
 */
export function recordEditsOf<R, V>(held: HeldEdit<R, V>, loaded: R | null, valuesOf: (record: R) => V, empty: V): { record: R | null; values: V; edit(values: V): HeldEdit<R, V> } {
  const record = held ? held.record : loaded;
  return {
    record,
    values: held ? held.values : loaded ? valuesOf(loaded) : empty,
    edit: (values) => ({ record, values }),
  };
}

/**
 * A record form's values and the record they were made from (see recordEditsOf). The record is held
 * from the first edit even when a colleague's change (the live stream) fetches it again meanwhile: the
 * core then refuses the save, naming who changed it, instead of the form quietly writing over their
 * change.
 */
export function useRecordEdits<R, V>(loaded: R | null, valuesOf: (record: R) => V, empty: V): RecordEdits<R, V> {
  const [held, setHeld] = useState<HeldEdit<R, V>>(null);
  const form = recordEditsOf(held, loaded, valuesOf, empty);
  return { record: form.record, values: form.values, set: (values) => setHeld(form.edit(values)), restart: () => setHeld(null) };
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
