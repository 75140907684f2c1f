import { useEffect, type RefObject } from 'react';

/**
 * A table whose rows are not all in the page (a long DataTable renders those near the view): row
 * moves go by the row's index (`data-index`) in the whole list, and a row not rendered is brought
 * into the page first, then focused.
 */
export interface RowWindow {
  /** Body rows in all. */
  count: number;
  /** Scrolls body row `index` (0-based) into the page, which renders it. */
  reveal(index: number): void;
}

/**
 * The grid pattern for tables: a table is one Tab stop, and arrow keys move inside it.
 *
 * - Tab reaches the table once (the row or cell last focused in it, at first its first row) and leaves it with the next Tab.
 * - ArrowUp / ArrowDown move between rows (the header row too), PageUp / PageDown ten rows at a time,
 *   Home / End (Ctrl+Home / Ctrl+End in a cell) to the first or last row.
 * - ArrowRight / ArrowLeft move from a row into its cells and through the links and buttons in them;
 *   Home / End in a cell go to the first or last cell of the row.
 * - Enter on a row (or on a cell that holds no link or button) is a click on the row: a table that
 *   opens its rows opens it. Enter on a link or button is that link's or button's.
 *
 * A row holding a field to type into is a form, outside the grid: its fields keep their Tab stops.
 */
const CONTROL = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not(td):not(th):not(tr)';
const TYPING = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), select, textarea';
const PAGE = 10;

/**
 * The rows a person moves through: the last header row (the columns) and every body row, except a
 * row that is a form (a field to type into, such as a claim being corrected in its row): its fields
 * keep their own Tab order.
 */
function rowsOf(table: HTMLTableElement): HTMLTableRowElement[] {
  const head = table.tHead?.rows;
  // A spacer standing in for rows not rendered (aria-hidden) is no row to move to.
  const body = [...table.tBodies].flatMap((b) => [...b.rows]).filter((r) => r.getAttribute('aria-hidden') !== 'true' && !r.querySelector(TYPING));
  return [...(head && head.length ? [head[head.length - 1]!] : []), ...body];
}

const isHeaderRow = (row: HTMLTableRowElement) => row.parentElement?.tagName === 'THEAD';

/** A cell's stops: its links and buttons, else the cell itself (a placeholder header cell has none). */
function cellStops(cell: HTMLTableCellElement): HTMLElement[] {
  if (cell.getAttribute('aria-hidden') === 'true') return [];
  const controls = [...cell.querySelectorAll<HTMLElement>(CONTROL)].filter((c) => c.closest('td,th') === cell);
  return controls.length ? controls : [cell];
}

/** A row's stops in order: a body row itself first (Enter opens it), then each cell's. */
function rowStops(row: HTMLTableRowElement): HTMLElement[] {
  return [...(isHeaderRow(row) ? [] : [row]), ...[...row.cells].flatMap(cellStops)];
}

/** Every element of the table that can take focus: one of them holds tabindex 0, the rest -1. */
function allStops(table: HTMLTableElement): HTMLElement[] {
  return rowsOf(table).flatMap(rowStops);
}

/** Where an element is: its row, and the index of its cell (-1: the row itself). */
function place(el: HTMLElement, table: HTMLTableElement): { row: HTMLTableRowElement; cell: number } | null {
  const row = el.closest('tr');
  if (!row || row.closest('table') !== table) return null;
  const cell = el === row ? null : el.closest('td,th');
  return { row, cell: cell ? [...row.cells].indexOf(cell as HTMLTableCellElement) : -1 };
}

/** The stop in another row that lines up: the row itself, or the first stop of the same cell (or the nearest). */
function lineUp(row: HTMLTableRowElement, cell: number): HTMLElement | undefined {
  if (cell < 0) return isHeaderRow(row) ? rowStops(row)[0] : row;
  const cells = [...row.cells];
  for (let i = Math.min(cell, cells.length - 1); i >= 0; i--) {
    const stops = cellStops(cells[i]!);
    if (stops.length) return stops[0];
  }
  return rowStops(row)[0];
}

/** The index a row move goes to in a table of `count` body rows, from `from` (-1: the header row). */
function moveIndex(key: string, from: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return from + 1 < count ? from + 1 : undefined;
    case 'ArrowUp':
      return from > -1 ? from - 1 : undefined;
    case 'PageDown':
      return Math.min(count - 1, from + PAGE);
    case 'PageUp':
      return Math.max(-1, from - PAGE);
    case 'Home':
      return count > 0 ? 0 : undefined;
    case 'End':
      return count > 0 ? count - 1 : undefined;
    default:
      return undefined;
  }
}

const bodyRow = (table: HTMLTableElement, index: number) => table.querySelector<HTMLTableRowElement>(`tbody > tr[data-index="${index}"]`);

