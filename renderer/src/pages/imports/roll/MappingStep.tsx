import { useState } from 'react';
import { REQUIRED_ROLL_FIELDS, ROLL_FIELDS, ROLL_FIELD_LABELS, type RollField, type RollMapping, type RollPreview } from '@shared/contract/roll-import';
import { TableHead } from '../../../components/TableHead';
import type { MappingProps } from '../wizard/config';
import type { RollOptions } from './rollWizard';

const SOURCE_TEXT: Record<RollPreview['mappingSource'], string> = {
  automatic: 'Columns were matched by their headers.',
  remembered: 'A mapping you confirmed before for files with these headers was used.',
  given: 'The mapping you chose is used.',
};

/**
 * Which field each column holds: recognised columns come mapped; the rest can be mapped by hand. A
 * mapping the person changed is remembered for files with the same headers, then the rows are
 * checked with it.
 */
export function MappingStep({ preview, busy, run, replan, onContinue, onBack }: MappingProps<RollPreview, RollOptions>) {
  // The person's mapping for this preview; a new preview (another sheet) starts from its own.
  const [edited, setEdited] = useState<{ preview: RollPreview; mapping: RollMapping } | null>(null);
  const mapping = edited?.preview === preview ? edited.mapping : preview.mapping;
  const setMapping = (next: RollMapping) => setEdited({ preview, mapping: next });
  const fieldOf = (column: number) => ROLL_FIELDS.find((f) => mapping[f] === column) ?? '';
  const missing = REQUIRED_ROLL_FIELDS.filter((f) => mapping[f] === undefined);
  const changed = JSON.stringify(mapping) !== JSON.stringify(preview.mapping);

  async function proceed() {
    if (!changed) return onContinue();
    const saved = await run('Remembering the mapping…', 'saveRollMapping', { headers: preview.headers.map((h) => h.header), mapping });
    if (saved) onContinue({ mapping });
  }

  function assign(column: number, field: RollField | '') {
    const next: RollMapping = {};
    for (const f of ROLL_FIELDS) if (mapping[f] !== undefined && mapping[f] !== column && f !== field) next[f] = mapping[f];
    if (field) next[field] = column;
    setMapping(next);
  }

  return (
    <section className="panel" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Map the columns</h2>
      <p className="subtitle">
        {preview.fileName}: header on row {preview.headerRow} of sheet “{preview.sheet}”. {SOURCE_TEXT[preview.mappingSource]}
      </p>
      {preview.sheets.length > 1 ? (
        <label className="field-inline">
          <span>Sheet</span>
          <select value={preview.sheet} onChange={(e) => replan({ sheet: e.target.value, mapping: undefined })} disabled={busy} aria-label="Sheet">
            {preview.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
                {s.hasHeader ? '' : ' (no roll header found)'}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="table-wrap">
        <table className="data-table compact" aria-label="Column mapping">
          <TableHead columns={['Column', 'Header in the file', 'hubdesk field']} />
          <tbody>
            {preview.headers.map((h) => (
              <tr key={h.column}>
                <td className="mono">{h.letter}</td>
                <td>{h.header || <span className="muted">(no header)</span>}</td>
                <td>
                  <select value={fieldOf(h.column)} onChange={(e) => assign(h.column, e.target.value as RollField | '')} aria-label={`Field for column ${h.letter} ${h.header}`}>
                    <option value="">— not imported —</option>
                    {ROLL_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {ROLL_FIELD_LABELS[f]}
                        {REQUIRED_ROLL_FIELDS.includes(f) ? ' (required)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing.length > 0 ? (
        <p className="form-error" role="alert">
          Map a column to {missing.map((f) => ROLL_FIELD_LABELS[f]).join(', ')} to continue.
        </p>
      ) : null}
      <div className="step-actions">
        <button type="button" onClick={onBack} disabled={busy}>
          Choose another file
        </button>
        <button type="button" className="primary" disabled={busy || missing.length > 0} onClick={() => void proceed()}>
          {changed ? 'Use this mapping and check the rows' : 'Check the rows'}
        </button>
      </div>
    </section>
  );
}
