import type { HubDashboard } from '@shared/contract';
import { formatCount, formatDate } from '../../components/format';
import { usePanelDialogs } from '../../components/forms/UndoNotice';
import { MembershipDialog, type MembershipMode } from '../../dialogs/MembershipDialog';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

/** The hub's memberships for the year, kept by hand: add a school, move one, mark it leaving, record its fee. */
export function MembershipsPanel({ d }: { d: HubDashboard }) {
  const { open, setOpen, close, saved, notice } = usePanelDialogs<{ mode: MembershipMode; schoolId?: number }>();
  return (
    <section className="panel records-panel" aria-labelledby="memberships-records">
      <div className="panel-head">
        <h2 id="memberships-records">Memberships {d.year}</h2>
        <button type="button" className="primary" onClick={() => setOpen({ mode: 'add' })}>
          Add school
        </button>
      </div>
      {notice}
      {d.schools.length === 0 ? (
        <p className="empty-line">No member schools in {d.year} yet: add one.</p>
      ) : (
        <GridTable label="Memberships">
          <TableHead columns={['School', { num: 'Pupils' }, 'Status', 'Fee paid', { hidden: 'Actions' }]} />
          <tbody>
            {d.schools.map((s) => (
              <tr key={s.schoolId} data-school={s.name}>
                <td>{s.name}</td>
                <td className="num">{formatCount(s.pupils)}</td>
                <td>
                  <span className={`tag tag-${s.membershipStatus}`}>{s.membershipStatus}</span>
                </td>
                <td>{s.feePaidOn ? formatDate(s.feePaidOn) : <span className="warn-text">Not paid</span>}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setOpen({ mode: 'move', schoolId: s.schoolId })} aria-label={`Move ${s.name}`}>
                    Move
                  </button>
                  <button type="button" onClick={() => setOpen({ mode: 'leaving', schoolId: s.schoolId })} aria-label={`Mark ${s.name} leaving`} disabled={s.membershipStatus === 'leaving'}>
                    Leaving
                  </button>
                  {/* A fee already paid is not paid again: its dates can be looked at and corrected. */}
                  {s.feePaidOn ? (
                    <button type="button" onClick={() => setOpen({ mode: 'fee', schoolId: s.schoolId })} aria-label={`Fee dates of ${s.name}`}>
                      Fee dates
                    </button>
                  ) : (
                    <button type="button" onClick={() => setOpen({ mode: 'fee', schoolId: s.schoolId })} aria-label={`Fee for ${s.name}`}>
                      Fee paid
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      )}
      {open ? (
        <MembershipDialog
          mode={open.mode}
          hubId={d.hub.id}
          year={d.year}
          today={d.today}
          schoolId={open.schoolId}
          onCancel={close}
          onSaved={saved}
        />
      ) : null}
    </section>
  );
}
