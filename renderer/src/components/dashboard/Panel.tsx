import type { ReactNode } from 'react';
import type { SourceNote } from '@shared/contract';
import { formatDate } from '../format';

/** Where a panel's figures came from and as at when. */
export function Sources({ notes }: { notes: SourceNote[] }) {
  if (notes.length === 0) return <p className="dash-source">Source: nothing recorded yet.</p>;
  return (
    <p className="dash-source">
      {notes.map((n, i) => (
        <span key={`${n.what}-${n.source}-${i}`}>
          {n.what}: {n.source}
          {n.asAt ? `, as at ${formatDate(n.asAt)}` : ''}
          {i < notes.length - 1 ? ' · ' : ''}
        </span>
      ))}
    </p>
  );
}

export function Panel({ title, sources, children, count, id, wide }: { title: string; sources: SourceNote[]; children: ReactNode; count?: number; id?: string; wide?: boolean }) {
  const headingId = id ?? `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel dash-panel${wide ? ' dash-wide-panel' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title}
        {count !== undefined ? <span className="dash-count">{count}</span> : null}
      </h2>
      <div className="dash-panel-body">{children}</div>
      <Sources notes={sources} />
    </section>
  );
}
