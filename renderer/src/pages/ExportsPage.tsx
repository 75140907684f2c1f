import { PageHeader } from '../components/PageHeader';
import { useStatus } from '../state/status';
import { HubExportPanel } from './exports/HubExportPanel';
import { NetworkExportPanel } from './exports/NetworkExportPanel';

/** Exports: hub dashboards as Excel workbooks for Senior Partners, and the whole network. */
export function ExportsPage() {
  const { year } = useStatus();
  return (
    <>
      <PageHeader title="Exports" subtitle={`Dashboards as Excel workbooks${year ? ` · ${year}` : ''}`} />
      {year ? (
        <>
          <HubExportPanel year={year} />
          <NetworkExportPanel year={year} />
          <p className="hint muted">
            The command line writes the same workbooks without the chart images:{' '}
            <code>hubdesk export hub NAME --year {year} --out FILE.xlsx [--contacts]</code> and{' '}
            <code>hubdesk export network --year {year} --out FILE.xlsx</code> (or <code>FILE.zip</code>).
          </p>
        </>
      ) : (
        <div className="empty-state">There are no membership years yet: import a roll or load the demo network, then export.</div>
      )}
    </>
  );
}
