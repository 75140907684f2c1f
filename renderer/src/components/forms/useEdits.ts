import { useState } from 'react';

/**
 * A form's values: what was loaded (or the starting values) until the person edits, then what they
 * typed. Nothing is copied into state when the record arrives, so a form never shows stale values.
 */
export function useEdits<V>(loaded: V): [V, (next: V) => void] {
  const [edited, setEdited] = useState<V | null>(null);
  return [edited ?? loaded, setEdited];
}
