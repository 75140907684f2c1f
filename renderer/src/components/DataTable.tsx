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
  rowClass?(row: T): string | undefined;
  /**
   * A wide table: scrolls sideways inside its own box with the first column kept in view, and
   * column groups over related columns; a click on a link or button in a row is that link's.
   */
  wide?: boolean;
}

const alignOf = (meta: unknown) => ((meta as { align?: string } | undefined)?.align === 'right' ? 'num' : '');
const classes = (...names: (string | false)[]) => names.filter(Boolean).join(' ') || undefined;

/**
 * A sortable, filterable table. Sortable headers are buttons; rows open with a click or Enter when
 * onOpen is given, and ArrowUp/ArrowDown move between rows.
 */
export function DataTable<T>({ rows, columns, label, filter, initialSort = [], onOpen, empty, footer, rowKey, rowClass, wide = false }: DataTableProps<T>) {
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
    <div className={classes('table-wrap', wide && 'dash-wide')} tabIndex={wide ? -1 : undefined}>
      <table className={classes('data-table', wide && 'dash-table')} aria-label={label}>
        <thead>
          {groups.map((group, gi) => (
            <tr key={group.id} className={wide && gi < groups.length - 1 ? 'dash-group-row' : undefined}>
              {group.headers.map((header, hi) => {
                const grouped = header.subHeaders.length > 0;
                const className = classes(alignOf(header.column.columnDef.meta), wide && hi === 0 && 'dash-sticky', grouped && 'dash-group');
                if (header.isPlaceholder) return <th key={header.id} colSpan={header.colSpan} className={className} aria-hidden="true" />;
                const sorted = header.column.getIsSorted();
                const sortable = !grouped && header.column.getCanSort();
                const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
                const content = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    colSpan={wide ? header.colSpan : undefined}
                    scope={wide ? (grouped ? 'colgroup' : 'col') : undefined}
                    className={className}
                    aria-sort={sortable || !wide ? ariaSort : undefined}
                  >
                    {sortable ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {content}
                        <span className="sort-mark" aria-hidden="true">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}</span>
                      </button>
                    ) : (
                      content
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
              className={classes(onOpen ? 'openable' : '', rowClass?.(row.original) ?? '')}
              tabIndex={onOpen ? 0 : undefined}
              onClick={
                onOpen
                  ? (e) => {
                      if (wide && (e.target as HTMLElement).closest('a,button')) return;
                      onOpen(row.original);
                    }
                  : undefined
              }
              onKeyDown={
                onOpen
                  ? (e) => {
                      if (wide && e.target !== e.currentTarget) return;
                      if (e.key === 'Enter') onOpen(row.original);
                      const next = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.key === 'ArrowUp' ? e.currentTarget.previousElementSibling : undefined;
                      if (next === undefined) return;
                      if (wide) e.preventDefault();
                      (next as HTMLElement | null)?.focus();
                    }
                  : undefined
              }
            >
              {row.getVisibleCells().map((cell, ci) => (
                <td key={cell.id} className={classes(alignOf(cell.column.columnDef.meta), wide && ci === 0 && 'dash-sticky')}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
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
