import { PageHeader } from '../components/PageHeader';
import { useStatus } from '../state/status';
import { formatDate } from '../components/format';
import { isDesktop } from '../api/install';
import { BackupsPanel } from './settings/BackupsPanel';
import { AuditPanel } from './settings/AuditPanel';
import { CategoriesPanel } from './settings/CategoriesPanel';
import { IdentityPanel } from './settings/IdentityPanel';
import { TableHead } from '../components/TableHead';
import { GridTable } from '../components/GridTable';
import { AccountPanel } from './settings/AccountPanel';
import { PeoplePanel } from './settings/people/PeoplePanel';
import { usePermissions, useTeam } from '../state/person';
import { desktopBridge } from '../api/desktop';
import { ConnectionPanel } from './settings/ConnectionPanel';

export function SettingsPage() {
  const { status } = useStatus();
  const team = useTeam();
  const { can } = usePermissions();
  const onTeamServer = team.mode === 'team';
  const bridge = desktopBridge();
  return (
    <>
      <PageHeader title="Settings" />
      <AccountPanel />
      {onTeamServer && can('listPeople') ? <PeoplePanel /> : null}
      <IdentityPanel />
      {bridge ? <ConnectionPanel bridge={bridge} /> : null}
      <section className="panel">
        <h2>Data</h2>
        <dl className="facts">
          <dt>Database file</dt>
          <dd className="mono">{status?.databaseFile}</dd>
          <dt>Error log</dt>
          <dd className="mono">{status?.logFile}</dd>
          <dt>Schema version</dt>
          <dd className="mono">{status?.schemaVersion}</dd>
          <dt>Running as</dt>
          <dd>{isDesktop() ? 'Desktop app' : onTeamServer ? 'Team server' : 'Browser mode (loopback server)'}</dd>
        </dl>
      </section>
      <section className="panel">
        <h2>Membership years</h2>
        <GridTable label="Membership years">
          <TableHead columns={['Year', 'Starts', 'Ends', 'Draft action plan due', 'Final action plan due']} />
          <tbody>
            {status?.years.map((y) => (
              <tr key={y.id}>
                <td className="strong">{y.label}</td>
                <td>{formatDate(y.startDate)}</td>
                <td>{formatDate(y.endDate)}</td>
                <td>{formatDate(y.draftPlanDeadline)}</td>
                <td>{formatDate(y.finalPlanDeadline)}</td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      </section>
      <CategoriesPanel />
      {can('listBackups') ? <BackupsPanel /> : null}
      {can('listAudit') ? <AuditPanel /> : <p className="hint">The audit log is for Memberships Managers, Finance and administrators.</p>}
    </>
  );
}