/** A row move in a table whose rows are not all rendered: the row to focus, or `reveal` when it must be brought in first. */
function windowTarget(e: KeyboardEvent, table: HTMLTableElement, win: RowWindow, at: { row: HTMLTableRowElement; cell: number }): HTMLElement | { reveal: number; cell: number } | undefined {
  const from = isHeaderRow(at.row) ? -1 : Number(at.row.dataset.index);
  const index = moveIndex(e.key, from, win.count);
  if (index === undefined) return undefined;
  if (index === -1) {
    const head = rowsOf(table)[0];
    return head && isHeaderRow(head) ? lineUp(head, at.cell) : undefined;
  }
  const row = bodyRow(table, index);
  return row ? lineUp(row, at.cell) : { reveal: index, cell: at.cell };
}

const ROW_MOVES = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End']);

function target(e: KeyboardEvent, table: HTMLTableElement, win: RowWindow | null): HTMLElement | { reveal: number; cell: number } | undefined {
  const el = e.target as HTMLElement;
  const at = place(el, table);
  if (!at) return undefined;
  const inCell = at.cell >= 0;
  const rowMove = ROW_MOVES.has(e.key) && !((e.key === 'Home' || e.key === 'End') && inCell && !e.ctrlKey);
  if (win && rowMove) return windowTarget(e, table, win, at);
  const rows = rowsOf(table);
  const r = rows.indexOf(at.row);
  const body = rows.filter((x) => !isHeaderRow(x));
  const stops = rowStops(at.row);
  const s = stops.indexOf(el);
  switch (e.key) {
    case 'ArrowDown':
      return rows[r + 1] && lineUp(rows[r + 1]!, at.cell);
    case 'ArrowUp':
      return rows[r - 1] && lineUp(rows[r - 1]!, at.cell);
    case 'PageDown':
      return lineUp(rows[Math.min(rows.length - 1, r + PAGE)]!, at.cell);
    case 'PageUp':
      return lineUp(rows[Math.max(0, r - PAGE)]!, at.cell);
    case 'ArrowRight':
      return stops[s + 1];
    case 'ArrowLeft':
      return s > 0 ? stops[s - 1] : undefined;
    case 'Home':
      return inCell && !e.ctrlKey ? stops[isHeaderRow(at.row) ? 0 : 1] : body[0] && lineUp(body[0], at.cell);
    case 'End':
      return inCell && !e.ctrlKey ? stops[stops.length - 1] : body.length ? lineUp(body[body.length - 1]!, at.cell) : undefined;
    default:
      return undefined;
  }
}

/** Gives the table its one Tab stop: `active` if it is still in the table, else its first body row (or header). */
function settle(table: HTMLTableElement, active: HTMLElement | null): HTMLElement | null {
  const stops = allStops(table);
  const keep = active && stops.includes(active) ? active : (stops.find((s) => s.tagName === 'TR') ?? stops[0] ?? null);
  for (const s of stops) s.tabIndex = s === keep ? 0 : -1;
  return keep;
}

/**
 * Applies the grid keys to a table (DataTable and GridTable use it); `rows` when the table renders
 * only some of its rows (virtualRows.ts).
 */
export function useGridKeys(ref: RefObject<HTMLTableElement | null>, rows?: RefObject<RowWindow | null>): void {
  useEffect(() => {
    const table = ref.current;
    if (!table) return;
    let active = settle(table, null);
    /** Whether `active` is where the person last was, or only the default (rows may not be rendered yet). */
    let chosen = false;
    /** A row asked for that was not rendered yet: focused as soon as it is. */
    let pending: { index: number; cell: number } | null = null;
    // Rows come and go (a filter, a sort, a new answer, scrolling): the one stop is kept, or moved to the first row.
    const observer = new MutationObserver(() => {
      active = settle(table, chosen ? active : null);
      // After settle: a row just rendered has no tabindex (cannot take focus) until it has run.
      const row = pending && bodyRow(table, pending.index);
      if (pending && row) {
        const stop = lineUp(row, pending.cell);
        pending = null;
        stop?.focus();
      }
    });
    observer.observe(table, { childList: true, subtree: true });

    const onFocus = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      if (!place(el, table) || !allStops(table).includes(el)) return;
      active = settle(table, el);
      chosen = true;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.metaKey) return;
      const el = e.target as HTMLElement;
      if (el.matches(TYPING)) return;
      if (e.key === 'Enter' && !e.shiftKey && (el.tagName === 'TR' || el.tagName === 'TD' || el.tagName === 'TH')) {
        const row = el.closest('tr');
        if (row && !isHeaderRow(row)) {
          e.preventDefault();
          row.click();
        }
        return;
      }
      const next = target(e, table, rows?.current ?? null);
      if (!next) return;
      e.preventDefault();
      if (next instanceof HTMLElement) {
        pending = null;
        next.focus();
      } else {
        pending = { index: next.reveal, cell: next.cell };
        rows?.current?.reveal(next.reveal);
      }
    };
    table.addEventListener('focusin', onFocus);
    table.addEventListener('keydown', onKey);
    return () => {
      observer.disconnect();
      table.removeEventListener('focusin', onFocus);
      table.removeEventListener('keydown', onKey);
    };
  }, [ref, rows]);
}
