import type { ReactNode } from 'react';
import { submitOnEnter } from './keys';

/**
 * A form on a page (not in a dialog): Enter saves, Esc cancels, as in every records dialog. The
 * fields are `Field`s with the shared schema's messages; the core's refusal shows in `FormError`.
 */
export function PageForm({ label, id, className, onSubmit, onCancel, children }: { label: string; id?: string; className?: string; onSubmit(): Promise<void> | void; onCancel?(): void; children: ReactNode }) {
  return (
    <form
      id={id}
      className={`form-grid${className ? ` ${className}` : ''}`}
      aria-label={label}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          onCancel();
        } else submitOnEnter(e);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
