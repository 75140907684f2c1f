import { useRef } from 'react';
import { ReloadButton } from './ReloadButton';

/**
 * The core's refusal of a whole form, under it; with Reload when the record changed since the form
 * loaded it (see reloadOnConflict).
 */
export function FormError({ error, onReload }: { error: string | null; onReload?: () => Promise<void> }) {
  const ref = useRef<HTMLParagraphElement>(null);
  return error ? (
    <p className="form-error" role="alert" ref={ref}>
      {error}
      {onReload ? <ReloadButton onReload={onReload} form={ref} /> : null}
    </p>
  ) : null;
}
