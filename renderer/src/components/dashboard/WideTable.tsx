import { useState, type ReactNode } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';

export interface WideTableProps<T> {
  rows: T[];
  columns: ColumnDef<T, unknown>[];
  label: string;
  filter?: string;
  initialSort?: SortingState;
  onOpen?(row: T): void;
  empty?: ReactNode;
  rowKey(row: T): string | number;
  rowClass?(row: T): string | undefined;
}

/**
 * A wide table that scrolls sideways inside its own box with the first column kept in view, and
 * column groups over related columns. Sortable headers are buttons; rows open with Enter or a click,
 * and ArrowUp/ArrowDown move between rows.
 */
export function WideTable<T>({ rows, columns, label, filter, initialSort = [], onOpen, empty, rowKey, rowClass }: WideTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: filter ?? '' },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: (row) => String(rowKey(row)),
  });
  const visible = table.getRowModel().rows;
  const groups = table.getHeaderGroups();

  return (
    <div className="table-wrap dash-wide" tabIndex={-1}>
      <table className="data-table dash-table" aria-label={label}>
        <thead>
          {groups.map((group, gi) => (
            <tr key={group.id} className={gi < groups.length - 1 ? 'dash-group-row' : undefined}>
              {group.headers.map((header, hi) => {
                const meta = header.column.columnDef.meta as { align?: string } | undefined;
                const classes = [meta?.align === 'right' ? 'num' : '', hi === 0 ? 'dash-sticky' : '', header.subHeaders.length > 0 ? 'dash-group' : ''].filter(Boolean).join(' ');
                if (header.isPlaceholder) return <th key={header.id} colSpan={header.colSpan} className={classes || undefined} aria-hidden="true" />;
                const sorted = header.column.getIsSorted();
                const sortable = header.subHeaders.length === 0 && header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    colSpan={header.colSpan}
                    scope={header.subHeaders.length > 0 ? 'colgroup' : 'col'}
                    className={classes || undefined}
                    aria-sort={sortable ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                  >
                    {sortable ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span className="sort-mark" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {visible.map((row) => (
            <tr
              key={row.id}
              className={[onOpen ? 'openable' : '', rowClass?.(row.original) ?? ''].filter(Boolean).join(' ') || undefined}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen ? (e) => {
                if ((e.target as HTMLElement).closest('a,button')) return;
                onOpen(row.original);
              } : undefined}
              onKeyDown={
                onOpen
                  ? (e) => {
                      if (e.target !== e.currentTarget) return;
                      if (e.key === 'Enter') onOpen(row.original);
                      if (e.key === 'ArrowDown') {
                        e.preventDefault();
                        (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                      }
                      if (e.key === 'ArrowUp') {
                        e.preventDefault();
                        (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                      }
                    }
                  : undefined
              }
            >
              {row.getVisibleCells().map((cell, ci) => {
                const meta = cell.column.columnDef.meta as { align?: string } | undefined;
                const classes = [meta?.align === 'right' ? 'num' : '', ci === 0 ? 'dash-sticky' : ''].filter(Boolean).join(' ');
                return (
                  <td key={cell.id} className={classes || undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {visible.length === 0 ? <div className="table-empty">{empty ?? 'Nothing to show.'}</div> : null}
    </div>
  );
}
