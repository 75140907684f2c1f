import { useMemo, useState } from 'react';
import type { HubMergeResult } from '@shared/contract';
import { useQueryOf } from '../data/queries';
import { useEdits } from '../components/forms/useEdits';
import { Field } from '../components/forms/Field';
import { MergePreview } from './MergePreview';
import { PickOne } from './PickOne';
import { MergeDialog, useMergeFlow } from './MergeFlow';

/**
 * "Merge into another hub…": from the chosen year on, this hub's schools (and that year's meetings,
 * claims and plan) belong to the hub chosen; earlier years stay with this hub. Both hubs' funding
 * before → after shows before saving.
 */
export function MergeHubDialog(props: { hubId: number; onSaved(r: HubMergeResult): void; onCancel(): void }) {
  const formQuery = useQueryOf('hubMergeForm', { hubId: props.hubId });
  const form = formQuery.data ?? null;
  const formError = formQuery.error?.message ?? null;
  const [filter, setFilter] = useState('');
  const [intoId, setIntoId] = useState<number | null>(null);
  const [year, setYear] = useEdits(form ? (form.currentYear ?? form.years[0] ?? '') : '');

  const filtered = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (form?.hubs ?? []).filter((h) => !f || h.name.toLowerCase().includes(f));
  }, [form, filter]);

  const flow = useMergeFlow(
    useQueryOf('previewHubMerge', intoId && year ? { fromHubId: props.hubId, intoHubId: intoId, year } : null),
    'mergeHubs',
    (p, held) => ({ fromHubId: p.from.id, intoHubId: p.into.id, year: p.year, ...held }),
    props.onSaved,
    { side: form?.hub, refetch: formQuery.refetch },
  );
  const { preview, loading } = flow;

  const hub = form?.hub;
  const merged = hub?.mergedInto ?? null;
  return (
    <MergeDialog title={hub ? `Merge ${hub.name} into another hub` : 'Merge into another hub'} saveLabel="Merge hubs" flow={flow} formError={formError} loading={!form} onCancel={props.onCancel}>
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
            <PickOne
              label="Keep this hub (merge into it)"
              hint="Type to filter; Enter picks the first match"
              find="Find the hub to keep"
              placeholder="Filter hubs…"
              size={6}
              filter={filter}
              onFilter={setFilter}
              options={filtered}
              describe={(h) => h.name}
              noMatch={`No hub matches “${filter}”.`}
              value={intoId}
              onChange={setIntoId}
            />
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
    </MergeDialog>
  );
}
