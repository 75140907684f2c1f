import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { formatCount } from '../../../components/format';
import { IssuesTable, PreviewKpis } from '../PreviewParts';
import type { ImportConfig, PreviewProps, WizardPreview } from './config';

/**
 * The preview every import shows: its title and summary (the counts), what the core asks, why
 * nothing can be imported or that nothing would change, the actions, then the problems (sheet,
 * row, column) and what would change. Enter imports once this preview's summary has been on screen
 * and the import may go ahead; the summary takes the focus when the step opens, so a keyboard user
 * reads it first.
 */
export function PreviewStep<P extends WizardPreview, R, O>(
  props: PreviewProps<P, O> & { config: ImportConfig<P, R, O>; ownsKey(target: EventTarget | null): boolean; overtaken?: boolean; onBack(): void; onCommit(): void },
) {
  const { config, preview, options, busy } = props;
  const view = config.view;
  const summary = useRef<HTMLDivElement>(null);
  // The preview whose summary has been on screen: a new plan (another option) has to be seen again.
  const [seen, setSeen] = useState<P | null>(null);

  useEffect(() => {
    summary.current?.focus();
  }, []);
  useEffect(() => {
    const element = summary.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(preview);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [preview]);

  const problems = view.problems(preview);
  const nothing = problems.count === 0 ? view.nothingToImport(preview, options) : null;
  // A preview a change made elsewhere overtook is not committed: it is previewed again first.
  const canCommit = !busy && !props.overtaken && problems.count === 0 && nothing === null && view.canCommit(preview, options);
  const ready = canCommit && seen === preview;

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.repeat || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!ready || props.ownsKey(e.target)) return;
    e.preventDefault();
    props.onCommit();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const { Questions, Actions, Tables } = view;
  const id = `${config.key}-preview-title`;
  return (
    <section aria-labelledby={id}>
      <div className="panel">
        <h2 id={id}>{view.title(preview)}</h2>
        <p className="subtitle">{view.subtitle(preview)}</p>
        <div ref={summary} tabIndex={-1} className="preview-summary" role="group" aria-label="Summary">
          <PreviewKpis kpis={view.kpis(preview)} />
        </div>
        {Questions ? <Questions {...props} /> : null}
        {nothing ? (
          <p className="notice good" role="status">
            {nothing}
          </p>
        ) : null}
        {problems.count > 0 ? (
          <p className="notice bad" role="alert">
            {formatCount(problems.count)} {problems.count === 1 ? 'problem stops' : 'problems stop'} this import. Nothing has been written. {view.fixHint}
          </p>
        ) : null}
        <div className="step-actions">
          <button type="button" onClick={props.onBack} disabled={busy}>
            {view.backLabel ?? 'Choose another file'}
          </button>
          {Actions ? <Actions {...props} /> : null}
          <button type="button" className="primary" onClick={props.onCommit} disabled={!canCommit}>
            {view.commitLabel(preview)}
          </button>
          <span className="small muted wizard-keys">{ready ? 'Enter imports · Esc goes back' : 'Esc goes back'}</span>
        </div>
      </div>
      <IssuesTable title="Problems" rows={problems.rows} count={problems.count} />
      <Tables {...props} />
    </section>
  );
}
