import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { RollImport } from './imports/RollImport';
import { ImportHistory } from './imports/ImportHistory';
import { OfstedImport } from './imports/ofsted/OfstedImport';
import { QaImport } from './imports/qa/QaImport';

/** The importers. Ofsted and QA tracker plug in here (IMPORT_SOURCES) when they are ready. */
const IMPORT_SOURCES = [
  { key: 'roll', label: 'Membership roll', available: true },
  { key: 'ofsted', label: 'Ofsted', available: true },
  { key: 'qa', label: 'QA tracker', available: true },
] as const;
type SourceKey = (typeof IMPORT_SOURCES)[number]['key'];

export function ImportsPage() {
  const [source, setSource] = useState<SourceKey>('roll');
  const [undoCount, setUndoCount] = useState(0);
  const chosen = IMPORT_SOURCES.find((s) => s.key === source)!;

  return (
    <>
      <PageHeader title="Imports" subtitle="Bring a file into hubdesk: check it, see what would change, then import all of it or nothing." />
      <div className="source-picker" role="radiogroup" aria-label="What to import">
        {IMPORT_SOURCES.map((s) => (
          <label key={s.key} className={`source-option${source === s.key ? ' chosen' : ''}`}>
            <input type="radio" name="import-source" value={s.key} checked={source === s.key} onChange={() => setSource(s.key)} />
            <span>{s.label}</span>
            {s.available ? null : <span className="tag plain">not yet available</span>}
          </label>
        ))}
      </div>
      {chosen.key === 'roll' ? (
        <RollImport key={undoCount} />
      ) : chosen.key === 'ofsted' ? (
        <OfstedImport key={undoCount} />
      ) : (
        <QaImport key={undoCount} />
      )}
      <ImportHistory onUndone={() => setUndoCount((n) => n + 1)} />
    </>
  );
}
