import type { KeyboardEvent } from 'react';

/**
 * Enter saves from a drop-down or a checkbox too (browsers submit a form only from a text input), so
 * Enter saves from anywhere in a form; a textarea keeps Enter for new lines.
 */
export function submitOnEnter(e: KeyboardEvent<HTMLFormElement>): void {
  const t = e.target as HTMLElement;
  if (e.key === 'Enter' && !e.shiftKey && (t.tagName === 'SELECT' || (t instanceof HTMLInputElement && (t.type === 'checkbox' || t.type === 'radio')))) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
