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

export interface DataTableProps<T> {
  rows: T[];
  columns: ColumnDef<T, unknown>[];
  /** Accessible name of the table. */
  label: string;
  filter?: string;
  initialSort?: SortingState;
  onOpen?(row: T): void;
  empty?: ReactNode;
  footer?: ReactNode;
  rowKey(row: T): string | number;
}

/** A sortable, filterable table; rows open with a click or Enter when onOpen is given. */
export function DataTable<T>({ rows, columns, label, filter, initialSort = [], onOpen, empty, footer, rowKey }: DataTableProps<T>) {
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

  return (
    <div className="table-wrap">
      <table className="data-table" aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const align = (header.column.columnDef.meta as { align?: string } | undefined)?.align;
                return (
                  <th key={header.id} className={align === 'right' ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    {header.column.getCanSort() ? (
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
              className={onOpen ? 'openable' : undefined}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen ? () => onOpen(row.original) : undefined}
              onKeyDown={
                onOpen
                  ? (e) => {
                      if (e.key === 'Enter') onOpen(row.original);
                      if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                      if (e.key === 'ArrowUp') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                    }
                  : undefined
              }
            >
              {row.getVisibleCells().map((cell) => {
                const align = (cell.column.columnDef.meta as { align?: string } | undefined)?.align;
                return (
                  <td key={cell.id} className={align === 'right' ? 'num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
      {visible.length === 0 ? <div className="table-empty">{empty ?? 'Nothing to show.'}</div> : null}
    </div>
  );
}

/**
 * One list of columns whatever each column's value type. TanStack Table types a column by its value
 * (a number column, a text column…), and a table holds several: the list is widened here, once.
 */
export function mixedColumns<T>() {
  return <V extends unknown[]>(...columns: { [I in keyof V]: ColumnDef<T, V[I]> }): ColumnDef<T, unknown>[] => columns as unknown as ColumnDef<T, unknown>[];
}
