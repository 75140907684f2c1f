import { useState } from 'react';
import { useQueryOf } from '../../data/queries';
import { useChange } from '../../data/mutations';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';
import { saveText } from '../../components/download';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

const PAGE = 50;

function summary(json: string | null): string {
  if (!json) return '—';
  return json.length > 140 ? `${json.slice(0, 140)}…` : json;
}

/** Every change hubdesk has recorded: what, before and after, when and by whom. Searchable and exportable. */
export function AuditPanel() {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const page = useQueryOf('listAudit', { limit: PAGE, offset, search: search || undefined });
  const exporting = useChange();

  async function exportCsv() {
    const file = await exporting.run('exportAudit', {});
    if (file) saveText(file.fileName, file.csv, 'text/csv;charset=utf-8');
  }

  const total = page.data?.total ?? 0;
  return (
    <section className="panel" aria-labelledby="audit-title">
      <div className="panel-head">
        <h2 id="audit-title">Audit log</h2>
        <div className="page-actions">
          <input
            className="filter"
            type="search"
            aria-label="Search the audit log"
            placeholder="Search changes…"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setOffset(0);
            }}
          />
          <button type="button" onClick={exportCsv}>
            Export CSV
          </button>
        </div>
      </div>
      {exporting.error ? <ErrorPanel title="Could not export the audit log" error={exporting.error} /> : null}
      {page.error ? <ErrorPanel title="Could not read the audit log" error={page.error} onRetry={page.refetch} /> : null}
      {page.data && page.data.entries.length === 0 ? <p className="empty">{search ? 'No change matches.' : 'Nothing has changed yet.'}</p> : null}
      {page.data && page.data.entries.length > 0 ? (
        <>
          <GridTable className="data-table compact audit-table" label="Audit log">
            <TableHead columns={['When', 'Who', 'What', 'Before', 'After']} />
            <tbody>
              {page.data.entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">
                    {formatDate(e.at)} {e.at.slice(11, 16)}
                  </td>
                  <td>{e.osUser}</td>
                  <td>
                    <span className="strong">{e.action}</span> {e.entity.replace(/_/g, ' ')}
                    {e.entityId ? <span className="mono"> #{e.entityId}</span> : null}
                  </td>
                  <td className="mono small" title={e.before ?? undefined}>{summary(e.before)}</td>
                  <td className="mono small" title={e.after ?? undefined}>{summary(e.after)}</td>
                </tr>
              ))}
            </tbody>
          </GridTable>
          <div className="pager">
            <span>
              {offset + 1}–{Math.min(offset + PAGE, total)} of {total}
            </span>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </button>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
