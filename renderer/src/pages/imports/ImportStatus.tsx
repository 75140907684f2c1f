import { Progress } from './Progress';

/** What an import is doing now (progress) and why its last step failed, above every step. */
export function ImportStatus({ busy, error }: { busy: { label: string; fraction?: number | null } | null; error: string | null }) {
  return (
    <>
      {busy ? <Progress label={busy.label} fraction={busy.fraction} /> : null}
      {error ? (
        <div className="error-panel" role="alert">
          <h2>The file could not be used</h2>
          <p>{error}</p>
        </div>
      ) : null}
    </>
  );
}
