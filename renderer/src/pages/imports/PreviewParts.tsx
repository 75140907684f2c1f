import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { FieldChange, RollFundingEffect } from '@shared/contract/roll-import';
import { formatPence } from '@shared/domain/money';
import { DataTable } from '../../components/DataTable';
import { formatCount } from '../../components/format';

export const num = { align: 'right' };

/** A titled table of an import preview with its count; left out when empty unless it says why. */
export function PreviewSection<T>(props: { title: string; rows: T[]; columns: ColumnDef<T, unknown>[]; rowKey(r: T): string | number; count?: number; empty?: ReactNode; children?: ReactNode }) {
  const { title, rows, empty } = props;
  if (rows.length === 0 && !empty) return null;
  return (
    <section className="preview-section" aria-label={title}>
      <h3>
        {title} <span className="count">{formatCount(props.count ?? rows.length)}</span>
      </h3>
      <DataTable label={title} rows={rows} columns={props.columns} rowKey={props.rowKey} empty={empty} />
      {props.children}
    </section>
  );
}

/** The headline counts of an import preview; problems are marked when there are any. */
export function PreviewKpis({ kpis }: { kpis: [string, number][] }) {
  return (
    <div className="kpis">
      {kpis.map(([label, value]) => (
        <div className={`kpi${label === 'Problems' && value > 0 ? ' kpi-bad' : ''}`} key={label}>
          <span className="kpi-value">{formatCount(value)}</span>
          <span className="kpi-label">{label}</span>
        </div>
      ))}
    </div>
  );
}

/** A problem or warning in an imported file, located as a person finds it: sheet, row, column (and URN where known). */
export interface Issue {
  sheet?: string | null;
  row: number | null;
  column: string | null;
  urn?: string | null;
  message: string;
}

/** The issues of a preview in one table: Sheet and URN columns only when an issue has one. */
export function IssuesTable({ title, rows, count }: { title: string; rows: Issue[]; count: number }) {
  if (rows.length === 0) return null;
  const columns: ColumnDef<Issue, unknown>[] = [
    ...(rows.some((p) => p.sheet) ? [{ header: 'Sheet', id: 'sheet', accessorFn: (p: Issue) => p.sheet ?? '—' }] : []),
    { header: 'Row', id: 'row', accessorFn: (p) => p.row ?? '—', meta: num },
    { header: 'Column', id: 'column', accessorFn: (p) => p.column ?? '—' },
    ...(rows.some((p) => p.urn) ? [{ header: 'URN', id: 'urn', accessorFn: (p: Issue) => p.urn ?? '—' }] : []),
    { header: 'Problem', accessorKey: 'message' },
  ];
  return (
    <PreviewSection
      title={count > rows.length ? `${title} (first ${formatCount(rows.length)} of ${formatCount(count)})` : title}
      rows={rows}
      count={count}
      columns={columns}
      rowKey={(p) => `${p.sheet ?? ''}-${p.row}-${p.column}-${p.urn ?? ''}-${p.message}`}
    />
  );
}

export function signed(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0';
}

function signedPence(n: number): string {
  return n > 0 ? `+${formatPence(n)}` : formatPence(n);
}

export function changeText(c: FieldChange): string {
  return `${c.field}: ${c.before ?? '(blank)'} → ${c.after ?? '(blank)'}`;
}

/** Each hub whose funding an import changes, before → after, and why. */
export const fundingColumns: ColumnDef<RollFundingEffect, unknown>[] = [
  { header: 'Hub', accessorKey: 'hub' },
  { header: 'Schools', id: 'schools', accessorFn: (f) => `${f.schoolsBefore} → ${f.schoolsAfter}`, meta: num },
  { header: 'Funding before', accessorKey: 'beforePence', meta: num, cell: (c) => formatPence(c.getValue<number>()) },
  { header: 'Funding after', accessorKey: 'afterPence', meta: num, cell: (c) => formatPence(c.getValue<number>()) },
  { header: 'Change', id: 'delta', accessorFn: (f) => f.afterPence - f.beforePence, meta: num, cell: (c) => <strong>{signedPence(c.getValue<number>())}</strong> },
  { header: 'Why', accessorKey: 'explanation' },
];

/** Pupil numbers before → after, and the change. */
export function pupilColumns<T extends { before: number; after: number }>(): ColumnDef<T, unknown>[] {
  return [
    { header: 'Before', accessorKey: 'before', meta: num, cell: (c) => formatCount(c.getValue<number>()) },
    { header: 'After', accessorKey: 'after', meta: num, cell: (c) => formatCount(c.getValue<number>()) },
    { header: 'Change', id: 'delta', accessorFn: (p) => p.after - p.before, meta: num, cell: (c) => signed(c.getValue<number>()) },
  ];
}
