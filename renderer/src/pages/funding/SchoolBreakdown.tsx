import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { FundingSchoolRow, HubFundingDetail } from '@shared/contract';
import { DataTable, mixedColumns } from '../../components/DataTable';
import { formatCount } from '../../components/format';
import { Money } from './money';

const col = createColumnHelper<FundingSchoolRow>();

/** Per school: pupils, pupils over 427, contribution, and whether the cap applied. */
export function SchoolBreakdown({ detail }: { detail: HubFundingDetail }) {
  const columns = useMemo(
    () =>
      mixedColumns<FundingSchoolRow>()(
      col.accessor('name', { header: 'School', cell: (c) => <span className="strong">{c.getValue()}</span> }),
      col.accessor('urn', { header: 'URN', cell: (c) => <span className="mono">{c.getValue()}</span> }),
      col.accessor('pupils', { header: 'Pupils', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      col.accessor('pupilsOverThreshold', { header: 'Over 427', meta: { align: 'right' }, cell: (c) => formatCount(c.getValue()) }),
      col.accessor('uncappedPence', { header: '× £3.00', meta: { align: 'right' }, cell: (c) => <Money pence={c.getValue()} /> }),
      col.accessor('contributionPence', { header: 'Contribution', meta: { align: 'right' }, cell: (c) => <Money pence={c.getValue()} strong /> }),
      col.accessor('capped', { header: 'Capped', cell: (c) => (c.getValue() ? <span className="tag tag-pending">Capped at £2,361.60</span> : '—') }),
      ),
    [],
  );
  const rows = detail.perSchool;
  return (
    <DataTable
      label={`Funding by school in ${detail.hub}`}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.schoolId}
      initialSort={[{ id: 'contributionPence', desc: true }]}
      empty={`No member schools in ${detail.year}.`}
      footer={
        rows.length ? (
          <tr>
            <td colSpan={2}>Formula ({rows.length} schools)</td>
            <td className="num">{formatCount(rows.reduce((n, r) => n + r.pupils, 0))}</td>
            <td className="num">{formatCount(rows.reduce((n, r) => n + r.pupilsOverThreshold, 0))}</td>
            <td />
            <td className="num">
              <Money pence={detail.live.figures.formulaPence} />
            </td>
            <td>{rows.filter((r) => r.capped).length} capped</td>
          </tr>
        ) : undefined
      }
    />
  );
}
