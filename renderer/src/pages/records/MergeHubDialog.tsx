import { useEffect, useMemo, useState } from 'react';
import type { HubMergeForm, HubMergeResult } from '@shared/contract';
import { RecordDialog } from '../../components/forms/RecordDialog';
import { Field } from '../../components/forms/Field';
import { coreMessages } from '../../components/forms/validate';
import { MergePreview } from './MergePreview';
import { useMergeFlow } from './useMergeFlow';

/**
 * "Merge into another hub…": from the chosen year on, this hub's schools (and that year's meetings,
 * claims and plan) belong to the hub chosen; earlier years stay with this hub. Both hubs' funding
 * before → after shows before saving.
 */
export function MergeHubDialog(props: { hubId: number; onSaved(r: HubMergeResult): void; onCancel(): void }) {
  const [form, setForm] = useState<HubMergeForm | null>(null);
  const [filter, setFilter] = useState('');
  const [intoId, setIntoId] = useState<number | null>(null);
  const [year, setYear] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    window.api.hubMergeForm({ hubId: props.hubId }).then(
      (f) => {
        setForm(f);
        setYear(f.currentYear ?? f.years[0] ?? '');
      },
      (e: unknown) => setFormError(coreMessages(e).message),
    );
  }, [props.hubId]);

  const filtered = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (form?.hubs ?? []).filter((h) => !f || h.name.toLowerCase().includes(f));
  }, [form, filter]);

  const flow = useMergeFlow(
    intoId && year ? () => window.api.previewHubMerge({ fromHubId: props.hubId, intoHubId: intoId, year }) : null,
    [props.hubId, intoId, year],
    (p) => window.api.mergeHubs({ fromHubId: p.from.id, intoHubId: p.into.id, year: p.year, fromVersion: p.from.version, intoVersion: p.into.version }),
    props.onSaved,
  );
  const { preview, loading, error, busy } = flow;

  const hub = form?.hub;
  const merged = hub?.mergedInto ?? null;
  return (
    <RecordDialog
      title={hub ? `Merge ${hub.name} into another hub` : 'Merge into another hub'}
      saveLabel="Merge hubs"
      busy={busy}
      error={error ?? formError}
      wide
      canSave={flow.canSave}
      onSave={() => void flow.save()}
      onCancel={props.onCancel}
    >
      {!form && !formError ? <p aria-busy="true">Loading…</p> : null}
      {merged ? (
        <p className="form-error">
          {hub!.name} was already merged into {merged.name}
          {merged.fromYear ? ` from ${merged.fromYear}` : ''}.
        </p>
      ) : null}
      {form && !merged ? (
        <>
          <p className="small muted">
            From the year chosen on, {form.hub.name}’s schools, meetings, claims and action plan belong to the hub you keep; earlier years (members, funding,
            meetings, plans, claims and carry forward) stay with {form.hub.name} as history. {form.hub.name} is then offered for no new memberships.
          </p>
          <div className="record-grid">
            <Field label="Keep this hub (merge into it)" message={null} hint="Type to filter; Enter picks the first match">
              {(p) => (
                <>
                  <input
                    type="search"
                    placeholder="Filter hubs…"
                    aria-label="Find the hub to keep"
                    value={filter}
                    autoFocus
                    onChange={(e) => setFilter(e.target.value)}
                    onKeyDown={(e) => {
                      const first = filtered[0];
                      if (e.key === 'Enter' && first && first.id !== intoId) {
                        e.preventDefault();
                        setIntoId(first.id);
                      }
                    }}
                  />
                  <select {...p} size={6} value={intoId ?? ''} onChange={(e) => setIntoId(Number(e.target.value))}>
                    {filtered.map((h) => (
                      <option key={h.id} value={h.id}>
                        {h.name}
                      </option>
                    ))}
                  </select>
                  {filtered.length === 0 ? <span className="small muted">No hub matches “{filter}”.</span> : null}
                </>
              )}
            </Field>
            <Field label="Merged from the year" message={null} hint={form.currentYear ? `Default: the current year, ${form.currentYear}` : undefined}>
              {(p) => (
                <select {...p} value={year} onChange={(e) => setYear(e.target.value)}>
                  {form.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {preview ? (
            <>
              <dl className="merge-keep">
                <dt>Kept</dt>
                <dd data-testid="merge-kept">{preview.into.name}</dd>
                <dt>Merged into it</dt>
                <dd data-testid="merge-merged">
                  {preview.from.name}, from {preview.year}
                  {preview.years.length > 1 ? ` (${preview.years.join(', ')})` : ''}
                </dd>
              </dl>
              <MergePreview
                moves={preview.moves}
                refusals={preview.refusals}
                funding={preview.funding}
                noFunding={`${preview.from.name} has no members from ${preview.year}, so no hub’s funding changes.`}
              />
            </>
          ) : intoId ? (
            <p className="small muted">{loading ? 'Working out what moves…' : ''}</p>
          ) : (
            <p className="small muted">Choose the hub to keep: what moves and both hubs’ funding before → after show here before you merge.</p>
          )}
        </>
      ) : null}
    </RecordDialog>
  );
}
