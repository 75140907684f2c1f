/** The numbered steps of an import, the current one marked (as the roll importer's). */
export function Steps<K extends string>({ steps, current }: { steps: readonly { key: K; label: string }[]; current: K }) {
  const at = steps.findIndex((s) => s.key === current);
  return (
    <ol className="steps" aria-label="Import steps">
      {steps.map((s, i) => (
        <li key={s.key} className={i === at ? 'current' : i < at ? 'done' : undefined} aria-current={i === at ? 'step' : undefined}>
          <span className="step-number">{i + 1}</span> {s.label}
        </li>
      ))}
    </ol>
  );
}
