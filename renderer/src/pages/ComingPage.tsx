import { PageHeader } from '../components/PageHeader';

/** A section that is not built yet says so plainly instead of pretending. */
export function ComingPage({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="empty-state">
        <h2>Not available yet</h2>
        <p>This part of hubdesk is being built. Until then, use the Network and Hubs pages.</p>
      </div>
    </>
  );
}
