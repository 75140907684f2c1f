/** The last step of every import: what was imported, the backup taken first, and "Import another file". */
export function ImportDone(props: { id: string; message: string; backupFile: string | null | undefined; onRestart(): void }) {
  return (
    <section className="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>Imported</h2>
      <p>{props.message}</p>
      {props.backupFile ? <p className="hint">A backup of the database was taken first: {props.backupFile}</p> : null}
      <div className="step-actions">
        <button type="button" className="primary" onClick={props.onRestart}>
          Import another file
        </button>
      </div>
    </section>
  );
}
