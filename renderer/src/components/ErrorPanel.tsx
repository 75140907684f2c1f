import { ukDatesIn } from '@shared/uk-date';

/** A failure said in words: what could not be done, the core's message, and Try again where it helps. */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: Error | string; onRetry?(): void }) {
  return (
    <div className="error-panel" role="alert">
      <h2>{title}</h2>
      <p>{ukDatesIn(typeof error === 'string' ? error : error.message)}</p>
      {onRetry ? (
        <button type="button" onClick={() => onRetry()}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
