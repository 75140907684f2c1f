import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  observeWindowOffset,
  observeWindowRect,
  useVirtualizer,
  windowScroll,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual';
import type { RowWindow } from './grid';

/**
 * Tables longer than this render only the rows in and near the view (plus the focused row), the
 * rest stood in for by empty space of their height. Laying out every row costs the browser about
 * as much per row as the app's code does per screen: 25,000 schools took over 20 seconds, 451 a few
 * hundred milliseconds. Shorter tables keep every row in the page, so the browser's own find (Ctrl+F)
 * and a screen reader's table reading see all of them, at a cost too small to notice.
 */
export const VIRTUAL_FROM = 100;
/** Rows rendered beyond each edge of the view: more than a PageUp / PageDown moves. */
const OVERSCAN = 12;
const ROW_ESTIMATE = 38;

/**
 * What scrolls the table up and down: its nearest ancestor that scrolls and is shorter than the
 * window (a dialog's body), else the window itself (the page grows with its content and the window
 * scrolls it).
 */
function scrollParent(el: HTMLElement): HTMLElement | Window {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.clientHeight < window.innerHeight) return p;
  }
  return window;
}

/** Where the table body's first row starts in what scrolls it. */
function bodyTop(table: HTMLTableElement, scroller: HTMLElement | Window): number {
  const top = table.getBoundingClientRect().top + (table.tHead?.offsetHeight ?? 0);
  return scroller instanceof Window ? top + window.scrollY : top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/**
 * True while the page is printed or saved as PDF: every row is rendered then. `beforeprint` is
 * handled synchronously, so the rows are in the page before the printer lays it out.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia('print').matches);
  useLayoutEffect(() => {
    const media = window.matchMedia('print');
    const start = () => flushSync(() => setPrinting(true));
    const onMedia = () => (media.matches ? start() : setPrinting(false));
    const end = () => setPrinting(media.matches);
    media.addEventListener('change', onMedia);
    window.addEventListener('beforeprint', start);
    window.addEventListener('afterprint', end);
    return () => {
      media.removeEventListener('change', onMedia);
      window.removeEventListener('beforeprint', start);
      window.removeEventListener('afterprint', end);
    };
  }, []);
  return printing;
}

/** One piece of the table body: a row by its index in the sorted, filtered list, or the height of rows not rendered. */
export type BodyPiece = { row: number } | { gap: number; key: string };

export interface VirtualRows {
  /** False: render every row (a short table, or printing). */
  on: boolean;
  pieces: BodyPiece[];
  /** Given to each rendered row (with its `data-index`): measures its height. */
  measure(el: HTMLTableRowElement | null): void;
  /** For the grid keys: the whole length and a way to bring a row into the page. */
  window: RefObject<RowWindow | null>;
}

/**
 * Virtualised rows for a table in a scrolling page (@tanstack/react-virtual). The table stays a
 * real table: rows not rendered are one spacer row of their height above and below, so columns,
 * the sticky header, sorting and filtering are untouched. The focused row is always rendered (a
 * row scrolled far away keeps the keyboard), and the grid keys bring a row into the page by index.
 */
export function useVirtualRows(count: number, table: RefObject<HTMLTableElement | null>): VirtualRows {
  const printing = usePrinting();
  const long = count > VIRTUAL_FROM;
  // The virtualizer keeps running while printing renders every row, so the rows come back as they were.
  const on = long && !printing;
  const [scroller, setScroller] = useState<HTMLElement | Window | null>(null);
  const [margin, setMargin] = useState(0);
  const focused = useRef<number | null>(null);

  // Where the body's first row starts in the scrolling element, measured after every render: what is
  // above the table (a notice, a wrapped header) moves it. State is set only when it changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs after every render on purpose (above)
  useLayoutEffect(() => {
    const t = table.current;
    if (!long || !t) return;
    const el = scroller ?? scrollParent(t);
    if (el !== scroller) setScroller(el);
    const top = bodyTop(t, el);
    if (Math.abs(top - margin) > 0.5) setMargin(top);
  });

  // The row that has the keyboard stays rendered wherever the view is scrolled.
  useLayoutEffect(() => {
    const t = table.current;
    if (!t) return;
    const onFocus = (e: FocusEvent) => {
      const row = (e.target as HTMLElement).closest('tr');
      focused.current = row?.dataset.index !== undefined ? Number(row.dataset.index) : null;
    };
    t.addEventListener('focusin', onFocus);
    return () => t.removeEventListener('focusin', onFocus);
  }, [table]);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const f = focused.current;
      if (f === null || f >= count || indexes.includes(f)) return indexes;
      return [...indexes, f].sort((a, b) => a - b);
    },
    [count],
  );

  // One virtualizer for either scroller: the window's own measuring and scrolling when it is the window.
  const inWindow = scroller instanceof Window;
  const virtualizer = useVirtualizer<Element, HTMLTableRowElement>({
    count,
    enabled: long,
    getScrollElement: () => scroller as Element | null,
    observeElementRect: (inWindow ? observeWindowRect : observeElementRect) as (v: Virtualizer<Element, HTMLTableRowElement>, cb: (rect: { width: number; height: number }) => void) => void | (() => void),
    observeElementOffset: (inWindow ? observeWindowOffset : observeElementOffset) as typeof observeElementOffset<Element>,
    scrollToFn: (inWindow ? windowScroll : elementScroll) as typeof elementScroll<Element>,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin: margin,
    rangeExtractor,
  });

  const rowWindow = useRef<RowWindow | null>(null);
  rowWindow.current = on ? { count, reveal: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) } : null;

  if (!on) return { on, pieces: [], measure: () => undefined, window: rowWindow };
  const pieces: BodyPiece[] = [];
  let at = margin;
  for (const item of virtualizer.getVirtualItems()) {
    if (item.start - at > 0.5) pieces.push({ gap: item.start - at, key: `gap-${item.index}` });
    pieces.push({ row: item.index });
    at = item.end;
  }
  const end = margin + virtualizer.getTotalSize();
  if (end - at > 0.5) pieces.push({ gap: end - at, key: 'gap-end' });
  return { on, pieces, measure: virtualizer.measureElement, window: rowWindow };
}
