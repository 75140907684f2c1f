import { useState } from 'react';
import type { HubFundingDetail, PlanLineView } from '@shared/contract';
import { formatPence } from '@shared/domain/money';
import { Money } from './money';
import { PlanLineForm } from './PlanLineForm';
import { PlanImport } from './PlanImport';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSavedNotice, type Saved } from '../../components/forms/UndoNotice';

/** The Hub Action Plan: lines by priority, the allocation check, and editing or importing lines. */
export function PlanPanel({ detail }: { detail: HubFundingDetail }) {
  const { plan } = detail;
  const a = plan.allocation;
  const [mode, setMode] = useState<'view' | 'add' | 'import' | { edit: PlanLineView }>('view');
  const [deleting, setDeleting] = useState<PlanLineView | null>(null);
  const action = useChange();
  const notice = useSavedNotice();

  const done = () => setMode('view');
  const saved = (r: Saved) => {
    setMode('view');
    notice.show(r);
  };
  async function remove(line: PlanLineView) {
    const r = await action.run('deletePlanLine', { lineId: line.id });
    if (!r) return;
    setDeleting(null);
    notice.show(r);
  }

  return (
    <section className="panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Hub Action Plan</h2>
      {notice.notice}
      <p className={a.status === 'over' ? 'error-line' : a.status === 'exact' ? 'good-text' : undefined} role={a.status === 'over' ? 'alert' : undefined}>
        {a.status === 'over' ? 'Over-allocated: ' : ''}
        {a.message}
      </p>
      {plan.lines.length === 0 ? (
        <div className="empty-state">No plan lines yet for {detail.year}. Add them one by one or import the hub’s plan workbook.</div>
      ) : (
        <GridTable label="Plan lines">
          <TableHead columns={['Priority', 'Activity', 'Category', 'As typed', { num: 'Planned' }, { hidden: 'Actions' }]} />
          <tbody>
            {plan.lines.map((l) =>
              typeof mode === 'object' && mode.edit.id === l.id ? (
                <tr key={l.id}>
                  <td colSpan={6}>
                    <PlanLineForm detail={detail} line={l} onDone={done} onSaved={saved} />
                  </td>
                </tr>
              ) : (
                <tr key={l.id}>
                  <td className="strong">{l.priority}</td>
                  <td>{l.activity}</td>
                  <td>{l.category}</td>
                  <td className="mono muted">{l.amountAsTyped ?? '—'}</td>
                  <td className="num">
                    <Money pence={l.plannedPence} />
                  </td>
                  <td className="row-actions">
                    <button type="button" onClick={() => setMode({ edit: l })} aria-label={`Edit ${l.activity}`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => (action.reset(), setDeleting(l))} aria-label={`Delete ${l.activity}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
          <tfoot>
            {a.byPriority.map((p) => (
              <tr key={p.priority} className="subtotal">
                <td colSpan={4}>{p.priority}</td>
                <td className="num">
                  <Money pence={p.plannedPence} />
                </td>
                <td />
              </tr>
            ))}
            <tr>
              <td colSpan={4}>Total planned of {formatPence(a.totalAvailablePence)} available</td>
              <td className="num">
                <Money pence={a.totalPlannedPence} />
              </td>
              <td />
            </tr>
          </tfoot>
        </GridTable>
      )}
      {mode === 'add' ? <PlanLineForm detail={detail} onDone={done} onSaved={saved} /> : null}
      {mode === 'import' ? <PlanImport detail={detail} onDone={done} onSaved={saved} /> : null}
      {mode === 'view' ? (
        <div className="form-actions">
          <button type="button" onClick={() => setMode('add')}>
            Add a line
          </button>
          <button type="button" onClick={() => setMode('import')}>
            Import from Excel…
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this plan line?"
        confirmLabel="Delete the line"
        destructive
        busy={action.busy}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        {deleting ? (
          <p>
            “{deleting.activity}” ({formatPence(deleting.plannedPence)}, {deleting.priority}) leaves {detail.hub}’s {detail.year} plan.
          </p>
        ) : null}
        <FormError error={action.error} />
      </ConfirmDialog>
      {deleting ? null : <FormError error={action.error} />}
    </section>
  );
}
