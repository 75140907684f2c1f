import type { CallActionView, CallPack } from '@shared/contract';
import { formatDate } from '../../components/format';
import { useChange } from '../../data/mutations';
import { FormError } from '../../components/forms/FormError';
import { GridTable } from '../../components/GridTable';

function ActionRow({ action: a }: { action: CallActionView }) {
  const act = useChange();
  async function close(status: 'done' | 'dropped') {
    await act.run('updateCallAction', { actionId: a.id, status });
  }
  return (
    <tr>
      <td className="nowrap">{formatDate(a.callHeldOn)}</td>
      <td>
        {a.text}
        <FormError error={act.error} />
      </td>
      <td>{a.owner ?? '—'}</td>
      <td className="nowrap">
        {a.dueOn ? formatDate(a.dueOn) : '—'}
        {a.overdue ? <span className="tag tag-call-overdue">overdue</span> : null}
      </td>
      <td className="row-actions no-print">
        <button type="button" className="small-button" disabled={act.busy} onClick={() => void close('done')} aria-label={`Mark done: ${a.text}`}>
          Done
        </button>
        <button type="button" className="small-button" disabled={act.busy} onClick={() => void close('dropped')} aria-label={`Drop: ${a.text}`}>
          Drop
        </button>
      </td>
    </tr>
  );
}

/** Actions agreed on earlier calls and still open: they carry into every pack until done or dropped. */
export function OpenActionsSection({ pack: p }: { pack: CallPack }) {
  return (
    <section className="panel pack-section" aria-labelledby="pack-actions">
      <h2 id="pack-actions">
        Open actions from earlier calls<span className="dash-count">{p.openActions.length}</span>
      </h2>
      {p.openActions.length === 0 ? (
        <p className="pack-empty">No open actions.</p>
      ) : (
        <GridTable className="data-table compact pack-table" label="Open actions">
          <thead>
            <tr>
              <th>Agreed</th>
              <th>Action</th>
              <th>Owner</th>
              <th>Due</th>
              <th className="no-print">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.openActions.map((a) => (
              <ActionRow key={a.id} action={a} />
            ))}
          </tbody>
        </GridTable>
      )}
    </section>
  );
}
