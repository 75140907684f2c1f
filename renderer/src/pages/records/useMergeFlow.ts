import { useEffect, useState, type DependencyList } from 'react';
import { coreMessages } from '../../components/forms/validate';

/**
 * The preview → merge flow both merge dialogs share: asks the core for a preview whenever the choice
 * changes (`ask` is null until a choice is made; a newer choice cancels an older answer), then merges
 * only a preview with no refusal. Errors are the core's messages.
 */
export function useMergeFlow<P extends { refusals: unknown[] }, R>(
  ask: (() => Promise<P>) | null,
  deps: DependencyList,
  merge: (preview: P) => Promise<R>,
  onSaved: (result: R) => void,
) {
  const [preview, setPreview] = useState<P | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPreview(null);
    if (!ask) return;
    let cancelled = false;
    setLoading(true);
    setError(null);
    ask()
      .then((p) => !cancelled && setPreview(p))
      .catch((e: unknown) => !cancelled && setError(coreMessages(e).message))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
    // The caller names what the preview depends on (ask is a new function on every render).
  }, deps);

  async function save() {
    if (!preview || preview.refusals.length) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await merge(preview));
    } catch (e) {
      setError(coreMessages(e).message);
    } finally {
      setBusy(false);
    }
  }

  const canSave = Boolean(preview && preview.refusals.length === 0 && !loading);
  return { preview, loading, error, setError, busy, save, canSave };
}
