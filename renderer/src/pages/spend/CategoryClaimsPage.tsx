import { Link, useParams, useSearchParams } from 'react-router';
import { formatPence } from '@shared/domain/money';
import { useQueryOf } from '../../data/queries';
import { PageHeader } from '../../components/PageHeader';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';
import { ClippedText } from '../../components/ClippedText';

/** The claims of one spend category across the network: where a bar of the category chart leads. */
export function CategoryClaimsPage() {
  const { categoryId } = useParams();
  const [params] = useSearchParams();
  const year = params.get('year') ?? undefined;
  const view = useQueryOf('categoryClaims', { categoryId: Number(categoryId), year });
  const v = view.data;
  const total = (status?: string) => formatPence((v?.claims ?? []).filter((c) => (status ? c.status === status : c.status !== 'rejected')).reduce((n, c) => n + c.amountPence, 0));
  return (
    <>
      <PageHeader
        crumbs={<Link to="/spend">Spend</Link>}
        title={v ? v.category : 'Category'}
        subtitle={v ? `${v.claims.length} claims in ${v.year} · claimed ${total()} · released ${total('paid')}` : undefined}
      />
      {view.error ? <ErrorPanel title="Could not load the claims" error={view.error} onRetry={view.refetch} /> : null}
      {v && v.claims.length === 0 ? <div className="empty-state">No hub has claimed under {v.category} in {v.year}.</div> : null}
      {v && v.claims.length > 0 ? (
        <div className="table-wrap">
          <GridTable className="data-table" label={`Claims under ${v.category}`}>
            <TableHead columns={['Hub', 'Claimed', 'Invoice', 'Priority', 'What for', { num: 'Amount' }, 'Status', 'Paid']} />
            <tbody>
              {v.claims.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/spend?hub=${c.hubId}`}>{c.hub}</Link>
                  </td>
                  <td>{formatDate(c.claimedOn)}</td>
                  <td className="mono">{c.invoiceRef ?? '—'}</td>
                  <td>{c.priority ?? '—'}</td>
                  <td>
                    <ClippedText text={c.description} />
                  </td>
                  <td className="num">{formatPence(c.amountPence)}</td>
                  <td>
                    <span className={`tag tag-${c.status}`}>{c.status}</span>
                  </td>
                  <td>{formatDate(c.paidOn)}</td>
                </tr>
              ))}
            </tbody>
          </GridTable>
        </div>
      ) : null}
    </>
  );
}
