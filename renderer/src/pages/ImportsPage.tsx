import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { ImportHistory } from './imports/ImportHistory';
import { ImportWizard } from './imports/wizard/ImportWizard';
import { rollImport } from './imports/roll/rollWizard';
import { ofstedImport } from './imports/ofsted/ofstedWizard';
import { qaImport } from './imports/qa/qaWizard';
import { giasImport } from './imports/gias/giasWizard';
import { ClosedSchools } from './imports/gias/ClosedSchools';

/** What can be imported: each a configuration of the one wizard. */
const SOURCES = [rollImport, ofstedImport, qaImport, giasImport] as const;
type SourceKey = (typeof SOURCES)[number]['key'];

/**
 * The Imports page: choose what to import, then the wizard for it, then the history (with undo).
 * An undo — from the history or the wizard's last step — is said once here and starts the wizard
 * afresh: what it previewed was checked against data that is gone.
 */
export function ImportsPage() {
  const [source, setSource] = useState<SourceKey>('roll');
  const [undone, setUndone] = useState<{ count: number; message: string | null }>({ count: 0, message: null });
  const onUndone = (message: string) => setUndone((u) => ({ count: u.count + 1, message }));
  const key = `${source}-${undone.count}`;

  return (
    <>
      <PageHeader title="Imports" subtitle="Bring a file into hubdesk: check it, see what would change, then import all of it or nothing." />
      <div className="source-picker" role="radiogroup" aria-label="What to import">
        {SOURCES.map((s) => (
          <label key={s.key} className={`source-option${source === s.key ? ' chosen' : ''}`}>
            <input type="radio" name="import-source" value={s.key} checked={source === s.key} onChange={() => setSource(s.key)} />
            <span>{s.label}</span>
          </label>
        ))}
      </div>
      {undone.message ? (
        <p className="notice good" role="status">
          {undone.message}
        </p>
      ) : null}
      {source === 'roll' ? <ImportWizard key={key} config={rollImport} onUndone={onUndone} /> : null}
      {source === 'ofsted' ? <ImportWizard key={key} config={ofstedImport} onUndone={onUndone} /> : null}
      {source === 'qa' ? <ImportWizard key={key} config={qaImport} onUndone={onUndone} /> : null}
      {source === 'gias' ? (
        <>
          <ImportWizard key={key} config={giasImport} onUndone={onUndone} />
          <ClosedSchools />
        </>
      ) : null}
      <ImportHistory onUndone={onUndone} />
    </>
  );
}
