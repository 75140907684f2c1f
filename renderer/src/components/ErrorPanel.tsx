export function ErrorPanel({ title, error, onRetry }: { title: string; error: Error; onRetry?(): void }) {
  return (
    <div className="error-panel" role="alert">
      <h2>{title}</h2>
      <p>{error.message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
