import { useRef, useState, type ReactNode } from 'react';
import { useGridKeys } from './grid';
import { useVirtualRows } from './virtualRows';
import { useColumnGroups, type ColumnChoice } from './columns';
import { ColumnMenu } from './ColumnMenu';
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
  /** A footer row as it is; or give columns a `footer` and the row follows the columns shown. */
  footer?: ReactNode;
  rowKey(row: T): string | number;
  rowClass?(row: T): string | undefined;
  /**
   * A wide table: scrolls sideways inside its own box with the first column kept in view, and
   * column groups over related columns; a click on a link or button in a row is that link's.
   */
  wide?: boolean;
  /** Column groups a person can show or hide (remembered for them), with the menu above the table. */
  columnGroups?: ColumnChoice;
  /** What the table's short labels mean, shown just above it. */
  legend?: ReactNode;
}

const alignOf = (meta: unknown) => ((meta as { align?: string } | undefined)?.align === 'right' ? 'num' : '');
const classes = (...names: (string | false)[]) => names.filter(Boolean).join(' ') || undefined;

/**
 * A sortable, filterable table. Sortable headers are buttons; rows open with a click or Enter when
 * onOpen is given. The table is one Tab stop with arrow keys inside (grid.ts). A long table renders
 * only the rows near the view (virtualRows.ts); `aria-rowcount` and each row's `aria-rowindex` tell
 * assistive technology the whole size and where each row is.
 */
export function DataTable<T>({ rows, columns, label, filter, initialSort = [], onOpen, empty, footer, rowKey, rowClass, wide = false, columnGroups, legend }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const choice = useColumnGroups(columnGroups);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: filter ?? '', columnVisibility: choice?.visibility ?? {} },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: (row) => String(rowKey(row)),
  });
  const tableRef = useRef<HTMLTableElement>(null);
  const visible = table.getRowModel().rows;
  const virtual = useVirtualRows(visible.length, tableRef);
  useGridKeys(tableRef, virtual.window);
  const hasFooters = table.getAllLeafColumns().some((c) => c.columnDef.footer !== undefined);
  const groups = table.getHeaderGroups();
  const headerRows = groups.length;
  const rowCount = headerRows + visible.length + (footer || hasFooters ? 1 : 0);
  const columnCount = table.getVisibleLeafColumns().length;

  const bodyRow = (index: number) => {
    const row = visible[index]!;
    return (
      <tr
        key={row.id}
        ref={virtual.on ? virtual.measure : undefined}
        data-index={index}
        aria-rowindex={headerRows + index + 1}
        className={classes(onOpen ? 'openable' : '', rowClass?.(row.original) ?? '')}
        onClick={
          onOpen
            ? (e) => {
                // A link or button in the row is its own (the grid sends Enter on a row or plain cell as a click on the row).
                if ((e.target as HTMLElement).closest('a,button')) return;
                onOpen(row.original);
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
    );
  };

  const tableView = (
    <div className={classes('table-wrap', wide && 'dash-wide')} tabIndex={wide ? -1 : undefined}>
      <table ref={tableRef} className={classes('data-table', wide && 'dash-table')} aria-label={label} aria-rowcount={rowCount}>
        <thead>
          {groups.map((group, gi) => (
            <tr key={group.id} aria-rowindex={gi + 1} className={wide && gi < groups.length - 1 ? 'dash-group-row' : undefined}>
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
          {virtual.on
            ? virtual.pieces.map((piece) =>
                'row' in piece ? (
                  bodyRow(piece.row)
                ) : (
                  <tr key={piece.key} className="virtual-gap" aria-hidden="true">
                    <td colSpan={columnCount} style={{ height: piece.gap }} />
                  </tr>
                ),
              )
            : visible.map((_, index) => bodyRow(index))}
        </tbody>
        {footer ? (
          <tfoot>{footer}</tfoot>
        ) : hasFooters ? (
          <tfoot>
            <tr aria-rowindex={rowCount}>
              {table.getFooterGroups()[0]!.headers.map((h) => (
                <td key={h.id} className={alignOf(h.column.columnDef.meta)}>
                  {flexRender(h.column.columnDef.footer, h.getContext())}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
      {visible.length === 0 ? <div className="table-empty">{empty ?? 'Nothing to show.'}</div> : null}
    </div>
  );
  if (!choice && !legend) return tableView;
  return (
    <>
      <div className="table-tools">
        {legend ? <div className="table-keys">{legend}</div> : null}
        {choice ? <ColumnMenu label={label} state={choice} /> : null}
      </div>
      {tableView}
    </>
  );
}

/**
 * One list of columns whatever each column's value type. TanStack Table types a column by its value
 * (a number column, a text column…), and a table holds several: the list is widened here, once.
 */
export function mixedColumns<T>() {
  return <V extends unknown[]>(...columns: { [I in keyof V]: ColumnDef<T, V[I]> }): ColumnDef<T, unknown>[] => columns as unknown as ColumnDef<T, unknown>[];
}
