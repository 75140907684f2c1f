import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '../../components/DataTable';
import { formatCount } from '../../components/format';

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
