/** A progress bar: determinate when a fraction is known, else moving (the core is working). */
export function Progress({ label, fraction }: { label: string; fraction?: number | null }) {
  const known = fraction !== undefined && fraction !== null;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <div
        className={`progress-track${known ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? Math.round(fraction * 100) : undefined}
      >
        <div className="progress-bar" style={known ? { width: `${Math.round(fraction * 100)}%` } : undefined} />
      </div>
      <span>{label}</span>
    </div>
  );
}
