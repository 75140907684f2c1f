import { useId, useState } from 'react';
import type { HubFundingDetail, PlanImportPreview } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { Money, confirmedPence } from './money';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { countOf } from '@shared/plural';
import { TableHead } from '../../components/TableHead';
import { FormActions } from '../../components/forms/FormActions';
import { GridTable } from '../../components/GridTable';
import type { Saved } from '../../components/forms/UndoNotice';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Import a plan workbook (Priority, Activity, Cost, Category): preview, confirm flagged costs, then replace the plan. */
export function PlanImport({ detail, onDone, onSaved }: { detail: HubFundingDetail; onDone(): void; onSaved(r: Saved): void }) {
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<PlanImportPreview | null>(null);
  const [confirmations, setConfirmations] = useState<Record<number, string>>({});
  const action = useChange();

  async function choose(f: File | undefined) {
    setPreview(null);
    setConfirmations({});
    if (!f) return;
    const content = await toBase64(f);
    setFile({ name: f.name, content });
    setPreview((await action.run('previewPlanImport', { hubId: detail.hubId, year: detail.year, fileName: f.name, contentBase64: content })) ?? null);
  }

  async function commit() {
    if (!file || !preview) return;
    const list = preview.rows
      .filter((r) => r.confirm !== null)
      .map((r) => ({ row: r.row, pence: confirmedPence(confirmations[r.row]) }))
      .filter((c): c is { row: number; pence: number } => c.pence !== undefined);
    const r = await action.run('commitPlanImport', { hubId: detail.hubId, year: detail.year, stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash, confirmations: list });
    if (r) onSaved({ importBatchId: r.importBatchId, summary: `${detail.hub}’s ${detail.year} plan imported from ${file.name}: ${countOf(r.lines, 'line')}, ${formatPence(r.totalPlannedPence)} planned` });
  }

  const blocked = preview ? preview.problems > 0 || preview.rows.some((r) => r.confirm !== null && confirmedPence(confirmations[r.row]) === undefined) : true;
  return (
    <div className="import-box" role="region" aria-label="Import a plan from Excel">
      <div className="field">
        <label htmlFor={fileId}>Plan workbook (.xlsx with columns Priority, Activity, Cost, Category)</label>
        <input id={fileId} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {preview ? (
        <>
          <p>
            Sheet “{preview.sheet}”: {preview.rows.length} lines. Importing replaces the {countOf(preview.replacesLines, 'line')} the plan holds now.
            {preview.needsConfirmation ? ` ${preview.needsConfirmation} cost${preview.needsConfirmation === 1 ? '' : 's'} need${preview.needsConfirmation === 1 ? 's' : ''} confirming.` : ''}
            {preview.problems ? ` ${countOf(preview.problems, 'row')} cannot be imported: fix the workbook and choose it again.` : ''}
          </p>
          <GridTable label="Plan import preview">
            <TableHead columns={[{ num: 'Row' }, 'Priority', 'Activity', 'Category', 'Cost as written', { num: 'Amount' }]} />
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.row} className={r.problems.length ? 'row-error' : undefined}>
                  <td className="num">{r.row}</td>
                  <td>{r.priority || '—'}</td>
                  <td>{r.activity || '—'}</td>
                  <td>{r.category || '—'}</td>
                  <td className="mono">{r.costText}</td>
                  <td className="num">
                    {r.pence !== null ? <Money pence={r.pence} /> : null}
                    {r.confirm ? (
                      <span className="confirm-cell">
                        <span className="warn-text">
                          {r.confirm.reason}
                          {r.confirm.suggestedPence !== null ? ` (maybe ${formatPence(r.confirm.suggestedPence)})` : ''}
                        </span>
                        <input
                          aria-label={`Confirmed amount for row ${r.row}`}
                          placeholder="£0.00"
                          value={confirmations[r.row] ?? ''}
                          onChange={(e) => setConfirmations({ ...confirmations, [r.row]: e.target.value })}
                        />
                      </span>
                    ) : null}
                    {r.problems.map((p) => (
                      <span key={p} className="warn-text block">
                        {p}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        </>
      ) : null}
      <FormActions save="Replace the plan with these lines" busy={action.busy} disabled={blocked} onSave={() => void commit()} onCancel={onDone} />
      <FormError error={action.error} />
    </div>
  );
}
