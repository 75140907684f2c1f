import { useRef, type ReactNode } from 'react';
import { useGridKeys } from './grid';

/** A plain table (not sorted or filtered: DataTable is): one Tab stop with arrow keys inside, like every table. */
export function GridTable({ label, className = 'data-table compact', children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLTableElement>(null);
  useGridKeys(ref);
  return (
    <table ref={ref} className={className} aria-label={label}>
      {children}
    </table>
  );
}
